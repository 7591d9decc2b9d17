/**
 * Shortcuts that keep the search's answer on leaves inside documents. Each holds only for a list of
 * text codecs whose declarations (codec.ts) promise the search would end the same way:
 * - plain prose (plain-prose.ts) is left undecoded without sniffing when every text codec declares
 *   `ignoresPlainProse`: the search would find no candidate;
 * - a web address goes straight to the text codec that declares `webAddressSniff: 'first'` when every
 *   other one declares `'below'`: the search would try that codec first and stop at its structure.
 */
import type { Codec } from './codec';

export interface Shortcuts {
	readonly plainProse: boolean;
	/** The codec web addresses go to, or null when no codec of the list is known to outrank the rest on them. */
	readonly webAddress: Codec<'text'> | null;
}

/** Worked out once per codec list (a capture makes a peeler per part, all with the same list). */
const byList = new WeakMap<readonly Codec<'text'>[], Shortcuts>();

export function shortcutsFor(textCodecs: readonly Codec<'text'>[]): Shortcuts {
	let shortcuts = byList.get(textCodecs);
	if (shortcuts === undefined) {
		shortcuts = Object.freeze({ plainProse: textCodecs.every((codec) => codec.ignoresPlainProse === true), webAddress: webAddressCodec(textCodecs) });
		byList.set(textCodecs, shortcuts);
	}
	return shortcuts;
}

function webAddressCodec(textCodecs: readonly Codec<'text'>[]): Codec<'text'> | null {
	const first = textCodecs.filter((codec) => codec.webAddressSniff === 'first');
	if (first.length !== 1) return null;
	return textCodecs.every((codec) => codec === first[0] || codec.webAddressSniff === 'below') ? first[0]! : null;
}

/**
 * A web address with a host and no whitespace or backslash: the text `webAddressSniff` speaks of
 * (tests/unit/decode/web-address-first.test.ts).
 */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#\\][^\s\\]*$/i;

export function isWebAddress(text: string): boolean {
	return WEB_ADDRESS.test(text);
}
