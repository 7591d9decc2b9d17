import { FieldList, failure, type CodecResult, type TextCodec } from '../codec';

/**
 * An identifier prefixed with the name of its kind: `ifa:9e2c4a61-…` (the advertising ID, as MoPub's `udid` sends it) or
 * `mopub:6b1d…` (MoPub's own ID when ad tracking is limited). Read as one field named by the tag, so the key says what the
 * value is and the value is the ID alone. Only tags that name an ID kind count: `session:…` or `http:…` are not read.
 */
const TAGS = ['ifa', 'idfa', 'idfv', 'gaid', 'aaid', 'adid', 'oaid', 'mopub'] as const;
const TAGGED = new RegExp(`^(${TAGS.join('|')}):([0-9A-Za-z][0-9A-Za-z_-]{7,63})$`, 'i');

export const taggedId: TextCodec<'tagged-id'> = {
	id: 'tagged-id',
	label: 'identifier tagged with its kind',
	input: 'text',
	// The shortest tag (3) + ':' + 8 characters.
	minLength: 12,
	needsOneOf: ':',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input) {
		return TAGGED.test(input.trim()) ? 0.9 : 0;
	},
	decode(input, { budget }): CodecResult {
		const s = input.trim();
		const match = TAGGED.exec(s);
		if (!match) return failure(`not one of ${TAGS.join(', ')} followed by ':' and an ID`);
		budget.spendBytes(s.length, s.length);
		const tag = match[1]!.toLowerCase();
		const start = s.length - match[2]!.length;
		// The range is in the codec's input: leading whitespace trimmed away moves it.
		const offset = input.indexOf(s);
		return { kind: 'tree', value: new FieldList([[tag, match[2]!]], [[offset + start, offset + s.length]]) };
	},
	// The tag and whatever surrounded the value stay; the ID is the edited field's text (a placeholder, for the sanitizer).
	encode(next, original) {
		const s = original.trim();
		const match = TAGGED.exec(s);
		if (!match || !(next instanceof FieldList) || next.fields.length !== 1) return failure('not a tagged ID');
		const [tag, value] = next.fields[0]!;
		if (tag !== match[1]!.toLowerCase() || typeof value !== 'string' || /[\s:]/.test(value) || value.length === 0) return failure('the tag changed, or the ID is not one word');
		const at = original.indexOf(s);
		return `${original.slice(0, at)}${match[1]!}:${value}${original.slice(at + s.length)}`;
	}
};
