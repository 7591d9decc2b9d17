/**
 * "A first-party page load with a search-engine Referer rated MEDIUM": a browser sends the Referer header with every
 * request, so what it says (the page the user came from, a search engine's address) to a site that is not a third
 * party is a finding to show, not a leak that raises severity. Sent to a third party, it still counts.
 */
import { describe, expect, it } from 'vitest';
import { destinationSummaries, severityOf } from '../../../src/lib/core/classify/severity';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import type { DestinationCategory, ExchangeReport, Finding, FindingType, SeverityLevel } from '../../../src/lib/core/model';
import { harBytes } from './helpers';

function f(type: FindingType, value: string, paths: string[], count = paths.length): Finding {
	return { type, value, path: paths[0]!, confidence: 'high', reason: 'test', detector: 'test', count, paths };
}

const REFERER_URL = f('browsing.url', 'https://www.google.com/', ['header.referer']);
const REFERER_SEARCH = f('browsing.search_query', 'flu symptoms', ['header.referer › url.query.q']);
const SECOND_REFERER = f('browsing.url', 'https://www.bing.com/', ['header.referer[1]']);
const REFERER_ID = f('user.id', '12345678', ['header.referer › url.query.uid']);
const BODY_URL = f('browsing.url', 'https://www.example.org/a', ['body › json.$url']);
const BOTH_PLACES = f('browsing.url', 'https://www.example.org/a', ['body › json.$url', 'header.referer']);
const MORE_THAN_LISTED = f('browsing.url', 'https://www.example.org/a', ['header.referer'], 30);
const NOT_REFERER = f('browsing.url', 'https://www.example.org/a', ['header.referer-source']);

// [what, findings, destination category (null: none), expected level, why]
const CASES: Array<[string, Finding[], DestinationCategory | null, SeverityLevel, RegExp]> = [
	['a search engine in the Referer of a first-party page load', [REFERER_URL], 'first-party', 'none', /Referer header/],
	['the same to a site no list knows', [REFERER_URL], 'unknown', 'none', /Referer header/],
	['the same to a CDN', [REFERER_URL], 'cdn', 'none', /Referer header/],
	['the same with no destination (a bare request)', [REFERER_URL], null, 'none', /Referer header/],
	['search words read from the Referer', [REFERER_URL, REFERER_SEARCH], 'unknown', 'none', /Referer header/],
	['a second Referer header', [SECOND_REFERER], 'first-party', 'none', /Referer header/],
	['an ID in the Referer’s query to the site itself', [REFERER_ID], 'first-party', 'none', /Referer header/],
	['a Referer next to a body field: only the body counts', [REFERER_SEARCH, f('device.model', 'Pixel 7', ['body › json.model'])], 'first-party', 'low', /^Device details sent$/],
	// Still counted
	['a search engine in the Referer sent to a third party', [REFERER_URL], 'analytics', 'medium', /^Browsing history sent to a third party/],
	['a Referer and an ID sent to advertising', [REFERER_URL, f('user.id', 'u-1234', ['query › form.cid'])], 'advertising', 'high', /^Browsing history and a tracking ID sent to a third party/],
	['a URL in the body of a first-party request', [BODY_URL], 'first-party', 'medium', /^Browsing history sent$/],
	['a URL in the body and the Referer', [BOTH_PLACES], 'first-party', 'medium', /^Browsing history sent$/],
	['a Referer finding counted in more places than listed', [MORE_THAN_LISTED], 'first-party', 'medium', /^Browsing history sent$/],
	['a header whose name only starts like referer', [NOT_REFERER], 'first-party', 'medium', /^Browsing history sent$/]
];

describe('severity of what only the Referer header carried', () => {
	it.each(CASES)('%s', (_what, findings, category, level, why) => {
		const severity = severityOf(findings, category);
		expect(severity.level).toBe(level);
		expect(severity.why).toMatch(why);
	});

	it('per site: a first-party site’s Referer findings do not raise it, a tracker’s do', () => {
		const ex = (index: number, site: string, category: DestinationCategory, findings: Finding[]): ExchangeReport => ({
			index, method: 'GET', url: `https://${site}/`, host: site, status: 200, startedAt: null,
			destination: { site, company: null, product: null, category, source: 'test' }, layers: [], findings
		});
		const list = destinationSummaries([ex(0, 'example-news.com', 'unknown', [REFERER_URL, REFERER_SEARCH]), ex(1, 'tracker.example', 'analytics', [REFERER_URL])]);
		expect(list.map((d) => [d.site, d.severity.level, d.findings])).toEqual([
			['tracker.example', 'medium', 1],
			['example-news.com', 'none', 2]
		]);
	});

	it('through the whole pipeline: a page load after a Google search, and the same Referer to Google Analytics', () => {
		const { report } = analyze(
			readCapture({
				name: 'browse.har',
				bytes: harBytes([
					{ url: 'https://www.example-news.com/story', headers: { Referer: 'https://www.google.com/search?q=flu+symptoms' } },
					{ url: 'https://cdn.example-news.com/app.js', headers: { Referer: 'https://www.example-news.com/story' } },
					{ url: 'https://www.google-analytics.com/collect?v=1&tid=UA-1234567-1&cid=555.666&t=pageview', headers: { Referer: 'https://www.google.com/search?q=flu+symptoms' } }
				])
			})
		);
		const [page, asset, analytics] = report.exchanges;
		// The findings stay in the report; only the rating changes.
		expect(page!.findings.map((x) => x.type)).toEqual(['browsing.url', 'browsing.search_query']);
		expect(page!.severity?.level).toBe('none');
		expect(asset!.severity?.level).toBe('none');
		expect(analytics!.severity).toEqual({ level: 'high', why: expect.stringMatching(/^Browsing history, search queries and a tracking ID sent to a third party/) });
	});
});
