import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCapture } from '../../../../src/lib/core/capture/sniff';
import { analyze } from '../../../../src/lib/core/report/analyze';
import { EvidenceHtml, EVIDENCE_CSP, HTML_SHOWN } from '../../../../src/lib/core/report/evidence/html-sink';
import { EvidenceMarkdown } from '../../../../src/lib/core/report/evidence/markdown-sink';
import { hashedSource } from '../../../../src/lib/core/report/evidence/provenance';
import type { Report } from '../../../../src/lib/core/model';
import { FIXTURES } from '../../capture/helpers';
import { PROVENANCE, attributes, exchange, finding, render, reportCarrying, strayTags } from './helpers';

const htmlOf = (report: Report) => render(new EvidenceHtml(() => PROVENANCE), report);
const markdownOf = (report: Report) => render(new EvidenceMarkdown(() => PROVENANCE), report);
const reportOf = (path: string) => analyze(readCapture({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(FIXTURES + path)) })).report;

const HOSTILE = [
	'<img src=x onerror=alert(1)>',
	'</style><script>alert(1)</script>',
	`"'><script>alert(document.cookie)</script>`,
	'javascript:alert(1)',
	'</title></head><body onload=alert(1)>',
	'<svg><a href="https://evil.test/"><text>x</text></a></svg>',
	'line\nbreak\r\ttab\u0000nul',
	'\u202Eevil-bidi',
	'[click](javascript:alert(1)) ![x](https://evil.test/p.png) `code` | pipe *em* _u_ # head',
	'&lt;already&gt; &amp;',
	"<iframe src='//evil.test'></iframe>",
	'<!-- comment --><![CDATA[x]]>',
	'<base href="https://evil.test/">'
];

describe('the HTML evidence report', () => {
	it.each(HOSTILE)('escapes %j wherever captured text appears', (text) => {
		const page = htmlOf(reportCarrying(text));
		expect(strayTags(page)).toEqual([]);
		expect(page).not.toMatch(/<script/i);
		expect(page).not.toMatch(/<(img|iframe|a|base|link|object|embed)\b/i);
		for (const { name, value } of attributes(page)) {
			expect(name, `attribute ${name}="${value}"`).not.toMatch(/^on/);
			if (name === 'src' || name === 'href') expect(value).toMatch(/^#/);
		}
		// No stray `"` or `'` could have ended an attribute: every tag's attributes are well-formed.
		for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) expect(tag[0]).toMatch(/^<[a-zA-Z0-9!]+(\s[a-zA-Z-]+(="[^"<>]*")?)*\s*\/?>$/);
	});

	it('declares the strict policy in its head, before any content', () => {
		const page = htmlOf(reportCarrying('x'));
		const head = page.slice(0, page.indexOf('</head>'));
		expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${EVIDENCE_CSP}">`);
		expect(EVIDENCE_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
		expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
	});

	it.each(['har/mitmproxy/chrome.har', 'har/mitmproxy/firefox.har', 'har/harviewer/ie11.fiddler.har', 'capture/quirks.har', 'capture/sensors-request-response.http'])(
		'%s: no script, no address outside the page, only # links, one style block',
		(path) => {
			const page = htmlOf(reportOf(path));
			expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
			expect(page).not.toMatch(/<script/i);
			expect(strayTags(page)).toEqual([]);
			expect(page.match(/<style>/g)).toHaveLength(1);
			expect(page).not.toMatch(/url\(|@import|<link/i);
			for (const { name, value } of attributes(page)) if (name === 'src' || name === 'href' || name === 'xmlns') expect(value).toMatch(/^#/);
		}
	);

	it('shows the headline, the flow picture, the identifiers and every finding of a small capture', () => {
		const report = reportOf('capture/sensors-request-response.http');
		const page = htmlOf(report);
		expect(page).toContain('id="who-received-what"');
		for (const e of report.exchanges) for (const f of e.findings) expect(page).toContain(f.type);
		if (report.summary.findings > 0) expect(page).toMatch(/<svg class="flow"[^>]*role="img"/);
	});

	it('caps its listings with "and N more"', () => {
		const exchanges = Array.from({ length: HTML_SHOWN.exchanges + 7 }, (_, i) => exchange(i, { findings: i === 0 ? Array.from({ length: HTML_SHOWN.findings + 3 }, (_, j) => finding({ value: `v${j}` })) : [finding()] }));
		const base = reportCarrying('x');
		const page = htmlOf({ ...base, exchanges, input: { ...base.input, exchanges: exchanges.length } });
		expect(page).toContain('and 7 more exchanges with findings');
		expect(page).toContain('and 3 more findings');
		expect(page.match(/<article /g)).toHaveLength(HTML_SHOWN.exchanges);
	});

	it('lists a finding paths, and the total when only the first 20 are kept', () => {
		const paths = Array.from({ length: 20 }, (_, i) => `body › json[${i}].imei`);
		const base = reportCarrying('x');
		const page = htmlOf({ ...base, exchanges: [exchange(0, { findings: [finding({ count: 57, path: paths[0]!, paths })] })] });
		for (const p of paths) expect(page).toContain(`<code>${p}</code>`);
		expect(page).toContain('57 places in all, the first 20 listed');
	});

	it('property: no captured string, however chosen, puts a < of its own into the page', () => {
		const benign = htmlOf(reportCarrying('x')).split('<').length;
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', 's', 'c', 'r', 'i', 'p', 't', ' ', '\n', '\\', '`') }), fc.string(), (tricky, any) => {
				for (const text of [tricky, any, `${tricky}${any}`]) {
					const page = htmlOf(reportCarrying(text));
					expect(strayTags(page)).toEqual([]);
					// Exactly the tags a harmless string gives: none of the `<`s came from the string.
					expect(page.split('<').length).toBe(benign);
				}
			}),
			{ numRuns: 150 }
		);
	});
});

describe('the Markdown evidence report', () => {
	it.each(HOSTILE)('escapes %j: no raw HTML, no link or image syntax, no broken table', (text) => {
		const doc = markdownOf(reportCarrying(text));
		expect(doc).not.toContain('<');
		expect(doc).not.toMatch(/(^|[^\\])!?\[[^\]]*[^\\]\]\((?!#)/m);
		for (const line of doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---'))) {
			const cells = line.split(/(?<!\\)\|/).length;
			expect(cells, line).toBeGreaterThan(2);
		}
		// One captured string never spans lines: controls are shown as pictures.
		expect(doc).not.toContain('\r');
		expect(doc).not.toContain('\u202E');
	});

	it('has the header with the SHA-256, name, size, version and date', () => {
		const doc = markdownOf(reportCarrying('x'));
		expect(doc).toContain(`| SHA-256 | ${PROVENANCE.sha256} |`);
		expect(doc).toContain('| Size | 1,234 bytes |');
		expect(doc).toContain('| Telltale | 0.1.0 |');
		expect(doc).toContain(`| Analysed | ${PROVENANCE.analysedAt} |`);
	});

	it.each(['har/mitmproxy/chrome.har', 'har/mitmproxy/firefox.har', 'capture/quirks.har', 'capture/sensors-request-response.http'])('%s: a line for every finding and every path', (path) => {
		const report = reportOf(path);
		const doc = markdownOf(report);
		const findings = report.exchanges.flatMap((e) => e.findings);
		expect(doc.split('\n').filter((l) => l.startsWith('- **'))).toHaveLength(findings.length);
		expect(doc.split('\n').filter((l) => l.startsWith('  - at '))).toHaveLength(findings.reduce((n, f) => n + f.paths.length, 0));
		expect(doc).toContain('## Who received what');
		expect(doc).toContain('## Data flow');
		expect(doc).toContain('## Identifiers');
	});
});

describe('the input digest', () => {
	it.each(['har/mitmproxy/chrome.har', 'capture/quirks.har.gz', 'capture/quirks-har.zip'])('%s: SHA-256 and size as node:crypto and the file system say, from the first pass', async (path) => {
		const source = hashedSource(() => createReadStream(FIXTURES + path, { highWaterMark: 4096 }));
		expect(source.digest()).toBeNull();
		for await (const _ of source.open());
		const bytes = readFileSync(FIXTURES + path);
		expect(source.digest()).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
		// The second pass is not hashed again, and gives the same bytes.
		let second = 0;
		for await (const chunk of source.open()) second += chunk.length;
		expect(second).toBe(bytes.length);
	});
});
