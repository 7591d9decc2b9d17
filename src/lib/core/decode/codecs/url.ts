import { Budget } from '../../limits';
import { failure, isFailure, type CodecFailure, type TextCodec, type TreeValue } from '../codec';
import { formFieldList, formShapeScore, percentEncodeValue, writeFormFields } from './form';
import { entriesOf, isObjectLike, treeEqual } from '../tree-equal';
import { percentDecode } from './percent';

/** RFC 3986, appendix B: splits any URI-reference and never fails. */
const URI_PARTS = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?$/;
const WITH_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]/;
const WEB = /^(?:https?|wss?):\/\//i;
/** Schemes used without `//` that still name a resource worth splitting. */
const OPAQUE_SCHEMES = /^(?:mailto|tel|sms|data|intent|about|geo|market|urn):/i;

/**
 * A URL as a tree: scheme, host, port, credentials, path, query fields (repeated keys kept) and
 * fragment. Also a bare `?query`. Parsed by splitting, not by `new URL`, so nothing is normalised.
 */
export const url: TextCodec<'url'> = {
	id: 'url',
	label: 'URL',
	input: 'text',
	output: 'tree',
	ignoresPlainProse: true,
	// On a web address it sniffs 0.95, above every other codec of the registry.
	webAddressSniff: 'first',
	// Every reading needs a scheme's `:`, a `/` or a query's `=`.
	needsOneOf: ':/=',
	sniff(input) {
		const s = input.trim();
		if (s.length < 3) return 0;
		const score = shapeScore(s);
		// Whitespace rules a URL out; scanning a long value for it only matters once the shape fits.
		return score > 0 && /\s/.test(s) ? 0 : score;
	},
	decode(input) {
		const s = input.trim();
		// Ranges are offsets in the input as given, before the trim.
		const lead = input.length - input.trimStart().length;
		if (!/[:/?#]/.test(s) && formShapeScore(s) > 0) return { kind: 'tree', value: { query: formFieldList(s, lead) } };
		const m = URI_PARTS.exec(s);
		if (!m) return failure('not a URL');
		const [, scheme, authority, path = '', query, fragment] = m;
		const tree: Record<string, TreeValue> = {};
		if (scheme !== undefined) tree.scheme = scheme.toLowerCase();
		if (authority !== undefined) Object.assign(tree, splitAuthority(authority));
		if (scheme?.toLowerCase() === 'data' && authority === undefined) {
			Object.assign(tree, splitDataUrl(path + (query !== undefined ? `?${query}` : '')));
		} else if (path !== '' || authority !== undefined) {
			tree.path = path;
		}
		// The first `?` opens the query: scheme, authority and path cannot hold one.
		if (query !== undefined) tree.query = formFieldList(query, lead + s.indexOf('?') + 1);
		if (fragment !== undefined && fragment !== '') tree.fragment = fragment;
		const meaningful = scheme !== undefined || authority !== undefined || query !== undefined;
		if (!meaningful) return failure('neither a scheme, a host nor a query');
		return { kind: 'tree', value: tree };
	},
	encode(next, original) {
		const s = original.trim();
		const lead = original.slice(0, original.length - original.trimStart().length);
		const trail = original.slice(lead.length + s.length);
		if (!isObjectLike(next)) return failure('a URL must stay a tree');
		const old = url.decode(original, { budget: new Budget(), hints: {} });
		if (old.kind !== 'tree' || !isObjectLike(old.value)) return failure('the original is not a URL');
		const now = new Map(entriesOf(next));
		const was = new Map(entriesOf(old.value));
		if (now.size !== was.size || [...was.keys()].some((k) => !now.has(k))) return failure('URL members were added or removed');
		const changed = (key: string) => now.has(key) && !treeEqual(now.get(key)!, was.get(key)!);
		if (!/[:/?#]/.test(s) && formShapeScore(s) > 0) return wrapped(lead, writeFormFields(now.get('query')!, s, 0), trail);
		const m = URI_PARTS.exec(s)!;
		const [, scheme, authority, path = '', query, fragment] = m;
		if (changed('scheme') || changed('mediaType') || changed('encoding')) return failure('the URL scheme or data URL type changed');
		let out = scheme !== undefined ? `${scheme}:` : '';
		if (authority !== undefined) {
			let written = authority;
			if (changed('host') || changed('port') || changed('user') || changed('password')) {
				const text = (key: string) => {
					const v = now.get(key);
					return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
				};
				const userinfo = now.has('user') ? percentEncodeValue(text('user')) + (now.has('password') ? `:${percentEncodeValue(text('password'))}` : '') + '@' : '';
				written = userinfo + text('host') + (now.has('port') ? `:${text('port')}` : '');
			}
			out += `//${written}`;
		}
		if (scheme?.toLowerCase() === 'data' && authority === undefined && now.has('data')) {
			const rest = path + (query !== undefined ? `?${query}` : '');
			const comma = rest.indexOf(',');
			const data = now.get('data');
			if (typeof data !== 'string') return failure('data URL content is not text');
			return lead + out + rest.slice(0, comma + 1) + (changed('data') ? data : rest.slice(comma + 1)) + (fragment !== undefined ? `#${fragment}` : '') + trail;
		}
		if (changed('path')) {
			const p = now.get('path');
			if (typeof p !== 'string') return failure('URL path is not text');
			out += p;
		} else out += path;
		if (query !== undefined) {
			const q = changed('query') ? writeFormFields(now.get('query')!, query, 0) : query;
			if (isFailure(q)) return q;
			out += `?${q}`;
		}
		if (fragment !== undefined) {
			const f = now.get('fragment');
			out += `#${changed('fragment') && typeof f === 'string' ? f : fragment}`;
		}
		return lead + out + trail;
	}
};

function wrapped(lead: string, text: string | CodecFailure, trail: string): string | CodecFailure {
	return isFailure(text) ? text : lead + text + trail;
}

function splitAuthority(authority: string): Record<string, TreeValue> {
	const out: Record<string, TreeValue> = {};
	let hostPort = authority;
	const at = authority.lastIndexOf('@');
	if (at >= 0) {
		const userinfo = authority.slice(0, at);
		hostPort = authority.slice(at + 1);
		const colon = userinfo.indexOf(':');
		out.user = decodeComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
		if (colon >= 0) out.password = decodeComponent(userinfo.slice(colon + 1));
	}
	const ipv6 = /^(\[[^\]]*\])(?::(\d*))?$/.exec(hostPort);
	if (ipv6) {
		out.host = ipv6[1]!;
		if (ipv6[2]) out.port = Number(ipv6[2]);
		return out;
	}
	const colon = hostPort.lastIndexOf(':');
	if (colon >= 0 && /^\d+$/.test(hostPort.slice(colon + 1))) {
		out.host = hostPort.slice(0, colon);
		out.port = Number(hostPort.slice(colon + 1));
	} else {
		out.host = hostPort;
	}
	return out;
}

/** `data:[<media type>][;base64],<data>`: the data stays text for the peeler (base64 or percent). */
function splitDataUrl(rest: string): Record<string, TreeValue> {
	const comma = rest.indexOf(',');
	if (comma < 0) return { path: rest };
	const meta = rest.slice(0, comma);
	const isBase64 = /;base64$/i.test(meta);
	return {
		mediaType: (isBase64 ? meta.slice(0, -';base64'.length) : meta) || 'text/plain;charset=US-ASCII',
		encoding: isBase64 ? 'base64' : 'percent',
		data: rest.slice(comma + 1)
	};
}

function decodeComponent(text: string): string {
	const decoded = percentDecode(text, false);
	return typeof decoded === 'string' ? decoded : text;
}

/** How much a trimmed text looks like a URL, a path with a query or a bare query (whitespace aside). */
function shapeScore(s: string): number {
	if (WEB.test(s)) return WITH_AUTHORITY.test(s) ? 0.95 : 0.3;
	if (WITH_AUTHORITY.test(s)) return 0.9;
	if (OPAQUE_SCHEMES.test(s)) return 0.6;
	if (s.startsWith('//') && s.length > 3 && s[2] !== '/') return 0.6;
	if (s.startsWith('?')) return formShapeScore(s.slice(1)) > 0 ? 0.8 : 0;
	// A path with a query (`/collect?v=2&tid=…`).
	if (s.startsWith('/') && s.includes('?')) return formShapeScore(s.slice(s.indexOf('?') + 1)) > 0 ? 0.6 : 0;
	// A bare query string is a form first; a URL reading of it is a distant second.
	return formShapeScore(s) > 0 ? 0.2 : 0;
}
