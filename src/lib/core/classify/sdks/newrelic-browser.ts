/**
 * New Relic Browser agent: harvests to bam.nr-data.net (bam.eu01.nr-data.net in the EU) at /1/<key> (page view), /events/1/,
 * /jserrors/1/, /ins/1/, /resources/1/, /browser/blobs, with the page address, query removed, in `ref`; AMP pages
 * send /amp with `ampUrl` and `canonicalUrl`.
 * Sources:
 *  - https://docs.newrelic.com/docs/browser/new-relic-browser/page-load-timing-resources/page-load-timing-process/ and
 *    https://docs.newrelic.com/docs/browser/new-relic-browser/performance-quality/security-browser-monitoring/ (the page URL is sent without its query)
 *  - https://github.com/newrelic/newrelic-browser-agent (src/common/harvest: `ref` = the cleaned page URL)
 *  - https://github.com/ampproject/amphtml (extensions/amp-analytics/0.1/vendors/newrelic.json: /amp, ampUrl, canonicalUrl)
 */
import type { SdkAdapter } from './adapter';

export const newrelicBrowser: SdkAdapter = {
	id: 'newrelic-browser',
	name: 'New Relic Browser',
	label: 'New Relic',
	company: 'New Relic',
	category: 'crash-reporting',
	listings: [{ hosts: ['nr-data.net', 'newrelic.com'], product: 'New Relic Browser', category: 'crash-reporting', source: 'New Relic browser monitoring, https://docs.newrelic.com/docs/browser/' }],
	endpoints: [
		{
			host: /(?:^|\.)nr-data\.net$/,
			path: /^\/(?:1|events\/1|jserrors\/1|ins\/1|resources\/1|timing\/1|browser\/blobs|amp)(?:\/|$)/,
			params: {
				ref: { type: 'browsing.url', as: 'page_url', meaning: 'page address without its query' },
				ampUrl: { type: 'browsing.url', as: 'page_url', meaning: 'AMP page address' },
				canonicalUrl: { type: 'browsing.url', as: 'page_url', meaning: 'canonical page address' }
			}
		}
	]
};
