/**
 * Google Analytics: the Measurement Protocol of Universal Analytics (`v=1&tid=UA-…` on /collect, /r/collect,
 * /j/collect, /batch) and GA4 (`v=2&tid=G-…` on /g/collect).
 * Sources:
 *  - https://developers.google.com/analytics/devguides/collection/protocol/v1/parameters (Measurement Protocol parameter reference)
 *  - https://marketingplatform.google.com/about/analytics/ (Google LLC, the publisher)
 * `sr` (screen size), `ul` (language) and `geoid` have no type in our vocabulary and are left out; `dp` is a path
 * without its host, not an address.
 */
import type { DecodedNode } from '../../model';
import type { SdkAdapter } from './adapter';
import { fieldSources } from './shape';

const UA_ID = /^UA-\d{4,10}-\d{1,4}$/;
const GA4_ID = /^G-[A-Z0-9]{4,12}$/;
/** Property IDs of Universal Analytics (UA-, YT-, MO-) and GA4 (G-). */
const GA_PROPERTY = /^(?:(?:UA|YT|MO)-\d{4,10}-\d{1,4}|G-[A-Z0-9]{4,12})$/;
const COLLECT_PATH = /\/(?:g\/|r\/|j\/)?collect$|\/batch$/;

const text = (siblings: ReadonlyMap<string, DecodedNode>, key: string): string | null => {
	const node = siblings.get(key);
	if (!node) return null;
	if (node.kind === 'text') return node.text ?? null;
	if (node.kind === 'number') return node.number === undefined ? null : String(node.number);
	return null;
};

export const googleAnalytics: SdkAdapter = {
	id: 'google-analytics',
	name: 'Google Analytics',
	label: 'Google Analytics',
	company: 'Google',
	category: 'analytics',
	endpoints: [
		{
			host: /(?:^|\.)(?:google-analytics\.com|analytics\.google\.com)$/,
			path: COLLECT_PATH,
			shape(siblings) {
				const tid = text(siblings, 'tid');
				if (tid !== null && GA_PROPERTY.test(tid)) return true;
				const v = text(siblings, 'v');
				return (v === '1' || v === '2') && siblings.has('cid') && (siblings.has('t') || siblings.has('en') || siblings.has('tid'));
			},
			params: {
				cid: { type: 'user.id', as: 'client_id', meaning: 'client ID' },
				uid: { type: 'user.id', as: 'user_id', meaning: 'user ID' },
				_gid: { type: 'user.id', as: 'gid', meaning: '_gid cookie value' },
				gclid: { type: 'user.id', as: 'user_id', meaning: 'Google Ads click ID' },
				dl: { type: 'browsing.url', as: 'page_url', meaning: 'document location' },
				dr: { type: 'browsing.url', as: 'referrer', meaning: 'document referrer' },
				dt: { type: 'browsing.title', as: 'page_title', meaning: 'document title' },
				uip: { type: 'network.ip', as: 'ip', meaning: 'IP override' },
				ua: { type: 'device.model', as: 'user_agent', meaning: 'user-agent override' }
			}
		}
	],
	fingerprint(shape) {
		// A bare payload has no path; a request must hit a collect endpoint.
		if (shape.path !== '' && !COLLECT_PATH.test(shape.path)) return null;
		for (const get of fieldSources(shape)) {
			const v = get('v');
			const tid = get('tid');
			if (v === '1' && tid !== null && UA_ID.test(tid)) return 'Universal Analytics hit v=1&tid=UA-…';
			if (v === '2' && tid !== null && GA4_ID.test(tid)) return 'GA4 hit v=2&tid=G-…';
		}
		return null;
	}
};
