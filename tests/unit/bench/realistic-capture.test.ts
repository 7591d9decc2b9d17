/** The realistic benchmark capture is what it claims: deterministic, mixed, decodable, its IDs findable. */
import { describe, expect, it } from 'vitest';
import { BATCH_SIZES, EXPECTED_LAYERS, SDKS, generateRealisticHar } from '../../bench/realistic-capture';
import { minimalPipeline } from '../../bench/realistic-minimal';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';

const SMALL = { entries: 200, seed: 11 };
const capture = generateRealisticHar(SMALL);
const { report } = analyze(readCapture({ name: 'realistic-200.har', bytes: capture.bytes }));

describe('realistic benchmark capture', () => {
	it('is the same file for the same seed, another for another', () => {
		// Buffer.equals: a deep equality of a megabyte of bytes takes vitest seconds.
		const same = (bytes: Uint8Array): boolean => Buffer.from(bytes).equals(capture.bytes);
		expect(same(generateRealisticHar(SMALL).bytes)).toBe(true);
		expect(same(generateRealisticHar({ ...SMALL, seed: 12 }).bytes)).toBe(false);
	});

	it('mixes every SDK and every batch size, and counts its events', () => {
		expect(new Set(capture.entries.map((e) => e.sdk))).toEqual(new Set(SDKS));
		expect(new Set(capture.entries.map((e) => e.events))).toEqual(new Set(BATCH_SIZES));
		expect(capture.events).toBe(capture.entries.reduce((n, e) => n + e.events, 0));
		// The baseline decodes every event but the protobuf ones, which it skips.
		const protobuf = capture.entries.filter((e) => e.sdk === 'firebase');
		expect(minimalPipeline(capture.bytes)).toEqual({ events: capture.events - protobuf.reduce((n, e) => n + e.events, 0), skipped: protobuf.length });
	});

	it("decodes each SDK's request to its layers", () => {
		expect(report.exchanges).toHaveLength(capture.entries.length);
		capture.entries.forEach((planted, i) => expect(EXPECTED_LAYERS[planted.sdk], `${i} ${planted.sdk}`).toContain(report.exchanges[i]!.layers.join(' › ')));
		const sensors = capture.entries.findIndex((e) => e.sdk === 'sensors');
		expect(report.exchanges[sensors]!.layers).toEqual(['form', 'base64', 'gzip', 'json']);
	});

	it('finds every planted device ID, in every event of a JSON batch', () => {
		capture.entries.forEach((planted, i) => {
			const findings = report.exchanges[i]!.findings;
			for (const id of planted.ids) {
				// Findings are grouped per exchange: the occurrences of one value are its count (the most of any detector's).
				const hits = Math.max(0, ...findings.filter((f) => f.value.toLowerCase() === id.toLowerCase()).map((f) => f.count));
				// Firebase and GA4 send the IDs once per request; the JSON SDKs repeat them in each event.
				expect(hits, `${i} ${planted.sdk} ${id}`).toBeGreaterThanOrEqual(planted.sdk === 'firebase' || planted.sdk === 'ga4' ? 1 : planted.events);
			}
		});
	});
});
