/**
 * Plausible Analytics: the script and the Events API post `{ n: name, u: page URL, d: site domain, r: referrer, p:
 * props }` (the long names `name`, `url`, `domain`, `referrer`, `props` are accepted too) to /api/event, at
 * plausible.io or a self-hosted server; the visitor's IP comes from the connection or X-Forwarded-For.
 * Sources:
 *  - https://plausible.io/docs/events-api (Events API reference)
 *  - https://github.com/plausible/analytics (tracker/src: the short keys n, u, d, r, p; LICENSE: Plausible Insights OÜ)
 *  - https://plausible.io/about (Plausible Insights OÜ, Estonia)
 * A server sending events for its visitors must pass each visitor's IP in X-Forwarded-For (Events API docs), so that
 * header carries the visitor's address, not a proxy's.
 */
import type { SdkAdapter } from './adapter';
import { findObject, textOf } from './shape';

const EVENT_PATH = /^\/api\/event\/?$/;

export const plausible: SdkAdapter = {
	id: 'plausible',
	name: 'Plausible Analytics',
	label: 'Plausible',
	company: 'Plausible Insights',
	category: 'analytics',
	listings: [{ hosts: ['plausible.io'], product: 'Plausible Analytics', category: 'analytics', source: 'Plausible Analytics, https://plausible.io/docs/events-api' }],
	endpoints: [
		{
			path: EVENT_PATH,
			shape: (siblings) => (siblings.has('n') || siblings.has('name')) && (siblings.has('u') || siblings.has('url')) && (siblings.has('d') || siblings.has('domain')),
			headers: { 'x-forwarded-for': { type: 'network.ip', as: 'ip', meaning: "the visitor's IP address, passed on by the site's server" } },
			params: {
				u: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				r: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' }
			}
		}
	],
	fingerprint(shape) {
		if (shape.path !== '' && !EVENT_PATH.test(shape.path)) return null;
		const hit = findObject(shape, (f) => f.has('n') && f.has('u') && f.has('d') && /^https?:\/\//.test(textOf(f.get('u')) ?? ''));
		return hit ? 'event { n, u, d } at /api/event' : null;
	}
};
