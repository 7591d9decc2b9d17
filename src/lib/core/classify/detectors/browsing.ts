/**
 * Browsing history: visited URLs (under keys that say "the page": `$url`, `referrer`; GA's `dl` via its SDK adapter),
 * search queries (the engine's query parameter inside any URL, or fields such as
 * `$latest_search_keyword`) and page titles.
 */
import { getDomain } from 'tldts';
import type { DecodedNode, Occurrence } from '../../model';
import { finding, scalarText, type DetectContext, type Detector } from './detector';
import { isPlaceholder, keyLabel } from './key-hints';
import { httpUrl, searchEngineOf } from './search-engines';
import { SCREEN_CLASS } from './apps';
import { boundedMemo } from '../../bounded-memo';

const URL_KEYS = new Set([
	'url', 'pageurl', 'page', 'currenturl', 'referrer', 'referer', 'latestreferrer', 'href', 'pagelocation', 'pagereferrer', 'landingpage',
	'sourceurl', 'weburl', 'documentlocation', 'documenturl', 'originalurl', 'openurl', 'visiturl', 'lasturl', 'initialreferrer', 'location',
	'link', 'tabUrl', 'taburl', 'webpageurl', 'refererurl', 'referrerurl', 'requesturl', 'currentpage', 'pageuri', 'uri', 'loadurl', 'h5url'
]);
const TITLE_KEYS = new Set(['title', 'pagetitle', 'documenttitle', 'webtitle', 'pagename', 'tabtitle', 'webpagetitle']);
const SEARCH_KEYS = new Set([
	'searchkeyword', 'latestsearchkeyword', 'searchword', 'searchterm', 'searchquery', 'searchstring', 'searchtext', 'searchkey', 'keyword',
	'keywords', 'searchcontent', 'sugword', 'queryword', 'fbsearchstring', 'searchwords', 'searchterms', 'searchinput', 'querytext'
]);

const SEARCH_WORDS = ['keyword', 'word', 'term', 'query', 'text', 'string', 'kw'];
const namesSearch = (k: string, words: readonly string[]) => SEARCH_KEYS.has(k) || (words.includes('search') && words.some((w) => SEARCH_WORDS.includes(w)));
const HTTP_START = /^https?:\/\//i;

export const browsing: Detector = {
	id: 'browsing',
	label: 'Visited pages and searches',
	gate: {
		key: (k, words) => namesSearch(k, words) || TITLE_KEYS.has(k),
		// Under any other key: a web address, or the query parameter of an enclosing search-engine address.
		other(_node, ctx, value) {
			if (value === null) return false;
			if ((value.charCodeAt(0) | 0x20) === 0x68 && HTTP_START.test(value)) return true;
			if (ctx.key === null || !ctx.url) return false;
			const engine = engineOfUrl(ctx.url);
			return engine !== null && engine.params.includes(ctx.key);
		}
	},
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null || node.kind !== 'text') return [];
		const value = raw.trim();
		if (value.length === 0 || isPlaceholder(value)) return [];
		const out: Occurrence[] = [];
		const k = ctx.normKey;
		// Trackers' two-letter names (GA's `dl`, `dt`; the Pixel's `rl`) arrive here already read as `page_url`,
		// `page_title`… by the SDK adapters' field maps (sdks/), and only at their own endpoints.

		const url = httpUrl(value);
		if (url) {
			if (URL_KEYS.has(k) && value !== ctx.exchange.url && !firstPartyReferer(ctx, url)) {
				out.push(finding(node, 'browsing.url', value, 'high', `web address, ${keyLabel(ctx.key)}`));
			}
			out.push(...searchInUrl(node, url, value));
			return out;
		}
		// A parameter of an enclosing search-engine URL (the request's own query, or a URL value peeled into parts).
		if (ctx.key !== null && ctx.url) {
			const engine = engineOfUrl(ctx.url);
			if (engine && engine.params.includes(ctx.key)) {
				// The request IS the search: the engine receives the words because the user asked it to. Reported, but at
				// low confidence so it does not count as a leak; the same words inside telemetry elsewhere stay high.
				const isTheSearchItself = ctx.partKind === 'query' && ctx.url === ctx.exchange.url;
				out.push(
					isTheSearchItself
						? finding(node, 'browsing.search_query', value, 'low', `the search itself: ${engine.name}, parameter ${ctx.key}, sent to the engine searched with`)
						: finding(node, 'browsing.search_query', value, engine.siteSearch ? 'medium' : 'high', `${engine.name}${engine.siteSearch ? '' : ' search'}, parameter ${ctx.key}`)
				);
				return out;
			}
		}
		if (namesSearch(k, ctx.keyWords)) {
			if (value.length <= 512) out.push(finding(node, 'browsing.search_query', value, 'high', `search words, ${keyLabel(ctx.key)}`));
			return out;
		}
		if (TITLE_KEYS.has(k) && !hasMediaSibling(ctx) && !SCREEN_CLASS.test(value)) {
			if (value.length <= 1024 && !/^\d+$/.test(value)) out.push(finding(node, 'browsing.title', value, k === 'title' && !ctx.key?.startsWith('$') ? 'medium' : 'high', `page title, ${keyLabel(ctx.key)}`));
		}
		return out;
	}
};

/**
 * The search engine an enclosing URL belongs to. Every parameter of a URL asks about the same URL in
 * turn, so the last answer is kept (parsing the URL was most of this detector's time).
 */
let lastUrl: string | null = null;
let lastEngine: ReturnType<typeof searchEngineOf> = null;

function engineOfUrl(text: string): ReturnType<typeof searchEngineOf> {
	if (text !== lastUrl) {
		const outer = httpUrl(text);
		lastEngine = outer ? searchEngineOf(outer) : null;
		lastUrl = text;
	}
	return lastEngine;
}

/** A search engine URL whose query parameter was not peeled into its own node is reported on the URL itself. */
function searchInUrl(node: DecodedNode, url: URL, text: string): Occurrence[] {
	const engine = searchEngineOf(url);
	// The URL's own parameters come next in the walk and ask engineOfUrl about this same text.
	lastUrl = text;
	lastEngine = engine;
	if (!engine) return [];
	for (const param of engine.params) {
		const q = url.searchParams.get(param);
		if (q === null || q.trim().length === 0) continue;
		if (node.decoded && hasKeyedText(node.decoded, param, q)) return [];
		return [finding(node, 'browsing.search_query', q.trim(), engine.siteSearch ? 'medium' : 'high', `${engine.name}${engine.siteSearch ? '' : ' search'}, parameter ${param} of the address`)];
	}
	return [];
}

/** Does the peeled URL already hold this parameter as its own node (where the parameter detector will report it)? */
function hasKeyedText(root: DecodedNode, key: string, text: string): boolean {
	const stack: DecodedNode[] = [root];
	let budget = 2000;
	while (stack.length > 0 && budget-- > 0) {
		const n = stack.pop()!;
		if (n.key === key && n.kind === 'text' && n.text?.trim() === text.trim()) return true;
		if (n.children) stack.push(...n.children);
		if (n.decoded) stack.push(n.decoded);
	}
	return false;
}

function hasMediaSibling(ctx: DetectContext): boolean {
	if (!ctx.siblings) return false;
	for (const key of ['artist', 'artistname', 'album', 'albumname', 'singer']) if (ctx.siblings.has(key)) return true;
	return false;
}

/** A Referer header pointing at the destination's own site tells it nothing it did not serve itself. */
function firstPartyReferer(ctx: DetectContext, url: URL): boolean {
	if (ctx.partKind !== 'header' || !ctx.exchange.host) return false;
	const here = domainOf(ctx.exchange.host) ?? ctx.exchange.host;
	return (domainOf(url.hostname) ?? url.hostname) === here;
}

/** Referer headers repeat one or two hosts per capture: the registrable domain is kept per host. */
const domainOf = boundedMemo((host) => getDomain(host));
