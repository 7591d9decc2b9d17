/**
 * Where search engines put the query: host (registrable name), path and parameter. A URL to one of
 * these paths carries what the user searched for, wherever that URL travels (a `$url` field, a referrer).
 */
import { parse } from 'tldts';
import { boundedMemo } from '../../bounded-memo';

export interface SearchEngine {
	name: string;
	/** The registrable domain without its suffix (`google` for google.co.uk), or a full site (`so.com`). */
	site: string;
	path: RegExp;
	params: string[];
	/** A site's own search page, found by its path and parameter rather than known by name: reported at medium confidence. */
	siteSearch?: true;
}

export const SEARCH_ENGINES: readonly SearchEngine[] = [
	{ name: 'Google', site: 'google', path: /^\/(search|complete\/search|webhp|m|url)?\/?$/, params: ['q'] },
	{ name: 'Bing', site: 'bing', path: /^\/(search|AS\/Suggestions|images\/search|news\/search|videos\/search)?\/?$/i, params: ['q'] },
	{ name: 'DuckDuckGo', site: 'duckduckgo', path: /^\/(html|lite|ac)?\/?$/, params: ['q'] },
	{ name: 'Baidu', site: 'baidu', path: /^\/(s|su|from=\d+\/s|sugrec)?\/?$/, params: ['wd', 'word'] },
	{ name: 'Yandex', site: 'yandex', path: /^\/(search|suggest[^/]*)(\/.*)?$/, params: ['text'] },
	{ name: 'Sogou', site: 'sogou', path: /^\/(web|sogou|web\/searchList\.jsp|sie)?\/?$/, params: ['query', 'keyword'] },
	{ name: 'Naver', site: 'naver', path: /^\/(search\.naver)?$/, params: ['query'] },
	{ name: 'Yahoo', site: 'yahoo', path: /^\/(search|mobile\/s)?\/?$/, params: ['p'] },
	{ name: 'Ecosia', site: 'ecosia', path: /^\/(search|images|news)?\/?$/, params: ['q'] },
	{ name: 'Brave Search', site: 'search.brave.com', path: /^\/(search|images|news|api\/suggest)?\/?$/, params: ['q'] },
	{ name: 'Qwant', site: 'qwant', path: /^\/.*$/, params: ['q'] },
	{ name: 'Startpage', site: 'startpage', path: /^\/(do\/search|sp\/search|do\/dsearch|search)?\/?$/, params: ['query', 'q'] },
	{ name: '360 Search', site: 'so.com', path: /^\/(s|index\.php)?\/?$/, params: ['q'] },
	{ name: 'Shenma', site: 'sm.cn', path: /^\/(s)?\/?$/, params: ['q'] }
];

/** The engine a URL belongs to, or the site's own search when its address says so, or null. */
export function searchEngineOf(url: URL): SearchEngine | null {
	for (const engine of enginesAt(url.hostname.toLowerCase())) if (engine.path.test(url.pathname)) return engine;
	return siteSearchOf(url);
}

/**
 * A site's own search: a path that ends in a search page (`/search`, `/en/recherche/`, `/search.php`) with a query
 * parameter that names the words. Shop, news and health sites put what their visitors look for there, and trackers on
 * those pages send the address along.
 */
const SITE_SEARCH_PATH = /(?:^|\/)(?:search|suche|recherche|buscar|busca|ricerca|zoeken|szukaj|sok|haku|poisk|sousuo|jiansuo)(?:\.\w{2,5})?\/?$/i;
const SITE_SEARCH_PARAMS = ['q', 'query', 'search', 'keyword', 'keywords', 'term', 'terms', 'text', 's', 'k', 'searchterm', 'search_query', 'kw', 'wd'];

function siteSearchOf(url: URL): SearchEngine | null {
	if (url.search.length < 3 || !SITE_SEARCH_PATH.test(url.pathname)) return null;
	const params = SITE_SEARCH_PARAMS.filter((p) => url.searchParams.has(p));
	if (params.length === 0) return null;
	return { name: `the site's own search (${url.hostname})`, site: url.hostname, path: /.*/, params, siteSearch: true };
}

/** The engines whose site a host belongs to, in list order (nearly always none): kept per host. */
const enginesAt = boundedMemo((host: string): readonly SearchEngine[] => {
	const name = domainWithoutSuffix(host);
	return SEARCH_ENGINES.filter((engine) => (engine.site.includes('.') ? host === engine.site || host.endsWith(`.${engine.site}`) : name === engine.site));
});

/** Every URL of a capture asks about one of a few hosts: the registrable name is kept per host. */
const domainWithoutSuffix = boundedMemo((host) => parse(host, { allowPrivateDomains: false }).domainWithoutSuffix);

/** Parses an absolute http(s) URL without throwing; null for anything else. */
export function httpUrl(text: string): URL | null {
	if (text.length > 8192 || !/^https?:\/\/[^\s/]/i.test(text)) return null;
	try {
		return new URL(text);
	} catch {
		return null;
	}
}
