import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { SummarySink } from '../../../src/cli/summary';

describe('the readable summary and opaque values', () => {
	it('says how many values look encrypted or random, and where the first is', () => {
		let x = 11;
		const payload = Buffer.from(Uint8Array.from({ length: 96 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24))).toString('base64');
		const { report } = analyze(readCapture({ name: 'p', bytes: new TextEncoder().encode(payload) }));
		const sink = new SummarySink();
		const head = { tool: report.tool, input: report.input };
		const text = sink.start() + report.exchanges.map((e) => sink.exchange(e)).join('') + sink.end(head, { identifiers: report.identifiers, summary: report.summary });
		expect(text).toContain('  note: 1 value looks encrypted or random (in 1 exchange), first at exchange 0: payload › base64');
	});
});
