import { failure, type TextCodec } from '../codec';

/** A JSON document (object or array; scalars are left as text). */
export const json: TextCodec = {
	id: 'json',
	label: 'JSON',
	input: 'text',
	output: 'tree',
	sniff(input, hints) {
		const first = firstNonSpace(input);
		const last = lastNonSpace(input);
		const framed = (first === '{' && last === '}') || (first === '[' && last === ']');
		if (hints.contentType?.includes('json')) return framed ? 1 : 0.3;
		return framed ? 0.9 : 0;
	},
	decode(input) {
		try {
			const value: unknown = JSON.parse(input);
			if (typeof value !== 'object' || value === null) return failure('a JSON scalar, not a document');
			return { kind: 'tree', value: value as never };
		} catch (error) {
			return failure(error instanceof Error ? error.message : 'invalid JSON');
		}
	}
};

function firstNonSpace(s: string): string {
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\ufeff') return c;
	}
	return '';
}

function lastNonSpace(s: string): string {
	for (let i = s.length - 1; i >= 0; i--) {
		const c = s[i]!;
		if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
	}
	return '';
}
