/**
 * Well-known tracker endpoints name their parameters in one or two letters (`dl`, `u`, `g`, `_id`). Such
 * a name means something only at its endpoint: `u` is Baidu Tongji's page address on hm.baidu.com/hm.gif
 * and anything at all elsewhere. Each table below says where it applies — by the request's host and path,
 * or (for collectors that are proxied or self-hosted) by unmistakable sibling fields — and what each short
 * name means, as a descriptive key the detectors already understand (`dl` reads as `page_url`).
 *
 * Sources: each vendor's public documentation of its collection protocol, named per table.
 */
import type { DecodedNode } from '../../model';

export interface ParamMeaning {
	/** The descriptive key the detectors judge the value under. */
	as: string;
	/** Plain words for the reason ("document location"). */
	meaning: string;
}

export interface EndpointParams {
	id: string;
	/** Who defines the parameters ("Google Analytics"). */
	name: string;
	/** True when the request's host and path are this endpoint. */
	at(host: string, path: string): boolean;
	/** True when the fields around a value are this endpoint's hit (proxied or self-hosted collectors). */
	shape?(siblings: ReadonlyMap<string, DecodedNode>): boolean;
	params: Readonly<Record<string, ParamMeaning>>;
}

const text = (siblings: ReadonlyMap<string, DecodedNode>, key: string): string | null => {
	const node = siblings.get(key);
	if (!node) return null;
	if (node.kind === 'text') return node.text ?? null;
	if (node.kind === 'number') return node.number === undefined ? null : String(node.number);
	return null;
};

/** Property IDs of Universal Analytics (UA-, YT-, MO-) and GA4 (G-). */
const GA_PROPERTY = /^(?:(?:UA|YT|MO)-\d{4,10}-\d{1,4}|G-[A-Z0-9]{4,12})$/;

/**
 * Google Analytics Measurement Protocol, Universal (v=1) and GA4 (v=2), from Google's "Measurement
 * Protocol parameter reference". `sr` (screen size), `ul` (language) and `geoid` have no type in our
 * vocabulary and are left out; `dp` is a path without its host, not an address.
 */
const googleAnalytics: EndpointParams = {
	id: 'google-analytics',
	name: 'Google Analytics',
	at: (host, path) => /(?:^|\.)(?:google-analytics\.com|analytics\.google\.com)$/.test(host) && /\/(?:g\/|r\/|j\/)?collect$|\/batch$/.test(path),
	shape(siblings) {
		const tid = text(siblings, 'tid');
		if (tid !== null && GA_PROPERTY.test(tid)) return true;
		const v = text(siblings, 'v');
		return (v === '1' || v === '2') && siblings.has('cid') && (siblings.has('t') || siblings.has('en') || siblings.has('tid'));
	},
	params: {
		cid: { as: 'client_id', meaning: 'client ID' },
		uid: { as: 'user_id', meaning: 'user ID' },
		_gid: { as: 'gid', meaning: '_gid cookie value' },
		gclid: { as: 'user_id', meaning: 'Google Ads click ID' },
		dl: { as: 'page_url', meaning: 'document location' },
		dr: { as: 'referrer', meaning: 'document referrer' },
		dt: { as: 'page_title', meaning: 'document title' },
		uip: { as: 'ip', meaning: 'IP override' },
		ua: { as: 'user_agent', meaning: 'user-agent override' }
	}
};

/** Meta (Facebook) Pixel image beacon facebook.com/tr, from Meta's Pixel documentation (`id` + `ev`). */
const facebookPixel: EndpointParams = {
	id: 'facebook-pixel',
	name: 'Facebook Pixel',
	at: (host, path) => /(?:^|\.)facebook\.com$/.test(host) && /^\/tr\/?$/.test(path),
	shape: (siblings) => siblings.has('ev') && siblings.has('id') && (siblings.has('dl') || siblings.has('rl')),
	params: {
		dl: { as: 'page_url', meaning: 'page address' },
		rl: { as: 'referrer', meaning: 'referrer' }
	}
};

/** Baidu Tongji (百度统计) hm.gif beacon, as hm.js builds it: `u` page, `su` referrer, `tt` title. */
const baiduTongji: EndpointParams = {
	id: 'baidu-tongji',
	name: 'Baidu Tongji',
	at: (host, path) => host === 'hm.baidu.com' && path === '/hm.gif',
	params: {
		u: { as: 'page_url', meaning: 'page address' },
		su: { as: 'referrer', meaning: 'referrer' },
		tt: { as: 'page_title', meaning: 'page title' }
	}
};

/**
 * Yandex Metrica's /watch/<counter> hit, from Yandex's tag documentation. `browser-info` packs many
 * `name:value` pairs into one string and is not unpacked here.
 */
const yandexMetrica: EndpointParams = {
	id: 'yandex-metrica',
	name: 'Yandex Metrica',
	at: (host, path) => /^mc\.yandex\.[a-z.]{2,6}$/.test(host) && /^\/(?:watch|webvisor)\//.test(path),
	params: {
		'page-url': { as: 'page_url', meaning: 'page address' },
		'page-ref': { as: 'referrer', meaning: 'referrer' }
	}
};

/** Matomo (formerly Piwik) Tracking HTTP API, from matomo.org's "Tracking HTTP API" reference. */
const matomo: EndpointParams = {
	id: 'matomo',
	name: 'Matomo',
	at: (_host, path) => /\/(?:matomo|piwik)\.php$/.test(path),
	shape: (siblings) => siblings.has('idsite') && siblings.has('rec'),
	params: {
		url: { as: 'page_url', meaning: 'page address' },
		urlref: { as: 'referrer', meaning: 'referrer' },
		_ref: { as: 'referrer', meaning: 'campaign referrer' },
		action_name: { as: 'page_title', meaning: 'page title' },
		_id: { as: 'visitor_id', meaning: 'visitor ID' },
		cid: { as: 'visitor_id', meaning: 'forced visitor ID' },
		uid: { as: 'user_id', meaning: 'user ID' },
		search: { as: 'search_keyword', meaning: 'site search keyword' },
		cip: { as: 'ip', meaning: 'IP override' },
		ua: { as: 'user_agent', meaning: 'user-agent override' }
	}
};

/** Adobe Analytics image request /b/ss/<report suite>/…, from Adobe's "Data collection query parameters". */
const adobeAnalytics: EndpointParams = {
	id: 'adobe-analytics',
	name: 'Adobe Analytics',
	at: (_host, path) => path.includes('/b/ss/'),
	params: {
		g: { as: 'page_url', meaning: 'page address' },
		r: { as: 'referrer', meaning: 'referrer' },
		pageName: { as: 'page_title', meaning: 'page name' },
		mid: { as: 'visitor_id', meaning: 'Experience Cloud visitor ID' },
		aid: { as: 'visitor_id', meaning: 'legacy Analytics visitor ID' },
		vid: { as: 'visitor_id', meaning: 'custom visitor ID' }
	}
};

export const ENDPOINT_PARAMS: readonly EndpointParams[] = [googleAnalytics, facebookPixel, baiduTongji, yandexMetrica, matomo, adobeAnalytics];

/** Parameter name → the tables that define it; a node whose key is in no table costs one map lookup. */
const BY_PARAM = new Map<string, EndpointParams[]>();
for (const endpoint of ENDPOINT_PARAMS) {
	for (const param of Object.keys(endpoint.params)) {
		const list = BY_PARAM.get(param) ?? [];
		list.push(endpoint);
		BY_PARAM.set(param, list);
	}
}

/** The tables whose host and path match the request: worked out once per exchange. */
export function endpointsAt(host: string | null, url: string | null): EndpointParams[] {
	if (!host || !url) return [];
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return [];
	}
	const h = host.toLowerCase();
	return ENDPOINT_PARAMS.filter((e) => e.at(h, path));
}

/** What a short parameter name means here, or null when it is not one of a matching endpoint's. */
export function endpointParam(
	key: string,
	siblings: ReadonlyMap<string, DecodedNode> | null,
	atRequest: readonly EndpointParams[]
): { endpoint: EndpointParams; param: ParamMeaning } | null {
	const tables = BY_PARAM.get(key);
	if (!tables) return null;
	for (const endpoint of tables) {
		const here = atRequest.includes(endpoint) || (siblings !== null && endpoint.shape !== undefined && endpoint.shape(siblings));
		if (here) return { endpoint, param: endpoint.params[key]! };
	}
	return null;
}
