import type { ExchangeReport, Finding, Report } from '../../../../src/lib/core/model';
import type { ReportSink } from '../../../../src/lib/core/report/report-json';
import type { Provenance } from '../../../../src/lib/core/report/evidence/provenance';

export const PROVENANCE: Provenance = { name: 'capture.har', size: 1234, sha256: 'ab'.repeat(32), version: '0.1.0', analysedAt: '2024-05-01T12:00:00.000Z' };

/** A report given to a sink piece by piece, as streamReport does, joined for inspection. */
export function render(sink: ReportSink, report: Report): string {
	let text = sink.start(report);
	for (const exchange of report.exchanges) text += sink.exchange(exchange);
	return text + sink.end(report, report);
}

export function finding(over: Partial<Finding> = {}): Finding {
	const path = over.path ?? 'query.imei';
	return { type: 'device.imei', value: '490154203237518', path, confidence: 'high', reason: '15 digits, Luhn-valid', detector: 'device-ids', count: 1, paths: [path], ...over };
}

export function exchange(index: number, over: Partial<ExchangeReport> = {}): ExchangeReport {
	return {
		index,
		method: 'GET',
		url: `https://t.example.com/c?i=${index}`,
		host: 't.example.com',
		status: 200,
		startedAt: null,
		destination: { site: 'example.com', company: 'Example Inc', product: null, category: 'analytics', source: 'test' },
		layers: ['url'],
		findings: [finding()],
		severity: { level: 'high', why: 'a device ID sent to a third party' },
		...over
	};
}

/** A report whose every captured string is `text` (URL, host, site, company, values, paths, reasons, notes). */
export function reportCarrying(text: string): Report {
	const destination = { site: text, company: text, product: text, category: 'analytics' as const, source: text };
	const f = finding({ value: text, path: text, reason: text, detector: text, paths: [text, `${text}.2`], count: 3 });
	const exchanges = [exchange(0, { method: text, url: `https://x.test/?q=${text}`, host: text, destination, layers: [text], findings: [f], severity: { level: 'high', why: text } }), exchange(1, { url: text, destination: null, host: text, findings: [{ ...f, type: 'ad.advertising_id' }] })];
	return {
		tool: { name: 'telltale', version: text },
		input: { name: text, format: 'har', exchanges: 2 },
		exchanges,
		identifiers: [{ type: 'device.imei', value: text, sites: [text, 'b.test'], exchanges: [0, 1] }],
		summary: {
			exchanges: 2,
			decodedParts: 2,
			findings: 2,
			findingsByType: { 'device.imei': 1, 'ad.advertising_id': 1 },
			sites: [text],
			destinations: [{ site: text, company: text, product: text, category: 'analytics', exchanges: [0], findings: 1, types: ['device.imei'], severity: { level: 'high', why: text } }],
			notes: [text]
		}
	};
}

/** Tags the HTML report may contain: anything else (a `<` that is not one of ours) is captured text left unescaped. */
const OUR_TAG = /^<\/?(!DOCTYPE|html|head|meta|title|style|body|main|header|section|article|h1|h2|h3|p|div|span|strong|code|table|thead|tbody|tr|th|td|ul|li|svg|path|rect|text)[\s>/]/;

/** The `<`s of the page that do not open one of its own tags, with what follows them. */
export function strayTags(page: string): string[] {
	const out: string[] = [];
	for (let i = page.indexOf('<'); i !== -1; i = page.indexOf('<', i + 1)) {
		const at = page.slice(i, i + 40);
		if (!OUR_TAG.test(at)) out.push(at);
	}
	return out;
}

/** Every attribute of every tag (name and value), read off the page. */
export function attributes(page: string): { name: string; value: string }[] {
	const out: { name: string; value: string }[] = [];
	for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
		for (const attr of tag[0].matchAll(/\s([a-zA-Z-:]+)(?:="([^"]*)")?/g)) out.push({ name: attr[1]!.toLowerCase(), value: attr[2] ?? '' });
	}
	return out;
}
