/**
 * A curl command line as browsers copy it ("Copy as cURL" in Chrome and Firefox, bash or cmd flavour),
 * or several joined by `;` / `&`. Each curl command is one exchange with no response. Chrome's and Edge's
 * "Copy as PowerShell" (Invoke-WebRequest) is the same kind of input and is read here too (powershell.ts),
 * with the same format id `curl` and a note naming PowerShell.
 */
import type { Capture, Exchange, Header, Part } from '../model';
import { InputError } from '../errors';
import { hostOf } from './url';
import { bodyPart, headerValue, requestMetaParts } from './parts';
import { shellFlavourOf, splitCommands } from './shell-words';
import { looksLikePowerShell, readPowerShell } from './powershell';
import { lenientText as textOf, type WholeCaptureReader } from './reader';

/** Options that take a value; everything else starting with `-` is a flag. */
const SHORT_WITH_VALUE = new Set('XHdbuAeFoxmwTcKErYyzCUQtDPh'.split('').filter((c) => c !== 'h'));
const LONG_WITH_VALUE = new Set([
	'request', 'header', 'data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'cookie', 'cookie-jar',
	'user', 'user-agent', 'referer', 'form', 'form-string', 'output', 'proxy', 'proxy-user', 'max-time', 'connect-timeout',
	'write-out', 'upload-file', 'url', 'cacert', 'capath', 'cert', 'cert-type', 'key', 'key-type', 'resolve', 'connect-to',
	'retry', 'retry-delay', 'retry-max-time', 'limit-rate', 'interface', 'dns-servers', 'range', 'max-redirs', 'oauth2-bearer',
	'aws-sigv4', 'variable', 'expect100-timeout', 'keepalive-time', 'local-port', 'tls-max', 'ciphers', 'output-dir', 'config',
	'trace', 'trace-ascii', 'stderr', 'dump-header', 'etag-save', 'etag-compare', 'unix-socket', 'abstract-unix-socket',
	'proto', 'proto-redir', 'happy-eyeballs-timeout-ms', 'max-filesize', 'speed-limit', 'speed-time', 'time-cond',
	'continue-at', 'quote', 'telnet-option', 'pinnedpubkey', 'noproxy', 'preproxy', 'socks5', 'socks5-hostname', 'url-query',
	'request-target', 'create-file-mode', 'parallel-max', 'ech', 'ipfs-gateway'
]);

interface CurlRequest {
	method: string | null;
	url: string | null;
	headers: Header[];
	data: string[];
	form: Array<{ name: string; value: string }>;
	get: boolean;
	head: boolean;
	upload: boolean;
	notes: string[];
}

export function readCurl(name: string, text: string): Capture {
	if (looksLikePowerShell(text.trimStart())) return readPowerShell(name, text);
	const flavour = shellFlavourOf(text);
	const commands = splitCommands(text, flavour).filter((words) => /^curl(\.exe)?$/i.test(words[0] ?? ''));
	if (commands.length === 0) throw new InputError(`${name} holds no curl command`);
	const exchanges = commands.map((words, index) => exchangeOf(parseCurl(words.slice(1)), index));
	return { name, format: 'curl', exchanges, notes: [`curl command${commands.length > 1 ? 's' : ''} in ${flavour === 'cmd' ? 'Windows cmd' : 'POSIX shell'} syntax`] };
}

function parseCurl(args: string[]): CurlRequest {
	const r: CurlRequest = { method: null, url: null, headers: [], data: [], form: [], get: false, head: false, upload: false, notes: [] };
	const extraUrls: string[] = [];
	let i = 0;
	const take = (option: string): string => {
		const value = args[++i];
		if (value === undefined) r.notes.push(`${option} has no value`);
		return value ?? '';
	};
	for (; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			extraUrls.push(...args.slice(i + 1));
			break;
		}
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			// curl itself does not accept --opt=value, but people write it; accept both.
			const long = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
			if (LONG_WITH_VALUE.has(long)) apply(r, long, eq > 0 ? arg.slice(eq + 1) : take(arg));
			else flag(r, long);
			continue;
		}
		if (arg.startsWith('-') && arg.length > 1) {
			// Short options can be grouped (-sSL) and take their value attached (-XPOST) or next.
			for (let k = 1; k < arg.length; k++) {
				const letter = arg[k]!;
				if (SHORT_WITH_VALUE.has(letter)) {
					apply(r, SHORT_LONG[letter] ?? letter, k + 1 < arg.length ? arg.slice(k + 1) : take(`-${letter}`));
					break;
				}
				flag(r, SHORT_LONG[letter] ?? letter);
			}
			continue;
		}
		if (r.url === null) r.url = arg;
		else extraUrls.push(arg);
	}
	if (extraUrls.length > 0) r.notes.push(`more than one URL; read the first (${r.url})`);
	return r;
}

const SHORT_LONG: Record<string, string> = {
	X: 'request', H: 'header', d: 'data', b: 'cookie', u: 'user', A: 'user-agent', e: 'referer', F: 'form', G: 'get', I: 'head', T: 'upload-file'
};

function apply(r: CurlRequest, option: string, value: string): void {
	switch (option) {
		case 'request':
			r.method = value;
			return;
		case 'url':
			if (r.url === null) r.url = value;
			return;
		case 'header': {
			const colon = value.indexOf(':');
			if (colon > 0) {
				const headerValue = value.slice(colon + 1).trim();
				// `-H 'X-Foo:'` removes a header and `-H 'X-Foo;'` sends it empty; neither carries data.
				if (headerValue) r.headers.push({ name: value.slice(0, colon).trim(), value: headerValue });
			}
			return;
		}
		case 'data':
		case 'data-ascii':
		case 'data-binary':
			if (value.startsWith('@')) r.notes.push(`body read from the file ${value.slice(1)} (not in the command)`);
			else r.data.push(value);
			return;
		case 'data-raw':
			r.data.push(value);
			return;
		case 'json':
			if (value.startsWith('@')) r.notes.push(`body read from the file ${value.slice(1)} (not in the command)`);
			else r.data.push(value);
			if (!hasHeader(r, 'content-type')) r.headers.push({ name: 'Content-Type', value: 'application/json' });
			return;
		case 'data-urlencode':
			r.data.push(urlencodeData(value, r.notes));
			return;
		case 'cookie':
			if (value.includes('=')) r.headers.push({ name: 'Cookie', value });
			else r.notes.push(`cookies read from the file ${value} (not in the command)`);
			return;
		case 'user':
			r.headers.push({ name: 'Authorization', value: `Basic ${base64Utf8(value.includes(':') ? value : `${value}:`)}` });
			r.notes.push('Authorization built from --user');
			return;
		case 'user-agent':
			r.headers.push({ name: 'User-Agent', value });
			return;
		case 'referer':
			r.headers.push({ name: 'Referer', value: value.replace(/;auto$/, '') });
			return;
		case 'oauth2-bearer':
			r.headers.push({ name: 'Authorization', value: `Bearer ${value}` });
			return;
		case 'form':
		case 'form-string': {
			const eq = value.indexOf('=');
			if (eq <= 0) return;
			const fieldValue = value.slice(eq + 1);
			if (option === 'form' && (fieldValue.startsWith('@') || fieldValue.startsWith('<'))) r.notes.push(`form field ${value.slice(0, eq)} read from the file ${fieldValue.slice(1)} (not in the command)`);
			else r.form.push({ name: value.slice(0, eq), value: fieldValue });
			return;
		}
		case 'upload-file':
			r.upload = true;
			r.notes.push(`body read from the file ${value} (not in the command)`);
			return;
		case 'url-query':
			if (r.url) r.url += (r.url.includes('?') ? '&' : '?') + value;
			return;
	}
}

function flag(r: CurlRequest, option: string): void {
	if (option === 'get') r.get = true;
	else if (option === 'head') r.head = true;
	else if (option === 'compressed') r.notes.push('--compressed: the response was asked for compressed (curl decompresses it)');
}

function hasHeader(r: CurlRequest, name: string): boolean {
	return headerValue(r.headers, name) !== undefined;
}

/** curl's --data-urlencode forms: `content`, `=content`, `name=content`, `@file`, `name@file`. */
function urlencodeData(value: string, notes: string[]): string {
	const eq = value.indexOf('=');
	const at = value.indexOf('@');
	if (at >= 0 && (eq < 0 || at < eq)) {
		notes.push(`body field read from the file ${value.slice(at + 1)} (not in the command)`);
		return '';
	}
	if (eq < 0) return encodeURIComponent(value);
	const name = value.slice(0, eq);
	const encoded = encodeURIComponent(value.slice(eq + 1));
	return name ? `${name}=${encoded}` : encoded;
}

function base64Utf8(text: string): string {
	let binary = '';
	for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
	return btoa(binary);
}

const BOUNDARY = '------------------------telltale';

function exchangeOf(r: CurlRequest, index: number): Exchange {
	let url = r.url;
	if (url && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `http://${url}`; // curl's default scheme
	const data = r.data.filter((d) => d.length > 0).join('&');
	let body: string | null = data.length > 0 ? data : null;
	const headers = r.headers.slice();
	if (r.get && body !== null && url) {
		url += (url.includes('?') ? '&' : '?') + body;
		body = null;
	}
	let method = r.method ?? (r.head ? 'HEAD' : r.upload ? 'PUT' : body !== null || r.form.length > 0 ? 'POST' : 'GET');
	method = method.toUpperCase();
	if (body !== null && !hasHeader(r, 'content-type')) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
	if (r.form.length > 0) {
		body = r.form.map((f) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.name}"\r\n\r\n${f.value}\r\n`).join('') + `--${BOUNDARY}--\r\n`;
		if (!hasHeader(r, 'content-type')) headers.push({ name: 'Content-Type', value: `multipart/form-data; boundary=${BOUNDARY}` });
		r.notes.push('multipart body built from -F fields');
	}
	const parts: Part[] = requestMetaParts(url, headers);
	if (body !== null) parts.push(bodyPart({ kind: 'request-body', payload: { kind: 'text', text: body }, headers, wire: true }));
	const host = url ? hostOf(url) : null;
	if (!url) r.notes.push('the command has no URL');
	return { index, method, url, host, status: null, startedAt: null, requestHeaders: headers, responseHeaders: [], parts, notes: r.notes };
}

const CURL_COMMAND = /^curl(?:\.exe)?[ \t\r\n^]/;

/** curl command lines (bash or cmd flavour) and PowerShell's Invoke-WebRequest, as browsers copy them. */
export const curlReader = {
	id: 'curl',
	reads: 'whole',
	sniff: (start) => CURL_COMMAND.test(start) || looksLikePowerShell(start),
	read: (name, bytes) => readCurl(name, textOf(bytes))
} as const satisfies WholeCaptureReader<'curl'>;
