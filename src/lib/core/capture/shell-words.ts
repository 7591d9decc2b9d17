/**
 * Splits a shell command line into commands and words, as the shell would before running curl.
 * Two flavours: POSIX shells ('…', $'…', "…", backslash, line continuation) and Windows cmd.exe
 * (^ escapes and ^-newline continuation, then the C runtime's rules for "…" and \").
 * Commands are separated by unquoted newlines, `;`, `&`, `&&`, `|` and `||`.
 */

export type ShellFlavour = 'posix' | 'cmd';

/** cmd when the text uses cmd's caret escapes (Chrome and Firefox write `^"…^"`, and ` ^` at line ends). */
export function shellFlavourOf(text: string): ShellFlavour {
	return /\^"|[ \t]\^\r?\n/.test(text) ? 'cmd' : 'posix';
}

export function splitCommands(text: string, flavour: ShellFlavour = shellFlavourOf(text)): string[][] {
	return flavour === 'cmd' ? cmdCommands(text) : posixCommands(text);
}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

function posixCommands(text: string): string[][] {
	const commands: string[][] = [];
	let words: string[] = [];
	let word: string | null = null;
	const endWord = (): void => {
		if (word !== null) words.push(word);
		word = null;
	};
	const endCommand = (): void => {
		endWord();
		if (words.length > 0) commands.push(words);
		words = [];
	};
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text[i]!;
		if (c === '\\') {
			const next = text[i + 1];
			if (next === '\n') i += 2;
			else if (next === '\r' && text[i + 2] === '\n') i += 3;
			else {
				word = (word ?? '') + (next ?? '');
				i += 2;
			}
		} else if (c === "'") {
			const end = text.indexOf("'", i + 1);
			const stop = end < 0 ? n : end;
			word = (word ?? '') + text.slice(i + 1, stop);
			i = stop + 1;
		} else if (c === '$' && text[i + 1] === "'") {
			const { value, next } = ansiC(text, i + 2);
			word = (word ?? '') + value;
			i = next;
		} else if (c === '"') {
			let value = '';
			i++;
			while (i < n && text[i] !== '"') {
				if (text[i] === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1]!)) {
					if (text[i + 1] !== '\n') value += text[i + 1];
					i += 2;
				} else value += text[i++];
			}
			i++;
			word = (word ?? '') + value;
		} else if (c === ' ' || c === '\t' || c === '\r') {
			endWord();
			i++;
		} else if (c === '\n' || c === ';' || c === '&' || c === '|') {
			endCommand();
			i++;
		} else if (c === '#' && word === null) {
			while (i < n && text[i] !== '\n') i++;
		} else {
			word = (word ?? '') + c;
			i++;
		}
	}
	endCommand();
	return commands;
}

function ansiC(text: string, from: number): { value: string; next: number } {
	let value = '';
	let i = from;
	while (i < text.length && text[i] !== "'") {
		const c = text[i]!;
		if (c !== '\\') {
			value += c;
			i++;
			continue;
		}
		const e = text[i + 1] ?? '';
		if (e in ANSI_ESCAPES) {
			value += ANSI_ESCAPES[e];
			i += 2;
		} else if (e === 'x') {
			const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4))?.[0] ?? '';
			value += hex ? String.fromCharCode(Number.parseInt(hex, 16)) : '\\x';
			i += 2 + hex.length;
		} else if (e === 'u' || e === 'U') {
			const hex = new RegExp(`^[0-9a-fA-F]{1,${e === 'u' ? 4 : 8}}`).exec(text.slice(i + 2, i + 10))?.[0] ?? '';
			const code = hex ? Number.parseInt(hex, 16) : NaN;
			value += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : `\\${e}`;
			i += 2 + hex.length;
		} else if (/[0-7]/.test(e)) {
			const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0];
			value += String.fromCharCode(Number.parseInt(oct, 8) & 0xff);
			i += 1 + oct.length;
		} else {
			value += '\\' + e;
			i += 2;
		}
	}
	return { value: latin1BytesToUtf8(value), next: i + 1 };
}

/** `$'\xc3\xa9'` spells UTF-8 bytes one by one; join them back into characters when they form valid UTF-8. */
function latin1BytesToUtf8(value: string): string {
	if (!/[\x80-\xff]/.test(value) || /[^\x00-\xff]/.test(value)) return value;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));
	} catch {
		return value;
	}
}

/** cmd.exe's layer: carets and command separators; quotes are kept for the C runtime's layer. */
function cmdCommands(text: string): string[][] {
	const lines: string[] = [];
	let line = '';
	let quoted = false;
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text[i]!;
		if (c === '"') {
			quoted = !quoted;
			line += c;
			i++;
		} else if (quoted) {
			if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
				// cmd ends the command at a line break even inside quotes.
				quoted = false;
				lines.push(line);
				line = '';
				i += c === '\r' ? 2 : 1;
			} else {
				line += c;
				i++;
			}
		} else if (c === '^') {
			const next = text[i + 1];
			if (next === '\r' && text[i + 2] === '\n') {
				// ^ at a line end continues the line; the next character is taken literally.
				i += 3;
				if (i < n) line += text[i++];
			} else if (next === '\n') {
				i += 2;
				if (i < n) line += text[i++];
			} else {
				if (next !== undefined) line += next;
				i += 2;
			}
		} else if (c === '\n' || c === '&' || c === '|') {
			lines.push(line);
			line = '';
			i++;
		} else if (c === '\r') i++;
		else {
			line += c;
			i++;
		}
	}
	lines.push(line);
	return lines.map(crtArgs).filter((words) => words.length > 0);
}

/** The Microsoft C runtime's argument splitting: backslashes before a quote halve; "" inside quotes is a quote. */
function crtArgs(line: string): string[] {
	const args: string[] = [];
	let arg = '';
	let started = false;
	let quoted = false;
	let i = 0;
	while (i < line.length) {
		const c = line[i]!;
		if (c === '\\') {
			let run = 0;
			while (line[i] === '\\') {
				run++;
				i++;
			}
			if (line[i] === '"') {
				arg += '\\'.repeat(run >> 1);
				if (run & 1) {
					arg += '"';
					i++;
				}
			} else arg += '\\'.repeat(run);
			started = true;
		} else if (c === '"') {
			if (quoted && line[i + 1] === '"') {
				arg += '"';
				i += 2;
			} else {
				quoted = !quoted;
				i++;
			}
			started = true;
		} else if ((c === ' ' || c === '\t') && !quoted) {
			if (started) args.push(arg);
			arg = '';
			started = false;
			i++;
		} else {
			arg += c;
			started = true;
			i++;
		}
	}
	if (started) args.push(arg);
	return args;
}
