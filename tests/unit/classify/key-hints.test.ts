/** isPlaceholder's quick rejection and its one-answer memo must agree with the plain definition. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlaceholder, keyHas, keyIs } from '../../../src/lib/core/classify/detectors/key-hints';

const LISTED = [
	'', 'null', 'undefined', 'unknown', 'none', 'nil', 'n/a', 'na', '-', '0', '-1', 'false', 'true', 'default', '<unknown ssid>', 'unknown ssid',
	'02:00:00:00:00:00', '00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '(null)', 'empty', 'test', '未知', '未取到值', '取值异常'
];

/** The definition, written the slow obvious way. */
function reference(value: string): boolean {
	const v = value.trim().toLowerCase();
	if (LISTED.includes(v)) return true;
	if (v.startsWith('未取到值') || v.startsWith('url的domain解析失败')) return true;
	const bare = v.replace(/[-:.]/g, '');
	return bare.length >= 4 && /^(.)\1+$/.test(bare);
}

describe('isPlaceholder', () => {
	it.each([
		['a listed value padded past every listed length', `none${' '.repeat(30)}`, true],
		['one repeated character in mixed case, long', 'aAaAaAaAaAaAaAaAaAaAaAa', true],
		['zeros with separators, long', '00000000-0000-0000-0000-000000000000', true],
		['the url prefix in upper case', 'URL的domain解析失败: https://example.com/a/very/long/path', true],
		['a device ID', '9f8e7d6c5b4a39281716', false],
		['a sentence', 'this is not a placeholder at all', false]
	])('%s', (_name, value, expected) => {
		expect(isPlaceholder(value)).toBe(expected);
		expect(reference(value)).toBe(expected);
	});

	it('agrees with the definition on strings built to hit every branch', () => {
		const unit = fc.constantFrom('a', 'A', '0', '-', ':', '.', ' ', '\t', '\n', 'u', 'U', 'r', 'l', 'İ', '未', '\u00a0', 'x');
		const pieces = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.constantFrom(...LISTED), fc.string({ maxLength: 30 }));
		fc.assert(
			fc.property(fc.array(pieces, { minLength: 1, maxLength: 4 }), (parts) => {
				const value = parts.join('');
				// Twice: the second answer comes from the memo.
				expect(isPlaceholder(value)).toBe(reference(value));
				expect(isPlaceholder(value)).toBe(reference(value));
			}),
			{ numRuns: 5000 }
		);
	});
});

/** keyIs and keyHas strip trailing digits without a regex; they must agree with the regex definition. */
describe('keyIs / keyHas', () => {
	const NAMES = new Set(['imei', 'mac', 'id', 'phone', '']);
	const refIs = (k: string) => NAMES.has(k) || (k.replace(/\d+$/, '') !== k && NAMES.has(k.replace(/\d+$/, '')));
	const refHas = (words: readonly string[], k: string) => refIs(k) || words.some((w) => NAMES.has(w) || NAMES.has(w.replace(/\d+$/, '')));
	const part = fc.constantFrom('imei', 'mac', 'id', 'phone', 'x', '1', '07', '٣', '²', 'a9');
	const key = fc.array(part, { maxLength: 4 }).map((p) => p.join(''));
	it('agrees with the regex definition', () => {
		fc.assert(
			fc.property(key, fc.array(key, { maxLength: 3 }), (k, words) => {
				expect(keyIs(k, NAMES)).toBe(refIs(k));
				expect(keyHas(words, k, NAMES)).toBe(refHas(words, k));
			}),
			{ numRuns: 3000 }
		);
	});
});
