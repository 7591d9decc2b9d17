/**
 * Tealium: the iQ tag manager (tags.tiqcdn.com) and its EventStream collect tag, which posts the flattened data layer
 * to collect.tealiumiq.com/event: `tealium_account`, `tealium_profile`, `tealium_visitor_id`, `tealium_session_id`,
 * the page as `dom.url`, `dom.referrer`, `dom.title`, `dom.pathname`, cookies as `cp.*`.
 * Sources:
 *  - https://docs.tealium.com/platforms/javascript/api/tracking-functions/ and
 *    https://docs.tealium.com/server-side/data-sources/tealium-collect-tag/ (Tealium Collect tag, EventStream)
 *  - https://docs.tealium.com/platforms/getting-started-web/data-layer/ (built-in dom.* variables, the utag_main cookie)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/TealiumEventStream.js: collect.tealiumiq.com/event, the
 *    tealium_* fields and the dom.* group)
 *  - https://github.com/ampproject/amphtml/blob/main/extensions/amp-analytics/0.1/vendors/tealiumcollect.json (AMP's
 *    Tealium Collect config: the GA client ID sent as `ga_client_id`)
 * `tealium_session_id` is per visit: not mapped.
 */
import type { SdkAdapter } from './adapter';

export const tealium: SdkAdapter = {
	id: 'tealium',
	name: 'Tealium',
	label: 'Tealium',
	company: 'Tealium',
	category: 'analytics',
	listings: [{ hosts: ['tealiumiq.com', 'tiqcdn.com'], category: 'analytics', source: 'Tealium iQ and EventStream collect, https://docs.tealium.com/server-side/data-sources/tealium-collect-tag/' }],
	endpoints: [
		{
			host: /(?:^|\.)tealiumiq\.com$/,
			path: /^\/(?:event|[^/]+\/[^/]+\/[^/]+\/i\.gif)\/?$/,
			shape: (siblings) => siblings.has('tealium_account') && siblings.has('tealium_visitor_id'),
			params: {
				tealium_visitor_id: { type: 'user.id', as: 'visitor_id', meaning: 'visitor ID' },
				ga_client_id: { type: 'user.id', as: 'client_id', meaning: "the visitor's Google Analytics client ID, copied into the data layer" },
				'cp.utag_main_v_id': { type: 'user.id', as: 'visitor_id', meaning: 'visitor ID cookie (utag_main v_id)' },
				'dom.url': { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				'dom.referrer': { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				'dom.title': { type: 'browsing.title', as: 'page_title', meaning: 'page title' }
			}
		}
	]
};
