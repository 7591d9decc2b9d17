import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { ReportJson, ReportNdjson, type NdjsonRecord } from '../../../src/lib/core/report/report-json';
import type { Report } from '../../../src/lib/core/model';
import { FIXTURES } from '../capture/helpers';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : /LICENSE|SOURCES/.test(name) ? [] : [join(dir, name)]));
}

function reportOf(path: string): Report | null {
	try {
		return analyze(readCapture({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) })).report;
	} catch {
		return null;
	}
}

function pieces(report: Report): string {
	const writer = new ReportJson();
	let text = writer.start(report);
	for (const exchange of report.exchanges) text += writer.exchange(exchange);
	return text + writer.end(report, report);
}

const reports = files(FIXTURES + 'har')
	.concat(files(FIXTURES + 'capture'))
	.map((path) => [path.slice(FIXTURES.length), reportOf(path)] as const)
	.filter((entry): entry is readonly [string, Report] => entry[1] !== null);

describe('the report written piece by piece', () => {
	it.each(reports)('%s: joined, it is JSON.stringify(report, null, 2), byte for byte', (_name, report) => {
		expect(pieces(report)).toBe(JSON.stringify(report, null, 2));
	});

	it('with no exchanges, too', () => {
		const report = { ...reports[0]![1], exchanges: [] };
		expect(pieces(report)).toBe(JSON.stringify(report, null, 2));
	});

	it('holds for any JSON values in the members (strings with line breaks, quotes, unicode)', () => {
		const value = fc.jsonValue({ maxDepth: 3 });
		fc.assert(
			fc.property(fc.array(value, { maxLength: 4 }), value, value, (exchanges, identifiers, summary) => {
				const report = { tool: { name: 'telltale', version: '0' }, input: { name: 'x\n"y"', format: 'har', exchanges: exchanges.length }, exchanges, identifiers, summary } as unknown as Report;
				expect(pieces(report)).toBe(JSON.stringify(report, null, 2));
			})
		);
	});
});

describe('NDJSON', () => {
	it('one line per exchange, then identifiers, then summary; each line parses and names its capture', () => {
		const [name, report] = reports.find(([n]) => n.includes('chrome.har'))!;
		const sink = new ReportNdjson(name);
		const text = sink.start() + report.exchanges.map((e) => sink.exchange(e)).join('') + sink.end(report, report);
		const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as NdjsonRecord);
		expect(lines).toHaveLength(report.exchanges.length + 2);
		expect(lines.map((l) => l.record)).toEqual([...report.exchanges.map(() => 'exchange'), 'identifiers', 'summary']);
		expect(lines.every((l) => l.capture === name)).toBe(true);
		const { record: _r, capture: _c, ...first } = lines[0] as Extract<NdjsonRecord, { record: 'exchange' }>;
		expect(first).toEqual(report.exchanges[0]);
		expect(lines.at(-1)).toMatchObject({ tool: report.tool, input: report.input, summary: report.summary });
	});
});
