import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/lib/core/bounded-memo';

describe('boundedMemo', () => {
	it('computes each argument once, null and undefined answers included, and forgets everything when full', () => {
		const calls: string[] = [];
		const memo = boundedMemo((key) => {
			calls.push(key);
			return key === 'none' ? null : key === 'nothing' ? undefined : key.length;
		}, 3);
		expect([memo('ab'), memo('ab'), memo('none'), memo('none'), memo('nothing'), memo('nothing')]).toEqual([2, 2, null, null, undefined, undefined]);
		expect(calls).toEqual(['ab', 'none', 'nothing']);
		memo('abcd'); // a fourth key: the memo starts over, then keeps it
		memo('ab');
		memo('abcd');
		expect(calls).toEqual(['ab', 'none', 'nothing', 'abcd', 'ab']);
	});
});
