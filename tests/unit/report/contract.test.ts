import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { MAX_FINDING_PATHS, MAX_OPAQUE_PATHS, MAX_VERDICTS, type Report } from '../../../src/lib/core/model';
import { ReportJson } from '../../../src/lib/core/report/report-json';

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
	report.exchanges.forEach((exchange) => {
		// Optional, and only together: absent when the exchange carried nothing undecoded.
		expect(exchange.verdicts === undefined).toBe(exchange.verdictCount === undefined);
		if (exchange.verdicts === undefined) return;
		expect(exchange.verdicts.length).toBeGreaterThan(0);
		expect(exchange.verdicts.length).toBeLessThanOrEqual(MAX_VERDICTS);
		expect(exchange.verdictCount).toBeGreaterThanOrEqual(exchange.verdicts.length);
		for (const v of exchange.verdicts) expect(Object.keys(v)).toEqual(['path', 'verdict']);
		// The new members come after every member the contract had.
		expect(Object.keys(exchange).slice(-2)).toEqual(['verdicts', 'verdictCount']);
	});
	if (report.summary.opaque) {
		expect(Object.keys(report.summary).at(-1)).toBe('opaque');
		expect(report.summary.opaque.encryptedOrRandom).toBeGreaterThan(0);
		expect(report.summary.opaque.first.length).toBeLessThanOrEqual(Math.min(MAX_OPAQUE_PATHS, report.summary.opaque.encryptedOrRandom));
	}
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

	it('a random blob in base64 says it looks encrypted: in the exchange and in the summary', () => {
		// Bytes of a fixed pseudo-random sequence: no format, high entropy.
		let x = 7;
		const bytes = Uint8Array.from({ length: 96 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
		const payload = Buffer.from(bytes).toString('base64');
		const { report } = analyze(readCapture({ name: 'p', bytes: new TextEncoder().encode(payload) }));
		expectContract(report);
		const exchange = report.exchanges[0]!;
		expect(exchange.layers).toEqual(['base64']);
		expect(exchange.verdicts).toEqual([{ path: 'payload › base64', verdict: expect.stringMatching(/^high entropy .*likely encrypted or compressed, length a multiple of 16/) }]);
		expect(exchange.verdictCount).toBe(1);
		expect(report.summary.opaque).toEqual({ encryptedOrRandom: 1, exchanges: 1, says: '1 value looks encrypted or random (in 1 exchange)', first: ['exchange 0: payload › base64'] });
		// Written piece by piece, the JSON is still exactly JSON.stringify's.
		const sink = new ReportJson();
		const head = { tool: report.tool, input: report.input };
		const text = sink.start(head) + report.exchanges.map((e) => sink.exchange(e)).join('') + sink.end(head, { identifiers: report.identifiers, summary: report.summary });
		expect(text).toBe(JSON.stringify(report, null, 2));
	});

	it('counts every opaque value but lists the first 20, and the summary the first 10', () => {
		const blob = (seed: number) => {
			let x = seed;
			return Buffer.from(Uint8Array.from({ length: 48 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24))).toString('base64');
		};
		// Inside a document, base64 without `+` or `/` is too weak a guess to end in bytes nobody can read.
		const blobs: string[] = [];
		for (let seed = 1; blobs.length < 25; seed++) if (/[+/]/.test(blob(seed))) blobs.push(blob(seed));
		const body = JSON.stringify(blobs.map((k) => ({ k })));
		const { report } = analyze(readCapture({ name: 'p', bytes: new TextEncoder().encode(body) }));
		expectContract(report);
		expect(report.exchanges[0]!.verdicts).toHaveLength(MAX_VERDICTS);
		expect(report.exchanges[0]!.verdictCount).toBe(25);
		expect(report.summary.opaque!.encryptedOrRandom).toBe(25);
		expect(report.summary.opaque!.first).toHaveLength(MAX_OPAQUE_PATHS);
		expect(report.summary.opaque!.first[0]).toBe('exchange 0: payload › json[0].k › base64');
	});

	it('a report with nothing undecoded gains no member', () => {
		const { report } = analyze(readCapture({ name: 'p', bytes: new TextEncoder().encode('{"distinct_id":"abc"}') }));
		expect('verdicts' in report.exchanges[0]!).toBe(false);
		expect('opaque' in report.summary).toBe(false);
	});
});
