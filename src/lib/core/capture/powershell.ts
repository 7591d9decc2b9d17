/**
 * "Copy as PowerShell" from Chrome's and Edge's DevTools: an optional WebRequestSession (user agent and
 * cookies) followed by `Invoke-WebRequest -UseBasicParsing -Uri "…" -Method "POST" -WebSession $session
 * -Headers @{…} -ContentType "…" -Body "…"`, lines joined by backtick continuations. Read as a curl-family
 * input (format `curl`): a command line copied from the browser, one exchange per command, no response.
 *
 * Only the subset of PowerShell those commands use is understood: double-quoted strings with backtick escapes
 * and `$([char]NNN)`, single-quoted strings, `@{…}` hashtables, `$name = "…"` string variables and
 * `[System.Text.Encoding]::UTF8.GetBytes("…")` bodies. Anything else stays as written, with a note.
 */
import type { Capture, Exchange, Header, Part } from '../model';
import { InputError } from '../errors';
import { hostOf } from './url';
import { bodyPart, headerValue, requestMetaParts } from './parts';

const COMMAND = /^(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)$/i;
const SESSION_START = /^\$[\w:]+\s*=\s*New-Object\s+(?:Microsoft\.PowerShell\.Commands\.)?WebRequestSession\b/i;
const INVOKE_START = /^(?:Invoke-WebRequest|Invoke-RestMethod)\b/i;
const INVOKE_LINE = /^[ \t]*(?:Invoke-WebRequest|Invoke-RestMethod)[ \t]/im;

/**
 * Whether text (white space trimmed at the start) is a PowerShell request rather than a shell's curl command
 * line or a payload: it starts with Invoke-WebRequest or a WebRequestSession, or it starts with a variable or a
 * comment and has a line that starts with Invoke-WebRequest.
 */
export function looksLikePowerShell(start: string): boolean {
	if (INVOKE_START.test(start) || SESSION_START.test(start)) return true;
	return (start.startsWith('$') || start.startsWith('#')) && INVOKE_LINE.test(start.slice(0, 64 * 1024));
}

/** Parameters that never take a value; every other parameter takes the next argument. */
const SWITCHES = new Set([
	'usebasicparsing', 'disablekeepalive', 'skipcertificatecheck', 'skipheadervalidation', 'allowunencryptedauthentication', 'passthru',
	'resume', 'skiphttperrorcheck', 'noproxy', 'usedefaultcredentials', 'preserveauthorizationonredirect', 'allowinsecureredirect',
	'proxyusedefaultcredentials', 'preservehttpmethodonredirect'
]);

/** Chrome writes HTTP/2 pseudo-headers without their colon (`"authority"="…"`); these four names are never real headers. */
const PSEUDO = new Set(['authority', 'method', 'path', 'scheme']);

type Value = { kind: 'text'; text: string } | { kind: 'table'; entries: Header[] } | { kind: 'variable'; name: string } | { kind: 'other'; text: string };

interface Token {
	kind: 'word' | 'param' | 'value';
	text: string;
	value?: Value;
}

interface Session {
	userAgent: string | null;
	cookies: Header[];
}

export function readPowerShell(name: string, text: string): Capture {
	const sessions = new Map<string, Session>();
	const strings = new Map<string, string>();
	const exchanges: Exchange[] = [];
	for (const statement of statements(text)) {
		const notes: string[] = [];
		const tokens = tokenize(statement, notes);
		const first = tokens[0];
		if (!first) continue;
		if (first.kind === 'value' && first.value?.kind === 'variable') {
			assignment(first.value.name, tokens.slice(1), statement, sessions, strings);
			continue;
		}
		if (first.kind === 'word' && COMMAND.test(first.text)) exchanges.push(exchangeOf(tokens.slice(1), exchanges.length, sessions, strings, notes));
	}
	if (exchanges.length === 0) throw new InputError(`${name} holds no Invoke-WebRequest command`);
	return { name, format: 'curl', exchanges, notes: [`PowerShell Invoke-WebRequest command${exchanges.length > 1 ? 's' : ''} (Copy as PowerShell)`] };
}

/** `$session = New-Object …WebRequestSession`, `$session.UserAgent = "…"`, `$session.Cookies.Add(…)`, `$body = "…"`. */
function assignment(variable: string, rest: Token[], statement: string, sessions: Map<string, Session>, strings: Map<string, string>): void {
	const dot = variable.indexOf('.');
	const base = (dot < 0 ? variable : variable.slice(0, dot)).toLowerCase();
	const member = dot < 0 ? '' : variable.slice(dot + 1).toLowerCase();
	if (member === '') {
		if (rest[0]?.text !== '=') return;
		if (rest[1]?.kind === 'word' && /^New-Object$/i.test(rest[1].text) && /WebRequestSession$/i.test(rest[2]?.text ?? '')) {
			sessions.set(base, { userAgent: null, cookies: [] });
		} else if (rest[1]?.value?.kind === 'text') strings.set(base, rest[1].value.text);
		return;
	}
	const session = sessions.get(base);
	if (!session) return;
	if (member === 'useragent' && rest[0]?.text === '=' && rest[1]?.value?.kind === 'text') session.userAgent = rest[1].value.text;
	if (member.startsWith('cookies.add')) {
		// (New-Object System.Net.Cookie("name", "value", "/", "domain")): the first two strings.
		const args = quotedStrings(statement.slice(statement.indexOf('Cookie(') + 7));
		if (args.length >= 2 && args[0]) session.cookies.push({ name: args[0], value: args[1]! });
	}
}

function exchangeOf(args: Token[], index: number, sessions: Map<string, Session>, strings: Map<string, string>, notes: string[]): Exchange {
	let url: string | null = null;
	let method: string | null = null;
	let contentType: string | null = null;
	let body: string | null = null;
	let userAgent: string | null = null;
	const headers: Header[] = [];
	let session: Session | null = null;
	const textOf = (token: Token | undefined, what: string): string | null => {
		const value = token?.value;
		if (!value) return token?.kind === 'word' ? token.text : null;
		if (value.kind === 'text') return value.text;
		if (value.kind === 'variable') {
			const known = strings.get(value.name.toLowerCase());
			if (known !== undefined) return known;
			notes.push(`${what} is the variable $${value.name}, not set in the command`);
			return null;
		}
		if (value.kind === 'other') notes.push(`${what} is a PowerShell expression Telltale does not run: ${value.text.slice(0, 60)}`);
		return null;
	};
	for (let i = 0; i < args.length; i++) {
		const token = args[i]!;
		if (token.kind !== 'param') {
			if (url === null) url = textOf(token, 'the URL');
			continue;
		}
		const colon = token.text.indexOf(':');
		const param = (colon < 0 ? token.text : token.text.slice(0, colon)).toLowerCase();
		if (SWITCHES.has(param)) continue;
		// `-Method:"POST"` or `-Method:POST` or `-Method "POST"`.
		const attached = colon >= 0 ? token.text.slice(colon + 1) : '';
		const valueToken = attached ? ({ kind: 'word', text: attached } satisfies Token) : args[++i];
		switch (param) {
			case 'uri':
				url = textOf(valueToken, 'the URL');
				break;
			case 'method':
			case 'custommethod':
				method = textOf(valueToken, 'the method');
				break;
			case 'contenttype':
				contentType = textOf(valueToken, 'the content type');
				break;
			case 'useragent':
				userAgent = textOf(valueToken, 'the user agent');
				break;
			case 'body':
				body = textOf(valueToken, 'the body');
				break;
			case 'headers':
				if (valueToken?.value?.kind === 'table') headers.push(...valueToken.value.entries.map(restorePseudo));
				else notes.push('-Headers is not a literal @{…} table: not read');
				break;
			case 'websession':
				if (valueToken?.value?.kind === 'variable') session = sessions.get(valueToken.value.name.toLowerCase()) ?? null;
				if (!session) notes.push('-WebSession names a session not created in the command: its cookies are unknown');
				break;
			case 'infile':
				notes.push(`body read from the file ${textOf(valueToken, 'the file') ?? ''} (not in the command)`);
				break;
			case 'form':
				notes.push('-Form fields are not read');
				break;
		}
	}
	userAgent ??= session?.userAgent ?? null;
	if (userAgent !== null && headerValue(headers, 'user-agent') === undefined) headers.push({ name: 'User-Agent', value: userAgent });
	if (session && session.cookies.length > 0 && headerValue(headers, 'cookie') === undefined) {
		headers.push({ name: 'Cookie', value: session.cookies.map((c) => `${c.name}=${c.value}`).join('; ') });
	}
	if (contentType !== null && headerValue(headers, 'content-type') === undefined) headers.push({ name: 'Content-Type', value: contentType });
	// Invoke-WebRequest sends a string body as a form unless told otherwise.
	if (body !== null && body.length > 0 && headerValue(headers, 'content-type') === undefined) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
	const parts: Part[] = requestMetaParts(url, headers);
	if (body !== null && body.length > 0) parts.push(bodyPart({ kind: 'request-body', payload: { kind: 'text', text: body }, headers, wire: true }));
	if (!url) notes.push('the command has no URL');
	return {
		index,
		method: (method ?? 'GET').toUpperCase(),
		url,
		host: url ? hostOf(url) : null,
		status: null,
		startedAt: null,
		requestHeaders: headers,
		responseHeaders: [],
		parts,
		notes
	};
}

function restorePseudo(h: Header): Header {
	return PSEUDO.has(h.name.toLowerCase()) ? { name: `:${h.name.toLowerCase()}`, value: h.value } : h;
}

/**
 * Splits the script into statements at `;` and line ends outside quotes, brackets and `@{…}`; a backtick at
 * a line end continues the line.
 */
export function statements(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	let depth = 0;
	let i = 0;
	/** The statement's text before a `# comment`. */
	let before = '';
	const n = text.length;
	const end = (at: number): void => {
		const s = (before + text.slice(start, at)).trim();
		if (s) out.push(s);
		before = '';
		start = at + 1;
	};
	while (i < n) {
		const c = text[i]!;
		if (c === '"') i = skipDouble(text, i + 1);
		else if (c === "'") i = skipSingle(text, i + 1);
		else if (c === '`') i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
		else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
			before += text.slice(start, i);
			while (i < n && text[i] !== '\n') i++;
			start = i;
		} else {
			if (c === '(' || c === '{') depth++;
			else if ((c === ')' || c === '}') && depth > 0) depth--;
			else if ((c === '\n' || c === ';') && depth === 0) end(i);
			i++;
		}
	}
	end(n);
	return out;
}

function skipDouble(text: string, from: number): number {
	let i = from;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '`') i += 2;
		else if (c === '"') {
			if (text[i + 1] === '"') i += 2;
			else return i + 1;
		} else i++;
	}
	return i;
}

function skipSingle(text: string, from: number): number {
	let i = from;
	while (i < text.length) {
		if (text[i] === "'") {
			if (text[i + 1] === "'") i += 2;
			else return i + 1;
		} else i++;
	}
	return i;
}

/** `$name`, `$scope:name`, `$name.Member`, `${any name}`. */
const VARIABLE = /^\$(?:\{([^}]*)\}|([A-Za-z_][\w:]*(?:\.\w+)*))/;

/** Words, `-Param`s and values of one statement. */
function tokenize(statement: string, notes: string[]): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const n = statement.length;
	while (i < n) {
		const c = statement[i]!;
		if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
			i++;
		} else if (c === '`') {
			i += 2; // line continuation (or a stray escape between arguments)
		} else if (c === '"') {
			const close = skipDouble(statement, i + 1);
			tokens.push({ kind: 'value', text: statement.slice(i, close), value: { kind: 'text', text: doubleQuoted(statement.slice(i + 1, close - 1), notes) } });
			i = close;
		} else if (c === "'") {
			const close = skipSingle(statement, i + 1);
			tokens.push({ kind: 'value', text: statement.slice(i, close), value: { kind: 'text', text: statement.slice(i + 1, close - 1).replace(/''/g, "'") } });
			i = close;
		} else if (c === '@' && statement[i + 1] === '{') {
			const close = matching(statement, i + 1);
			tokens.push({ kind: 'value', text: statement.slice(i, close), value: { kind: 'table', entries: table(statement.slice(i + 2, close - 1), notes) } });
			i = close;
		} else if (c === '(') {
			const close = matching(statement, i);
			const inner = statement.slice(i + 1, close - 1).trim();
			tokens.push({ kind: 'value', text: statement.slice(i, close), value: group(inner, notes) });
			i = close;
		} else if (c === '$' && VARIABLE.test(statement.slice(i, i + 256))) {
			const m = VARIABLE.exec(statement.slice(i, i + 256))!;
			tokens.push({ kind: 'value', text: m[0], value: { kind: 'variable', name: m[1] ?? m[2]! } });
			i += m[0].length;
		} else if (c === '=') {
			tokens.push({ kind: 'word', text: '=' });
			i++;
		} else {
			let j = i;
			while (j < n && !/[\s"'`(=]/.test(statement[j]!)) j++;
			if (j === i) j++;
			const word = statement.slice(i, j);
			tokens.push(c === '-' && /^-[A-Za-z]/.test(word) ? { kind: 'param', text: word.slice(1) } : { kind: 'word', text: word });
			i = j;
		}
	}
	return tokens;
}

/** Index after the bracket that closes the one at `open`, skipping quoted text. */
function matching(text: string, open: number): number {
	let depth = 0;
	let i = open;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '"') {
			i = skipDouble(text, i + 1);
			continue;
		}
		if (c === "'") {
			i = skipSingle(text, i + 1);
			continue;
		}
		if (c === '`') {
			i += 2;
			continue;
		}
		if (c === '(' || c === '{') depth++;
		else if (c === ')' || c === '}') {
			depth--;
			if (depth === 0) return i + 1;
		}
		i++;
	}
	return text.length;
}

/** `( [System.Text.Encoding]::UTF8.GetBytes("…") )` (Chrome's body with non-ASCII text), or a parenthesised string. */
function group(inner: string, notes: string[]): Value {
	const bytes = /^\[System\.Text\.Encoding\]::UTF8\.GetBytes\(\s*([\s\S]*)\)$/i.exec(inner);
	const literal = (bytes?.[1] ?? inner).trim();
	const tokens = tokenize(literal, notes);
	if (tokens.length === 1 && tokens[0]!.value?.kind === 'text') return tokens[0]!.value;
	return { kind: 'other', text: inner };
}

/** Entries of `@{ "name"="value" … }`, separated by line ends or `;`. */
function table(body: string, notes: string[]): Header[] {
	const entries: Header[] = [];
	for (const statement of statements(body)) {
		const tokens = tokenize(statement, notes);
		const eq = tokens.findIndex((t) => t.kind === 'word' && t.text === '=');
		if (eq !== 1 || tokens.length < 3) continue;
		const key = tokens[0]!.value?.kind === 'text' ? tokens[0]!.value.text : tokens[0]!.text;
		const value = tokens[2]!.value;
		if (value?.kind === 'text') entries.push({ name: key, value: value.text });
		else if (!value) entries.push({ name: key, value: tokens[2]!.text });
		else notes.push(`the header ${key} is a PowerShell expression: not read`);
	}
	return entries;
}

/** PowerShell's backtick escapes, `""`, and the `$([char]NNN)` Chrome writes for characters outside printable ASCII. */
export function doubleQuoted(raw: string, notes: string[] = []): string {
	let out = '';
	let i = 0;
	const n = raw.length;
	while (i < n) {
		const c = raw[i]!;
		if (c === '`' && i + 1 < n) {
			const e = raw[i + 1]!;
			if (e === 'u' && raw[i + 2] === '{') {
				const close = raw.indexOf('}', i + 3);
				const code = close > 0 ? Number.parseInt(raw.slice(i + 3, close), 16) : NaN;
				if (Number.isFinite(code) && code <= 0x10ffff) {
					out += String.fromCodePoint(code);
					i = close + 1;
					continue;
				}
			}
			out += BACKTICK[e] ?? e;
			i += 2;
		} else if (c === '"' && raw[i + 1] === '"') {
			out += '"';
			i += 2;
		} else if (c === '$' && raw[i + 1] === '(') {
			const close = matching(raw, i + 1);
			const expression = raw.slice(i + 2, close - 1).trim();
			const char = /^\[char\]\s*(0x[0-9a-f]+|\d+)$/i.exec(expression);
			if (char) out += String.fromCharCode(Number(char[1]) & 0xffff);
			else {
				out += raw.slice(i, close);
				notes.push(`kept the PowerShell expression ${raw.slice(i, Math.min(close, i + 40))} as written`);
			}
			i = close;
		} else if (c === '$' && VARIABLE.test(raw.slice(i, i + 256))) {
			const m = VARIABLE.exec(raw.slice(i, i + 256))!;
			out += m[0];
			notes.push(`kept the PowerShell variable ${m[0]} as written`);
			i += m[0].length;
		} else {
			out += c;
			i++;
		}
	}
	return out;
}

const BACKTICK: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The double-quoted strings among `text` (for `New-Object System.Net.Cookie("n", "v", "/", "d")`). */
function quotedStrings(text: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < text.length && text[i] !== ')') {
		if (text[i] === '"') {
			const close = skipDouble(text, i + 1);
			out.push(doubleQuoted(text.slice(i + 1, close - 1)));
			i = close;
		} else if (text[i] === "'") {
			const close = skipSingle(text, i + 1);
			out.push(text.slice(i + 1, close - 1).replace(/''/g, "'"));
			i = close;
		} else i++;
	}
	return out;
}
