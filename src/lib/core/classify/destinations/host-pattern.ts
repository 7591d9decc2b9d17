/**
 * Host patterns run on hostile input (the host of a captured request), so only a small regex grammar is accepted:
 * host characters, `\.` `\-`, `.`, simple character classes, at most one quantifier, no groups, alternation,
 * anchors or back-references. With one quantifier a match costs at most O(n²) steps on a host of n ≤ 253
 * characters, so no pattern can stall classification (no catastrophic backtracking is possible).
 */
import { MAX_HOST_LENGTH } from './site';

const ATOM = /^(?:[a-z0-9-]|\\[.-]|\.|\[[a-z0-9-]+\])([*+?])?/i;
const MAX_PATTERN_LENGTH = 100;

export interface HostPattern {
	/** As written in its source. */
	source: string;
	test(host: string): boolean;
}

/** Why a pattern is refused, or null when it is within the safe grammar. */
export function unsafePatternReason(pattern: string): string | null {
	if (pattern.length === 0) return 'empty';
	if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
	let rest = pattern;
	let quantifiers = 0;
	while (rest.length > 0) {
		const m = ATOM.exec(rest);
		if (!m) return `unsupported syntax at "${rest.slice(0, 12)}"`;
		if (m[1]) quantifiers++;
		rest = rest.slice(m[0].length);
	}
	return quantifiers > 1 ? 'more than one quantifier' : null;
}

/**
 * A pattern in the safe grammar, matched against whole labels: `fidzup` matches `sdk.fidzup.com` but not
 * `notfidzup.com`. Throws on a pattern outside the grammar (callers validate first).
 */
export function compileHostPattern(pattern: string): HostPattern {
	const reason = unsafePatternReason(pattern);
	if (reason) throw new Error(`unsafe host pattern ${pattern}: ${reason}`);
	const regex = new RegExp(`(?:^|\\.)(?:${pattern})(?:\\.|$)`, 'i');
	return { source: pattern, test: (host) => host.length <= MAX_HOST_LENGTH && regex.test(host) };
}

/**
 * A wildcard host (`tracking.*.miui.com`): each `*` is exactly one label; the host or any subdomain of it matches.
 * Returns null for a plain domain (no `*`), which belongs in a suffix table instead.
 */
export function compileWildcardHost(wildcard: string): HostPattern | null {
	if (!wildcard.includes('*')) return null;
	const labels = wildcard.toLowerCase().split('.');
	if (labels.some((label) => label !== '*' && !/^[a-z0-9-]+$/.test(label))) throw new Error(`bad wildcard host ${wildcard}`);
	const body = labels.map((label) => (label === '*' ? '[a-z0-9-]+' : label.replace(/-/g, '\\-'))).join('\\.');
	const regex = new RegExp(`(?:^|\\.)${body}$`);
	return { source: wildcard, test: (host) => host.length <= MAX_HOST_LENGTH && regex.test(host) };
}
