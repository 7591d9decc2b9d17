/**
 * Both evidence reports of a 20,000-exchange capture, written through their sinks while it is analysed. The text is
 * counted and dropped as it comes, so what the heap holds is the analysis and the sinks' own state; the peak is
 * logged for the record, not asserted (the machine and the collector decide it).
 */
import { describe, expect, it } from 'vitest';
import { streamReport } from '../../../../src/lib/core/report/stream-report';
import type { ExchangeReport } from '../../../../src/lib/core/model';
import type { ReportHead, ReportSink, ReportTail } from '../../../../src/lib/core/report/report-json';
import { EvidenceHtml, HTML_SHOWN } from '../../../../src/lib/core/report/evidence/html-sink';
import { EvidenceMarkdown } from '../../../../src/lib/core/report/evidence/markdown-sink';
import { harBytes } from '../../classify/helpers';
import { PROVENANCE } from './helpers';

const EXCHANGES = 20_000;

/** Feeds two sinks at once and keeps only what the test checks of their text. */
class Tee implements ReportSink {
	readonly bytes = [0, 0];
	findingLines = 0;
	htmlTail = '';
	peakHeap = process.memoryUsage().heapUsed;
	private seen = 0;
	constructor(private readonly sinks: [ReportSink, ReportSink]) {}
	private take(texts: string[]): string {
		texts.forEach((t, i) => (this.bytes[i]! += t.length));
		this.findingLines += texts[0]!.split('\n- **').length - 1;
		return '';
	}
	start(head: ReportHead): string {
		return this.take(this.sinks.map((s) => s.start(head)));
	}
	exchange(report: ExchangeReport): string {
		if (++this.seen % 250 === 0) this.peakHeap = Math.max(this.peakHeap, process.memoryUsage().heapUsed);
		return this.take(this.sinks.map((s) => s.exchange(report)));
	}
	end(head: ReportHead, tail: ReportTail): string {
		const texts = this.sinks.map((s) => s.end(head, tail));
		this.htmlTail = texts[1]!;
		return this.take(texts);
	}
}

describe('evidence reports of a 20,000-exchange capture', () => {
	it('are written exchange by exchange with bounded memory; the Markdown has every finding, the HTML caps its list', async () => {
		const bytes = harBytes(
			Array.from({ length: EXCHANGES }, (_, i) => ({ url: `https://c.tracker${i % 60}.test/e?imei=490154203237518&uid=user-${i % 500}&n=${i}` }))
		);
		const mb = (n: number) => (n / 1048576).toFixed(1);
		const before = process.memoryUsage().heapUsed;
		let pieces = 0;
		const tee = new Tee([new EvidenceMarkdown(() => PROVENANCE), new EvidenceHtml(() => PROVENANCE)]);
		await streamReport(
			async function* () {
				for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
			},
			{
				name: 'big.har',
				sink: tee,
				// The CLI's writes carry what one 1 MiB chunk of input gave; here they are counted and dropped.
				write: () => {
					pieces++;
				}
			}
		);
		const peak = Math.max(tee.peakHeap, process.memoryUsage().heapUsed);
		console.log(
			`evidence, ${EXCHANGES} exchanges (${mb(bytes.length)} MB HAR): Markdown ${mb(tee.bytes[0]!)} MB, HTML ${mb(tee.bytes[1]!)} MB; ` +
				`heap ${mb(before)} MB before, peak ${mb(peak)} MB (+${mb(peak - before)} MB), ${pieces} writes`
		);
		expect(tee.findingLines).toBeGreaterThanOrEqual(EXCHANGES);
		expect(tee.htmlTail).toContain(`and ${(EXCHANGES - HTML_SHOWN.exchanges).toLocaleString('en-US')} more exchanges with findings`);
		expect(tee.bytes[1]!).toBeLessThan(tee.bytes[0]! / 10);
	}, 240_000);
});
