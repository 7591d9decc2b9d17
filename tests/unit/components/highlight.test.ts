import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlight } from '../../../src/lib/components/highlight';

describe('search highlighting', () => {
	it.each([
		['IMEI 8680 and 8680', '8680', ['IMEI ', '[8680]', ' and ', '[8680]']],
		['Cheap Flights', 'cheap', ['[Cheap]', ' Flights']],
		['nothing here', 'zzz', ['nothing here']],
		['anything', '  ', ['anything']],
		['İstanbul istanbul', 'istanbul', ['İstanbul istanbul']]
	])('%s / %s', (text, needle, expected) => {
		expect(highlight(text, needle).map((s) => (s.match ? `[${s.text}]` : s.text))).toEqual(expected);
	});
	it('always gives back the whole text, in order', () => {
		fc.assert(
			fc.property(fc.string(), fc.string({ maxLength: 3 }), (text, needle) => {
				expect(highlight(text, needle).map((s) => s.text).join('')).toBe(text);
			})
		);
	});
});
