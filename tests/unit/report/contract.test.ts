import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { MAX_FINDING_PATHS, type Report } from '../../../src/lib/core/model';

// Verbatim copies of ../shared/fixtures/har (see tests/fixtures/har/SOURCES.md), so a clone tests itself.
const SHARED_HARS = 'tests/fixtures/har';
const sampleHar = 'src/lib/samples/xiaomi-browser.har';

function harFiles(): string[] {
	const files: string[] = [];
	for (const dir of readdirSync(SHARED_HARS, { withFileTypes: true })) {
		if (!dir.isDirectory()) continue;
		for (const f of readdirSync(join(SHARED_HARS, dir.name))) if (f.endsWith('.har')) files.push(join(SHARED_HARS, dir.name, f));
	}
	return files;
}

const isNullableString = (v: unknown) => v === null || typeof v === 'string';

/** Checks one report against the JSON contract of the Foundation issue, field by field. */
function expectContract(report: Report): void {
	expect(report.tool).toEqual({ name: 'telltale', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
	expect(typeof report.input.name).toBe('string');
	expect(['har', 'payload', 'http', 'curl', 'burp']).toContain(report.input.format);
	expect(report.input.exchanges).toBe(report.exchanges.length);
	report.exchanges.forEach((exchange, i) => {
		expect(exchange.index).toBe(i);
		expect(isNullableString(exchange.method)).toBe(true);
		expect(isNullableString(exchange.url)).toBe(true);
		expect(isNullableString(exchange.host)).toBe(true);
		expect(exchange.status === null || Number.isInteger(exchange.status)).toBe(true);
		expect(isNullableString(exchange.startedAt)).toBe(true);
		if (exchange.destination !== null) {
			expect(typeof exchange.destination.site).toBe('string');
			expect(typeof exchange.destination.category).toBe('string');
			expect(typeof exchange.destination.source).toBe('string');
		}
		expect(Array.isArray(exchange.layers)).toBe(true);
		for (const layer of exchange.layers) expect(layer).toMatch(/^[a-z0-9-]+$/);
		for (const finding of exchange.findings) {
			expect(['high', 'medium', 'low']).toContain(finding.confidence);
			expect(finding.path.length).toBeGreaterThan(0);
			expect(finding.reason.length).toBeGreaterThan(0);
			expect(typeof finding.detector).toBe('string');
			// Grouped per exchange: `paths` starts with `path`, lists at most MAX_FINDING_PATHS, `count` is the total.
			expect(Object.keys(finding)).toEqual(['type', 'value', 'path', 'confidence', 'reason', 'detector', 'count', 'paths']);
			expect(finding.paths[0]).toBe(finding.path);
			expect(finding.paths.length).toBeLessThanOrEqual(MAX_FINDING_PATHS);
			expect(finding.count).toBeGreaterThanOrEqual(finding.paths.length);
		}
	});
	for (const id of report.identifiers) {
		expect(id.exchanges.length).toBeGreaterThan(1);
		expect(Array.isArray(id.sites)).toBe(true);
	}
	// The report must survive JSON unchanged: no bytes, bigints, undefined or cycles in the contract.
	expect(JSON.parse(JSON.stringify(report))).toEqual(report);
}

describe('report contract', () => {
	const files = harFiles();

	it('finds the six shared HAR fixtures', () => {
		expect(files.length).toBe(6);
	});

	it.each(files)('%s: one exchange per entry, in file order, contract-shaped', (file) => {
		const bytes = new Uint8Array(readFileSync(file));
		const entries = JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, '')).log.entries as Array<{ request: { url: string } }>;
		const { report } = analyze(readCapture({ name: file, bytes }));
		expectContract(report);
		expect(report.input.format).toBe('har');
		expect(report.exchanges.map((e) => e.url)).toEqual(entries.map((e) => e.request.url));
	});

	it('a bare payload is one exchange with null method, url and host', () => {
		const { report } = analyze(readCapture({ name: 'p', bytes: new TextEncoder().encode('{"distinct_id":"abc"}') }));
		expectContract(report);
		expect(report.input.format).toBe('payload');
		expect(report.exchanges).toHaveLength(1);
		expect(report.exchanges[0]).toMatchObject({ method: null, url: null, host: null, status: null, destination: null, layers: ['json'] });
	});

	it('the bundled sample is a HAR whose telemetry entry is the richest decoded exchange', () => {
		const { report } = analyze(readCapture({ name: 'sample', bytes: new Uint8Array(readFileSync(sampleHar)) }));
		expectContract(report);
		expect(report.exchanges).toHaveLength(3);
		expect(report.exchanges[0]!.host).toBe('sa.api.intl.miui.com');
	});
});
