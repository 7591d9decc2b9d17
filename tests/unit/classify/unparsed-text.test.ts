/** Identifiers in text nothing could decode (detectors/unparsed-text.ts), through the real pipeline. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findingsOf } from './helpers';
import { unparsedText } from '../../../src/lib/core/classify/detectors/unparsed-text';
import type { DetectContext } from '../../../src/lib/core/classify/detectors/detector';
import type { DecodedNode } from '../../../src/lib/core/model';

const IMEI = '490154203237518';
const UUID = '38400000-8cf0-11bd-b23e-10b96e40000d';
/** Too broken for the tolerant JSON reading: a missing comma, and a value that is no value. */
const BROKEN = `{"event":"open" "device":{"imei":"${IMEI}","adid":"${UUID}"},"page":"https://shop.example.com/item?id=7","ts":17000000000@@}`;

const scanned = (payload: string) => findingsOf(payload).filter((f) => f.detector === 'unparsed-text');

describe('unparsed text: value shapes, at low confidence', () => {
	it('a body too broken to repair is still scanned, without its keys', () => {
		const found = scanned(BROKEN);
		// The UUID's generic user.id reading yields to the specific IMEI found on the same node (findings.ts).
		expect(found.map((f) => [f.type, f.value, f.confidence])).toEqual([
			['device.imei', IMEI, 'low'],
			['browsing.url', 'https://shop.example.com/item?id=7', 'low']
		]);
		for (const f of found) expect(f.reason).toMatch(/inside text that could not be decoded/);
		expect(findingsOf(BROKEN).filter((f) => f.confidence !== 'low')).toEqual([]);
	});

	it('a UUID in a broken body is reported as an identifier of unknown kind', () => {
		const found = scanned(`[{"id":"${UUID}" "event": "open"}, {"x": 1 2}]`);
		expect(found.map((f) => [f.type, f.value, f.confidence])).toEqual([['user.id', UUID, 'low']]);
	});

	it('a broken structure with quoted keys, not opening with a bracket, counts too', () => {
		expect(scanned(`event: "open", "imei": ${IMEI}, "n": 1 "x"`.padEnd(60, ' ')).map((f) => f.type)).toEqual(['device.imei']);
	});

	const untouched: Array<[string, string]> = [
		['JSON that parses: its detectors judge the values with their keys', JSON.stringify({ imei: IMEI, note: `order ${UUID} for https://x.example.com/a` })],
		['almost-JSON the tolerant reading repairs', `{"imei":"${IMEI}","ref":"${UUID}","u":"https://x.example.com/",}`],
		['a config file of key=value lines', `mode=dark\nid=${UUID}\nurl=https://docs.example.org/start\nretries=3\n`],
		['prose', `The order ${UUID} shipped to https://example.com on Tuesday, see the tracking page for more detail.`],
		['an SVG', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10H0z"/></svg>'],
		['short text', `{"a" ${IMEI}`],
		['fifteen Luhn-valid digits that no reporting body issues', `{"n" 123456789012347 "m": 1, "long enough to be scanned at all"`],
		['the nil UUID', `{"a" "00000000-0000-0000-0000-000000000000" "m": 1, "long enough to be scanned"`]
	];
	for (const [name, payload] of untouched) it(`nothing from ${name}`, () => expect(scanned(payload)).toEqual([]));

	it('reports each value once, and at most 20 per text', () => {
		const ids = Array.from({ length: 30 }, (_, i) => `${String(i).padStart(8, '0')}-8cf0-11bd-b23e-10b96e40000d`);
		const body = `{"ids" [${[...ids, ...ids].map((u) => `"${u}"`).join(' ')}`;
		expect(scanned(body)).toHaveLength(20);
	});

	it('never throws on random text and only reports values found in it', () => {
		const ctx: DetectContext = { key: null, normKey: '', keyWords: [], keyChain: [], siblings: null, url: null, partKind: 'payload', exchange: { host: null, url: null, method: null } };
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('{', '[', '"a":"', ''), (s, head) => {
				const text = `${head}${s} "k": ${IMEI} "j": ${UUID}`;
				const node: DecodedNode = { path: 'payload', kind: 'text', text };
				for (const f of unparsedText.detect(node, ctx)) expect(text.toLowerCase()).toContain(f.value.toLowerCase());
			})
		);
	});
});
