/**
 * analyze() keeps the report, not the trees: partsOf decodes an exchange again when it is opened. The
 * trees it gives must be the ones the report was made from — every finding's path leads to a node
 * holding the finding's value — and trees a limit touched are the very ones analyze made.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import type { DecodedNode } from '../../../src/lib/core/model';
import { sensorsBatch } from '../../bench/inputs';
import { allNodes } from '../decode/helpers';

function paths(roots: readonly DecodedNode[]): Map<string, DecodedNode> {
	return new Map(roots.flatMap((root) => allNodes(root)).map((node) => [node.path, node]));
}

const fixtures = join(__dirname, '../../fixtures/har/mitmproxy');
const sample = join(__dirname, '../../../src/lib/samples/xiaomi-browser.har');

describe('analyze: trees decoded again on request', () => {
	const files = [sample, ...readdirSync(fixtures).filter((f) => f.endsWith('.har')).map((f) => join(fixtures, f))];
	for (const file of files) {
		it(`every finding of ${file.split('/').pop()} is found again in partsOf`, () => {
			const analysis = analyze(readCapture({ name: file, bytes: new Uint8Array(readFileSync(file)) }));
			let checked = 0;
			analysis.report.exchanges.forEach((exchange, i) => {
				const byPath = paths(analysis.partsOf(i).map((p) => p.root));
				for (const finding of exchange.findings) {
					// Header findings of captures without header parts come from the raw headers, not from a tree.
					if (!byPath.has(finding.path) && /^(header|cookie)\./.test(finding.path)) continue;
					expect(byPath.has(finding.path), `${finding.type} at ${finding.path}`).toBe(true);
					checked++;
				}
			});
			if (file === sample) expect(checked).toBeGreaterThan(20);
		});
	}

	it('decodes the same trees every time an exchange is opened', () => {
		const body = `crc=1&gzip=1&data_list=${encodeURIComponent(sensorsBatch(20).dataList)}`;
		const first = analyze(readCapture({ name: 'body.txt', bytes: new TextEncoder().encode(body) }));
		const second = analyze(readCapture({ name: 'body.txt', bytes: new TextEncoder().encode(body) }));
		expect(first.partsOf(0)).toEqual(second.partsOf(0));
		expect(first.partsOf(0)).toBe(first.partsOf(0));
	});

	it('keeps the trees a limit touched, and says so in the summary', () => {
		const body = `crc=1&gzip=1&data_list=${encodeURIComponent(sensorsBatch(50).dataList)}`;
		const analysis = analyze(readCapture({ name: 'body.txt', bytes: new TextEncoder().encode(body) }), { limits: { maxNodes: 300 } });
		expect(analysis.report.summary.notes.some((n) => n.includes('limit:'))).toBe(true);
		const limited = [...paths(analysis.partsOf(0).map((p) => p.root)).values()].filter((n) => n.limit);
		expect(limited.length).toBeGreaterThan(0);
	});
});
