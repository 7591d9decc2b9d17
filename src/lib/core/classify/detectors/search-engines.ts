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

/** The engine a URL belongs to, or null. */
export function searchEngineOf(url: URL): SearchEngine | null {
	for (const engine of enginesAt(url.hostname.toLowerCase())) if (engine.path.test(url.pathname)) return engine;
	return null;
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
