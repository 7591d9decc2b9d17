/**
 * Finds where JSON text first goes wrong and says why. JSON.parse often reports no position
 * ("Unexpected token '}', … is not valid JSON"), so after it fails we walk the text once more, iteratively
 * (no recursion, so any depth is safe), to give the user a byte offset. Only runs on the failure path.
 */

export interface JsonProblem {
	/** UTF-16 index into the text. */
	index: number;
	reason: string;
	/** The text ended before the JSON did. */
	atEnd: boolean;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

export function firstJsonProblem(text: string): JsonProblem | null {
	const n = text.length;
	const stack: number[] = []; // 0x7b object, 0x5b array
	let i = 0;
	// What may come next: a value, a key (or `}` when `first`), `:`, or `,`/close after a value.
	let expect: 'value' | 'key' | 'colon' | 'after' = 'value';
	let first = false;
	const end = (): JsonProblem => ({ index: n, reason: 'the text ends before the JSON does', atEnd: true });
	const bad = (at: number, reason: string): JsonProblem => ({ index: at, reason, atEnd: false });

	for (;;) {
		while (i < n && isSpace(text.charCodeAt(i))) i++;
		if (i >= n) return stack.length === 0 && expect === 'after' ? null : end();
		const c = text[i]!;
		if (expect === 'after' && stack.length === 0) return bad(i, `unexpected ${show(c)} after the end of the JSON`);
		// An empty object or list closes right after it opened.
		if (first && ((expect === 'key' && c === '}') || (expect === 'value' && c === ']'))) {
			stack.pop();
			i++;
			expect = 'after';
			first = false;
			continue;
		}
		if (expect === 'value') {
			first = false;
			if (c === '{' || c === '[') {
				stack.push(c.charCodeAt(0));
				i++;
				expect = c === '{' ? 'key' : 'value';
				first = true;
				continue;
			}
			if (c === '"') {
				const r = skipString(text, i);
				if (typeof r !== 'number') return r;
				i = r;
			} else if (c === '-' || (c >= '0' && c <= '9')) {
				NUMBER.lastIndex = i;
				if (!NUMBER.test(text)) return bad(i, 'a malformed number');
				i = NUMBER.lastIndex;
			} else if (text.startsWith('true', i)) i += 4;
			else if (text.startsWith('false', i)) i += 5;
			else if (text.startsWith('null', i)) i += 4;
			else return bad(i, `unexpected ${show(c)} where a value should be`);
			expect = 'after';
			continue;
		}
		if (expect === 'key') {
			first = false;
			if (c !== '"') return bad(i, `unexpected ${show(c)} where a quoted property name should be`);
			const r = skipString(text, i);
			if (typeof r !== 'number') return r;
			i = r;
			expect = 'colon';
			continue;
		}
		if (expect === 'colon') {
			if (c !== ':') return bad(i, `expected \`:\` after a property name, found ${show(c)}`);
			i++;
			expect = 'value';
			continue;
		}
		// after a value inside a container
		const top = stack[stack.length - 1]!;
		if (c === ',') {
			i++;
			expect = top === 0x7b ? 'key' : 'value';
			continue;
		}
		if (c === '}' || c === ']') {
			if (top !== c.charCodeAt(0) - 2) return bad(i, `${show(c)} does not close the open ${closeOf(stack)}`);
			stack.pop();
			i++;
			continue;
		}
		return bad(i, `expected \`,\` or \`${top === 0x7b ? '}' : ']'}\`, found ${show(c)}`);
	}
}

function skipString(text: string, start: number): number | JsonProblem {
	let i = start + 1;
	for (;;) {
		if (i >= text.length) return { index: text.length, reason: 'the text ends inside a string', atEnd: true };
		const code = text.charCodeAt(i);
		if (code === 0x22) return i + 1;
		if (code < 0x20) return { index: i, reason: `a raw control character (0x${code.toString(16).padStart(2, '0')}) inside a string`, atEnd: false };
		if (code === 0x5c) {
			const e = text[i + 1];
			if (e === undefined) return { index: text.length, reason: 'the text ends inside a string', atEnd: true };
			if (e === 'u') {
				if (!HEX4.test(text.slice(i + 2, i + 6))) return { index: i, reason: 'a malformed \\u escape', atEnd: i + 6 > text.length };
				i += 6;
				continue;
			}
			if (!'"\\/bfnrt'.includes(e)) return { index: i, reason: `an invalid escape \\${e}`, atEnd: false };
			i += 2;
			continue;
		}
		i++;
	}
}

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function show(c: string): string {
	const code = c.charCodeAt(0);
	return code < 0x20 || code === 0x7f ? `byte 0x${code.toString(16).padStart(2, '0')}` : `\`${c}\``;
}

function closeOf(stack: number[]): string {
	return stack[stack.length - 1] === 0x7b ? 'object `{`' : 'list `[`';
}
