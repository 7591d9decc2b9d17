import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileHostPattern, compileWildcardHost, unsafePatternReason } from '../../../../src/lib/core/classify/destinations/host-pattern';
import { readNetworkAlternative } from '../../../../scripts/compact-tracker-data.mjs';

describe('host patterns', () => {
	it.each([
		['.*\\.estimote\\.com', { kind: 'domain', domain: 'estimote.com' }],
		['doubleclick\\.net', { kind: 'domain', domain: 'doubleclick.net' }],
		['tag\\-mediation.supersonic.com', { kind: 'domain', domain: 'tag-mediation.supersonic.com' }],
		['.prebid.org', { kind: 'domain', domain: 'prebid.org' }],
		['data.\\altbeacon\\.org', { kind: 'domain', domain: 'data.altbeacon.org' }],
		['fidzup', { kind: 'pattern', pattern: 'fidzup' }],
		['adservice\\.google\\..*', { kind: 'pattern', pattern: 'adservice\\.google\\..*' }],
		['mst[0-9]*\\.is\\.autonavi\\.com', { kind: 'pattern', pattern: 'mst[0-9]*\\.is\\.autonavi\\.com' }],
		['', { kind: 'skip' }]
	])('reads the Exodus alternative %s', (alternative, expected) => {
		expect(readNetworkAlternative(alternative)).toEqual(expected);
	});

	it.each([
		['(a+)+$', 'unsupported syntax'],
		['(a|aa)*', 'unsupported syntax'],
		['.*.*\\.evil\\.com', 'more than one quantifier'],
		['a{1,100}', 'unsupported syntax'],
		['\\1', 'unsupported syntax'],
		['54\\.243\\.73\\.253:8080/SilverPush/', 'unsupported syntax'],
		['x'.repeat(101), 'longer than']
	])('refuses %s', (pattern, reason) => {
		expect(unsafePatternReason(pattern)).toContain(reason);
		expect(() => compileHostPattern(pattern)).toThrow();
	});

	it.each([
		['adservice\\.google\\..*', 'adservice.google.co.uk', true],
		['adservice\\.google\\..*', 'xadservice.google.com', false],
		['fidzup', 'sdk.fidzup.com', true],
		['fidzup', 'notfidzup.com', false],
		['mst[0-9]*\\.is\\.autonavi\\.com', 'mst12.is.autonavi.com', true]
	])('%s on %s → %s', (pattern, host, expected) => {
		expect(compileHostPattern(pattern).test(host)).toBe(expected);
	});

	it.each([
		['tracking.*.miui.com', 'tracking.intl.miui.com', true],
		['tracking.*.miui.com', 'a.tracking.intl.miui.com', true],
		['tracking.*.miui.com', 'tracking.miui.com', false],
		['tracking.*.miui.com', 'tracking.a.b.miui.com', false],
		['tracking.*.miui.com', 'tracking.intl.miui.com.evil.net', false]
	])('wildcard %s on %s → %s', (wildcard, host, expected) => {
		expect(compileWildcardHost(wildcard)!.test(host)).toBe(expected);
	});

	it('stays fast on hostile hosts (no catastrophic backtracking)', () => {
		const patterns = ['.*\\.estimote\\.com', 'adservice\\.google\\..*', 'mst[0-9]*\\.is\\.autonavi\\.com'].map(compileHostPattern);
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', '.', '-', '0', 'm', 's', 't'), maxLength: 400 }), (host) => {
				const started = performance.now();
				for (const p of patterns) p.test(host);
				expect(performance.now() - started).toBeLessThan(50);
			}),
			{ numRuns: 300 }
		);
	});
});
