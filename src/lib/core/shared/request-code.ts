/**
 * A captured request as code a person can run again: a curl command (POSIX shell) and a fetch() call (JavaScript).
 * Every captured value is hostile, so each is quoted, never interpolated: single quotes for the shell (a quote
 * inside becomes '\''), JSON string literals for JavaScript. Comments carry what the code cannot (a binary or cut
 * body), with line breaks removed so no captured text can start a line of its own.
 *
 * It lives in the shared kernel because it is pure text formatting, like hex-view: the detail pane calls it when
 * the user asks to copy, instead of every exchange's code being made ahead of time in the worker.
 */
import { formatBytes } from './bytes';

/** What code needs of a captured exchange; `ExchangeSource` (report/exchange-source.ts) is one. */
export interface CodeRequest {
	method: string | null;
	url: string | null;
	requestHeaders: readonly { name: string; value: string }[];
	parts: readonly { kind: string; text: string | null; size: number; truncated: boolean; note?: string }[];
}

/** Headers curl computes itself: a captured Content-Length would be wrong for the body curl sends. */
const CURL_SKIPS = new Set(['content-length']);
/** Headers fetch computes or refuses (undici throws on several of them); browsers drop more (Cookie, Host…) on their own. */
const FETCH_SKIPS = new Set(['content-length', 'host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection']);

interface Body {
	/** The text to send, or null when the capture has no usable text. */
	text: string | null;
	notes: string[];
	/** Binary bytes the capture holds but code cannot carry inline. */
	binary: number | null;
}

function bodyOf(request: CodeRequest): Body | null {
	const part = request.parts.find((p) => p.kind === 'request-body');
	if (!part) return null;
	if (part.note) return { text: null, binary: null, notes: [`the request body is not in the capture: ${part.note}`] };
	if (part.text === null) return { text: null, binary: part.size, notes: [] };
	const notes = part.truncated ? [`the request body was cut for display: this sends only its beginning, not all ${formatBytes(part.size)}`] : [];
	return { text: part.text, binary: null, notes };
}

function headersFor(request: CodeRequest, skips: ReadonlySet<string>): { name: string; value: string }[] {
	// Pseudo-headers (:authority, :path…) are HTTP/2 framing, not headers a client sends.
	return request.requestHeaders.filter((h) => !h.name.startsWith(':') && !skips.has(h.name.toLowerCase()));
}

/** One comment line: captured text (a file name in a note) must not end the comment and start a command. */
function commentText(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/** A POSIX shell word that is exactly `text`: inside single quotes nothing is special but the quote itself. */
export function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A JavaScript string literal that is exactly `text` (U+2028/2029 escaped for engines before ES2019). */
export function jsString(text: string): string {
	return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A curl command for the request, or null when it has no URL (a bare payload). */
export function curlCommand(request: CodeRequest): string | null {
	if (!request.url) return null;
	const notes: string[] = [];
	let nuls = 0;
	// A shell argument cannot hold a NUL character: leave them out and say so.
	const word = (text: string) => {
		if (text.includes('\0')) {
			nuls += text.split('\0').length - 1;
			text = text.replaceAll('\0', '');
		}
		return shellQuote(text);
	};
	const method = request.method || 'GET';
	const body = bodyOf(request);
	const hasBody = body !== null && (body.text !== null || body.binary !== null);
	// curl reads [] and {} in a URL as ranges and sets unless told not to; a URL starting with - would be an option.
	const args = [/^https?:\/\//i.test(request.url) ? word(request.url) : `--url ${word(request.url)}`];
	if (/[[\]{}]/.test(request.url)) args.push('--globoff');
	if (method.toUpperCase() === 'HEAD') args.push('--head');
	else if (hasBody ? method !== 'POST' : method !== 'GET') args.push(`-X ${word(method)}`);
	let compressed = false;
	for (const h of headersFor(request, CURL_SKIPS)) {
		if (h.name.toLowerCase() === 'accept-encoding') compressed = true;
		// `Name:` with nothing after it tells curl to remove the header; `Name;` sends it empty.
		args.push(`-H ${word(h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`)}`);
	}
	if (body) notes.push(...body.notes);
	if (body?.text != null) args.push(`--data-raw ${word(body.text)}`);
	else if (body?.binary != null) {
		notes.push(`the request body is ${formatBytes(body.binary)} of binary data, not in this command: save it as body.bin beside it`);
		args.push(`--data-binary ${shellQuote('@body.bin')}`);
	}
	// Browsers ask for compressed responses; --compressed lets curl decompress what comes back, as they do.
	if (compressed) args.push('--compressed');
	if (nuls > 0) notes.push(`${nuls} NUL character${nuls === 1 ? ' was' : 's were'} left out: a shell argument cannot hold one`);
	const comments = notes.map((note) => `# ${commentText(note)}\n`).join('');
	return `${comments}curl ${args.join(' \\\n  ')}`;
}

/** A fetch() call for the request, or null when it has no URL (a bare payload). */
export function fetchCode(request: CodeRequest): string | null {
	if (!request.url) return null;
	const notes: string[] = [];
	const method = request.method || 'GET';
	// Repeated headers become one, as fetch's Headers would join them (cookies with `; `, the rest with `, `).
	const merged = new Map<string, { name: string; value: string }>();
	for (const h of headersFor(request, FETCH_SKIPS)) {
		const key = h.name.toLowerCase();
		const seen = merged.get(key);
		if (seen) seen.value += `${key === 'cookie' ? '; ' : ', '}${h.value}`;
		else merged.set(key, { name: h.name, value: h.value });
	}
	const body = bodyOf(request);
	let bodyText: string | null = null;
	if (body) {
		notes.push(...body.notes);
		if (body.binary !== null) notes.push(`the request body is ${formatBytes(body.binary)} of binary data, not in this code`);
		else if (body.text !== null && /^(GET|HEAD)$/i.test(method)) notes.push(`the ${method} request carried a body, which fetch does not allow: left out`);
		else bodyText = body.text;
	}
	if ([...merged.keys()].includes('cookie')) notes.push('browsers do not send a Cookie header set by a script: run this in Node 18+ to send it as captured');
	const lines = [`  method: ${jsString(method)},`];
	if (merged.size > 0) {
		lines.push('  headers: {');
		const entries = [...merged.values()].map((h) => `    ${jsString(h.name)}: ${jsString(h.value)}`);
		lines.push(entries.join(',\n'));
		lines.push('  },');
	}
	if (bodyText !== null) lines.push(`  body: ${jsString(bodyText)},`);
	// No trailing comma after the last member: older tools that paste it into JSON-ish places choke on it.
	lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, '');
	const comments = notes.map((note) => `// ${commentText(note)}\n`).join('');
	return `${comments}fetch(${jsString(request.url)}, {\n${lines.join('\n')}\n});`;
}
