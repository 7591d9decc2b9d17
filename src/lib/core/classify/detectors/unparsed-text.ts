/**
 * Identifiers in text nothing could decode: a body that is almost JSON but too broken even for the tolerant
 * reading (decode/codecs/json-repair.ts), a log line, a serialization no codec knows. Its keys cannot be
 * trusted, so only values whose shape says what they are are reported (a UUID, a Luhn-valid IMEI with a real
 * reporting-body prefix, a web address), each at low confidence: shown, never counted as a leak by severity.
 * E-mail addresses inside text are the contact detector's (it already scans text that was not decoded).
 *
 * Only long text of a payload that looks like a broken structure (it opens with a bracket or has quoted keys) and
 * that was not decoded further, so prose, config lines, markup and the values other detectors judge whole, with
 * their keys, are left to them.
 */
import type { Occurrence, PartKind } from '../../model';
import { finding, type Detector } from './detector';
import { luhnValid } from './luhn';
import { hasReportingBody } from './device-ids';

/** Shorter text is a value other detectors judge whole. */
const MIN_TEXT = 48;
/** Quoted keys (`"id":`) a text that does not open with a bracket needs before it is read as a broken structure. */
const MIN_QUOTED_KEYS = 2;
/** Occurrences reported per text at most: a broken batch repeats the same IDs in every event. */
const MAX_PER_TEXT = 20;

const UUID = /(?<![0-9A-Za-z-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z-])/gi;
const FIFTEEN_DIGITS = /(?<![\d.])\d{15}(?![\d.])/g;
const WEB_ADDRESS = /https?:\/\/[^\s"'<>\\,;|{}[\]]{4,2048}/gi;
/**
 * What a payload carried: headers and cookies are read by their own detectors with their names (a Referer is a
 * web address in every request), and a query is always split into its parameters.
 */
const BODY_PARTS: ReadonlySet<PartKind> = new Set<PartKind>(['request-body', 'websocket', 'payload']);
const WHY = 'inside text that could not be decoded (no key says what it is)';

export const unparsedText: Detector = {
	id: 'unparsed-text',
	label: 'Identifiers inside text that could not be decoded',
	gate: {
		// Keys mean nothing here: only the text decides.
		key: () => false,
		other: (node, ctx, value) => value !== null && value.length >= MIN_TEXT && node.decoded === undefined && BODY_PARTS.has(ctx.partKind) && looksLikeData(value)
	},
	detect(node, ctx) {
		if (node.kind !== 'text' || node.decoded !== undefined || node.text === undefined || !BODY_PARTS.has(ctx.partKind)) return [];
		const text = node.text;
		if (text.length < MIN_TEXT || !looksLikeData(text)) return [];
		const out: Occurrence[] = [];
		const seen = new Set<string>();
		const add = (type: Occurrence['type'], value: string, reason: string) => {
			const key = `${type}\u0000${value.toLowerCase()}`;
			if (seen.has(key) || out.length >= MAX_PER_TEXT) return;
			seen.add(key);
			out.push(finding(node, type, value, 'low', reason));
		};
		for (const m of text.matchAll(UUID)) {
			const uuid = m[0];
			if (/^[0-]+$/.test(uuid) || /^[f-]+$/i.test(uuid)) continue;
			add('user.id', uuid, `UUID ${WHY}`);
		}
		for (const m of text.matchAll(FIFTEEN_DIGITS)) {
			const digits = m[0];
			if (hasReportingBody(digits) && luhnValid(digits)) add('device.imei', digits, `15 digits, Luhn-valid (an IMEI's shape) ${WHY}`);
		}
		if (text.includes('://')) {
			for (const m of text.matchAll(WEB_ADDRESS)) {
				const url = m[0].replace(/[.)]+$/, '');
				if (url !== ctx.exchange.url) add('browsing.url', url, `web address ${WHY}`);
			}
		}
		return out;
	}
};

/**
 * Whether text is a serialized structure that failed to parse: it opens with a bracket, or it has quoted keys
 * (`"name":`). A config file of `key=value` lines or an SVG is not: its addresses are namespaces and settings.
 */
function looksLikeData(text: string): boolean {
	let i = 0;
	while (i < text.length && (text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xfeff)) i++;
	const first = text.charCodeAt(i);
	if (first === 0x7b || first === 0x5b) return true;
	let keys = 0;
	for (let at = text.indexOf(':', i); at > 0; at = text.indexOf(':', at + 1)) {
		const before = text.charCodeAt(at - 1);
		if ((before === 0x22 || before === 0x27) && ++keys >= MIN_QUOTED_KEYS) return true;
	}
	return false;
}
