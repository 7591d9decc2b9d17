/**
 * Matomo (formerly Piwik), web analytics run by whoever installs it: hits on matomo.php / piwik.php.
 * Sources:
 *  - https://developer.matomo.org/api-reference/tracking-api (Tracking HTTP API reference)
 */
import type { SdkAdapter } from './adapter';

export const matomo: SdkAdapter = {
	id: 'matomo',
	name: 'Matomo',
	label: 'Matomo',
	company: null,
	companyUnknown: 'Matomo is open-source software installed by each site: whoever runs the host receives the data, and no list of hosts names them',
	category: 'analytics',
	endpoints: [
		{
			path: /\/(?:matomo|piwik)\.php$/,
			shape: (siblings) => siblings.has('idsite') && siblings.has('rec'),
			params: {
				url: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				urlref: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				_ref: { type: 'browsing.url', as: 'referrer', meaning: 'campaign referrer' },
				action_name: { type: 'browsing.title', as: 'page_title', meaning: 'page title' },
				_id: { type: 'user.id', as: 'visitor_id', meaning: 'visitor ID' },
				cid: { type: 'user.id', as: 'visitor_id', meaning: 'forced visitor ID' },
				uid: { type: 'user.id', as: 'user_id', meaning: 'user ID' },
				search: { type: 'browsing.search_query', as: 'search_keyword', meaning: 'site search keyword' },
				cip: { type: 'network.ip', as: 'ip', meaning: 'IP override' },
				token_auth: { type: 'auth.secret', as: 'access_token', meaning: 'API authentication token (needed for cip, cdt and bulk requests)' },
				ua: { type: 'device.model', as: 'user_agent', meaning: 'user-agent override' }
			}
		}
	]
};
