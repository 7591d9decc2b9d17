/**
 * Heap (Contentsquare), product analytics: the web snippet's hits on heapanalytics.com/h (`a` environment ID, `u`
 * Heap user ID, `v` pageview ID, `s` session ID, `h` path, `t` page title, `r` referrer) and the server-side APIs
 * /api/track, /api/identify(_v3), /api/add_user_properties with `{ app_id, identity | user_id, … }`.
 * Sources:
 *  - https://developers.heap.io/reference/server-side-apis-overview (server-side APIs: app_id, identity, user_id)
 *  - https://developers.heap.io/docs/using-identify (identity: the identifier the site chooses)
 *  - https://help.heap.io/hc/en-us/articles/37271977321105-Step-1-Enrich-Your-Dataset-Via-APIs (identity across devices)
 *  - https://www.contentsquare.com/press/contentsquare-completes-acquisition-of-heap/ (Heap Inc., part of Contentsquare since 2023)
 * `s` (session) and `v` (pageview) are per visit: not mapped. `u` is read as a user ID only when it is a Heap-style
 * number, so a proxied hit whose `u` is something else is left alone.
 */
import type { SdkAdapter } from './adapter';

const HEAP_USER_ID = (v: string) => /^\d{8,20}$/.test(v.trim());

export const heap: SdkAdapter = {
	id: 'heap',
	name: 'Heap',
	label: 'Heap',
	company: 'Heap (Contentsquare)',
	category: 'analytics',
	listings: [{ hosts: ['heapanalytics.com', 'heap-api.com', 'heap.io'], category: 'analytics', source: 'Heap product analytics, https://developers.heap.io/reference/server-side-apis-overview' }],
	endpoints: [
		{
			host: /(?:^|\.)heapanalytics\.com$/,
			path: /^\/h$/,
			params: {
				u: { type: 'user.id', as: 'user_id', meaning: 'Heap user ID', check: HEAP_USER_ID },
				t: { type: 'browsing.title', as: 'page_title', meaning: 'page title' },
				r: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' }
			}
		},
		{
			host: /(?:^|\.)heapanalytics\.com$/,
			path: /^\/api\/(?:track|identify|identify_v3|add_user_properties)$/,
			params: {
				identity: { type: 'user.id', as: 'user_id', meaning: 'identity the site gave the user' },
				user_id: { type: 'user.id', as: 'user_id', meaning: 'Heap user ID' }
			}
		}
	]
};
