import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { FIXTURES, fixtureFiles as files } from '../capture/helpers';


const known = [{ type: 'device.imei' as const, value: '868027043216757' }];

describe('a report that keeps no findings gives them again on request', () => {
	for (const path of [...files(FIXTURES + 'har'), ...files(FIXTURES + 'capture')]) {
		const name = path.slice(FIXTURES.length);
		let capture;
		try {
			capture = readCapture({ name, bytes: new Uint8Array(readFileSync(path)) });
		} catch {
			continue;
		}
		it(name, () => {
			const full = analyze(capture, { known });
			const lean = analyze(capture, { known, keepFindings: false });
			expect(lean.report.identifiers).toEqual(full.report.identifiers);
			expect(lean.report.summary).toEqual(full.report.summary);
			full.report.exchanges.forEach((exchange, i) => {
				expect(lean.findingCount(i)).toBe(exchange.findings.length);
				expect(lean.exchangeReport(i)).toEqual(exchange);
				expect(lean.partsOf(i)).toEqual(full.partsOf(i));
			});
		});
	}
});
