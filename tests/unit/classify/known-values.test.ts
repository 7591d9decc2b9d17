import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64Needles, KnownValueMatcher, parseKnownValue, type KnownValue } from '../../../src/lib/core/classify/known-values';
import type { Exchange } from '../../../src/lib/core/model';
import { findingsOf } from './helpers';

const IMEI = '868027043216757';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const hex = (b: Uint8Array) => bytesToHex(b);

describe('known values: every transformation is found', () => {
	const rows: Array<[string, unknown, RegExp]> = [
		['plain, under a key no detector knows', { zz: IMEI }, /as is/],
		['inside a longer text', { zz: `prefix-${IMEI}-suffix` }, /as is/],
		['md5', { zz: hex(md5(utf8ToBytes(IMEI))) }, /md5 of it/],
		['sha1 in upper case', { zz: hex(sha1(utf8ToBytes(IMEI))).toUpperCase() }, /sha1 of it/],
		['sha256', { zz: hex(sha256(utf8ToBytes(IMEI))) }, /sha256 of it/]
	];
	it.each(rows)('%s', (_label, payload, how) => {
		const known = _label.includes('e-mail') ? [{ type: 'contact.email' as const, value: 'x@example.org' }] : [{ type: 'device.imei' as const, value: IMEI }];
		const found = findingsOf(payload, known).filter((f) => f.reason.startsWith('matches your known'));
		expect(found.length).toBeGreaterThan(0);
		expect(found[0]!.reason).toMatch(how);
		expect(found[0]!.type).toBe(known[0]!.type);
	});

	// Raw parts are searched without peeling: these forms must be recognised in their encoded spelling.
	const raw: Array<[string, string, KnownValue, RegExp]> = [
		['URL-encoded e-mail', 'to=x%40example.org&y=1', { type: 'contact.email', value: 'x@example.org' }, /\(URL-encoded it\)/],
		['base64 at offset 0', `data=${b64(IMEI)}`, { type: 'device.imei', value: IMEI }, /\(base64 of it\)/],
		['base64 at offset 1', `data=${b64(`x${IMEI}yz`)}`, { type: 'device.imei', value: IMEI }, /base64 of it, at byte offset 1/],
		['base64 at offset 2', `data=${b64(`xy${IMEI}z`)}`, { type: 'device.imei', value: IMEI }, /base64 of it, at byte offset 2/],
		['URL-safe base64', `d=${b64(`\u00ff\u00fe${IMEI}`).replace(/\+/g, '-').replace(/\//g, '_')}`, { type: 'device.imei', value: IMEI }, /base64/],
		['hex', `h=${Buffer.from(IMEI).toString('hex')}`, { type: 'device.imei', value: IMEI }, /hex of it/],
		['md5 in a longer text', `a=1&m=${hex(md5(utf8ToBytes(IMEI)))}&b=2`, { type: 'device.imei', value: IMEI }, /md5 of it/]
	];
	it.each(raw)('raw part: %s', (_label, text, known, how) => {
		const exchange: Exchange = { index: 0, method: 'POST', url: null, host: null, status: null, startedAt: null, requestHeaders: [], responseHeaders: [], parts: [{ kind: 'request-body', name: 'body', payload: { kind: 'text', text } }], notes: [] };
		const found = new KnownValueMatcher([known]).findings(exchange, []);
		expect(found.map((f) => [f.type, f.path])).toEqual([[known.type, 'body']]);
		expect(found[0]!.reason).toMatch(how);
	});

	it('finds a MAC written with other separators and letter case', () => {
		const found = findingsOf({ zz: '64CC2E8A11F3' }, [{ type: 'device.mac', value: '64:cc:2e:8a:11:f3' }]);
		expect(found.some((f) => f.type === 'device.mac' && f.reason.startsWith('matches your known mac'))).toBe(true);
		const dashed = findingsOf({ zz: 'md5=' + hex(md5(utf8ToBytes('64-CC-2E-8A-11-F3'))) }, [{ type: 'device.mac', value: '64:cc:2e:8a:11:f3' }]);
		expect(dashed.some((f) => /md5 of it as upper-case form with dashes/.test(f.reason))).toBe(true);
	});

	it('finds the sha256 of the upper-case form', () => {
		const id = 'ea7583cd-a667-48bc-b806-42ecb2b48606';
		const found = findingsOf({ zz: hex(sha256(utf8ToBytes(id.toUpperCase()))) }, [{ type: 'ad.advertising_id', value: id }]);
		expect(found[0]?.reason).toBe('matches your known advertising id (sha256 of it as upper-case form)');
	});

	it('does not match what is not there', () => {
		const found = findingsOf({ zz: '868027043216758', yy: b64('something else entirely') }, [{ type: 'device.imei', value: IMEI }]);
		expect(found.filter((f) => f.reason.startsWith('matches'))).toEqual([]);
	});

	it('base64 needles are substrings of the encoding at every offset', () => {
		for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) {
			const whole = b64(`${prefix}${IMEI}trailing`);
			const needles = base64Needles(utf8ToBytes(IMEI)).map((n) => n.text);
			expect(needles.some((n) => whole.includes(n))).toBe(true);
		}
	});
});

describe('parseKnownValue', () => {
	it.each([
		['imei=868027043216757', { type: 'device.imei', value: '868027043216757' }],
		['gaid=38400000-8cf0-11bd-b23e-10b96e40000d', { type: 'ad.advertising_id', value: '38400000-8cf0-11bd-b23e-10b96e40000d' }],
		['device.serial=R58M12', { type: 'device.serial', value: 'R58M12' }],
		['email=a=b@example.org', { type: 'contact.email', value: 'a=b@example.org' }]
	])('%s', (spec, expected) => expect(parseKnownValue(spec)).toEqual(expected));
	it.each(['imei', '=123', 'imei=', 'shoe=12'])('rejects %s with a message', (spec) => expect(typeof parseKnownValue(spec)).toBe('string'));
});

/** Matches are remembered per text: asking again, or about the same text at another path, gives the same findings as a fresh matcher. */
describe('known values: the per-text memo', () => {
	const known: KnownValue[] = [{ type: 'device.imei', value: IMEI }, { type: 'contact.email', value: 'x@example.org' }];
	const exchangeOf = (text: string): Exchange => ({ index: 0, method: 'POST', url: `https://t.example.com/c?d=${text}`, host: 't.example.com', status: null, startedAt: null, requestHeaders: [{ name: 'X-Id', value: text }], responseHeaders: [], parts: [{ kind: 'request-body', name: 'body', payload: { kind: 'text', text } }], notes: [] });
	const texts = [IMEI, `pre ${IMEI} x@example.org`, hex(md5(utf8ToBytes(IMEI))), 'nothing here', 'X@EXAMPLE.ORG', b64(`x${IMEI}`)];
	it('repeated texts give the findings a fresh matcher gives', () => {
		const shared = new KnownValueMatcher(known);
		for (let round = 0; round < 2; round++) {
			for (const text of texts) {
				const parts = [{ kind: 'request-body' as const, name: 'body', root: { path: 'body', kind: 'text' as const, text } }];
				const fresh = new KnownValueMatcher(known).findings(exchangeOf(text), parts);
				expect(shared.findings(exchangeOf(text), parts)).toEqual(fresh);
			}
		}
		expect(new KnownValueMatcher(known).findings(exchangeOf(IMEI), [])).toHaveLength(3);
	});
});

/** The character-set prefilter and the memo must answer exactly what testing every needle with `includes` answers. */
describe('known values: fast search agrees with the plain definition', () => {
	const known: KnownValue[] = [{ type: 'device.imei', value: IMEI }, { type: 'contact.email', value: 'Jane.Doe@Example.org' }, { type: 'user.id', value: 'Kİosk-ß-42' }];
	const matcher = new KnownValueMatcher(known);
	const needles = (matcher as unknown as { needles: Array<{ text: string; caseInsensitive: boolean; known: KnownValue; how: string }> }).needles;
	/** The definition, written the slow obvious way (whole values aside: the texts below are never a whole needle). */
	function reference(text: string): string[] {
		const out: string[] = [];
		const seen = new Set<KnownValue>();
		for (const n of needles) {
			if (seen.has(n.known)) continue;
			if ((n.caseInsensitive ? text.toLowerCase() : text).includes(n.text)) {
				seen.add(n.known);
				out.push(`${n.known.type} ${n.how}`);
			}
		}
		return out;
	}
	const piece = fc.oneof(
		fc.constantFrom(...needles.map((n) => n.text)),
		fc.constantFrom(...needles.map((n) => n.text.toUpperCase())),
		fc.constantFrom(...needles.map((n) => n.text.slice(1))),
		fc.string({ maxLength: 6 }),
		fc.constantFrom('İ', 'K', 'ẞ', 'Σ', '%40', '==', ' ')
	);
	it('on texts built from needles, their upper-case forms, near misses and non-ASCII', () => {
		fc.assert(
			fc.property(fc.array(piece, { minLength: 2, maxLength: 5 }), (pieces) => {
				const text = `~${pieces.join('')}`;
				const exchange: Exchange = { index: 0, method: 'POST', url: null, host: null, status: null, startedAt: null, requestHeaders: [], responseHeaders: [], parts: [], notes: [] };
				const parts = [{ kind: 'request-body' as const, name: 'body', root: { path: 'body', kind: 'text' as const, text } }];
				const got = matcher.findings(exchange, parts).map((f) => `${f.type} ${/\((.*)\)$/.exec(f.reason)![1]}`);
				expect(got).toEqual(reference(text));
			}),
			{ numRuns: 3000 }
		);
	});
});
