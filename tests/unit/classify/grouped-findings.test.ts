/** Findings grouped per exchange (issue #11): one per type + value + detector, with count and paths. */
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { FindingSet } from '../../../src/lib/core/classify/finding-set';
import { exchangeFindings } from '../../../src/lib/core/classify/findings';
import { finding, type Detector } from '../../../src/lib/core/classify/detectors/detector';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { renderSummary } from '../../../src/cli/summary';
import { MAX_FINDING_PATHS, type Confidence, type DecodedNode, type Exchange, type Occurrence } from '../../../src/lib/core/model';
import { sensorsBatch } from '../../bench/inputs';
import { findingsOf, harBytes } from './helpers';

const IMEI = '868027043216757';
const events = (n: number) => Array.from({ length: n }, (_, i) => ({ event: 'tick', n: i, properties: { imei: IMEI } }));
const pathOf = (i: number) => `payload › json[${i}].properties.imei`;

describe('one finding per type, value and detector in an exchange', () => {
	it.each([
		[1, 1, 1],
		[20, 20, 20],
		[21, 21, 20],
		[50, 50, 20]
	])('the same IMEI in %i events: count %i, %i paths', (n, count, listed) => {
		const imeis = findingsOf(events(n)).filter((f) => f.type === 'device.imei');
		expect(imeis).toHaveLength(1);
		const [imei] = imeis;
		expect(imei).toMatchObject({ value: IMEI, path: pathOf(0), detector: 'device-ids', count });
		expect(imei!.paths).toEqual(Array.from({ length: listed }, (_, i) => pathOf(i)));
	});

	it('writes the fields in contract order, new ones last', () => {
		const [imei] = findingsOf({ imei: IMEI });
		expect(Object.keys(imei!)).toEqual(['type', 'value', 'path', 'confidence', 'reason', 'detector', 'count', 'paths']);
		expect(imei!.paths).toEqual([imei!.path]);
	});

	it('keeps values that differ in letter case apart', () => {
		const set = new FindingSet();
		set.addAll([occurrence('a', 'ABC'), occurrence('b', 'abc'), occurrence('c', 'ABC')]);
		expect(set.list().map((f) => [f.value, f.count, f.paths])).toEqual([
			['ABC', 2, ['a', 'c']],
			['abc', 1, ['b']]
		]);
	});
});

function occurrence(path: string, value = 'v', confidence: Confidence = 'high', reason = 'r', detector = 'd'): Occurrence {
	return { type: 'user.id', value, path, confidence, reason, detector };
}

describe('FindingSet', () => {
	it.each<[string, Occurrence[], Array<[string, Confidence, string, number, string[]]>]>([
		['the strongest occurrence gives confidence and reason', [occurrence('a', 'v', 'low', 'weak'), occurrence('b', 'v', 'high', 'strong'), occurrence('c', 'v', 'medium', 'middling')], [['a', 'high', 'strong', 3, ['a', 'b', 'c']]]],
		['among equals the first', [occurrence('a', 'v', 'medium', 'first'), occurrence('b', 'v', 'medium', 'second')], [['a', 'medium', 'first', 2, ['a', 'b']]]],
		['a weaker later occurrence changes nothing', [occurrence('a', 'v', 'high', 'first'), occurrence('b', 'v', 'low', 'second')], [['a', 'high', 'first', 2, ['a', 'b']]]],
		['the same path again is not counted', [occurrence('a'), occurrence('a'), occurrence('b')], [['a', 'high', 'r', 2, ['a', 'b']]]],
		['a layer below or above a kept path is the same fact', [occurrence('body'), occurrence('body › json.x'), occurrence('q › json.y'), occurrence('q')], [['body', 'high', 'r', 2, ['body', 'q › json.y']]]],
		[
			'two detectors finding the same value are two findings',
			[occurrence('a', 'v', 'high', 'r', 'one'), occurrence('b', 'v', 'medium', 's', 'two'), occurrence('c', 'v', 'high', 'r', 'one')],
			[
				['a', 'high', 'r', 2, ['a', 'c']],
				['b', 'medium', 's', 1, ['b']]
			]
		],
		['a second detector at a path already kept is not counted', [occurrence('a', 'v', 'high', 'r', 'one'), occurrence('a', 'v', 'high', 's', 'two')], [['a', 'high', 'r', 1, ['a']]]]
	])('%s', (_label, list, expected) => {
		const set = new FindingSet();
		set.addAll(list);
		expect(set.list().map((f) => [f.path, f.confidence, f.reason, f.count, f.paths])).toEqual(expected);
	});

	it('two real detectors reporting one value at different places make two findings', () => {
		const reportUserId = (id: string, key: string): Detector => ({
			id,
			label: id,
			detect: (node, ctx) => (ctx.key === key && node.text ? [finding(node, 'user.id', node.text, 'high', `key ${key}`)] : [])
		});
		const leaf = (key: string, i: number): DecodedNode => ({ path: `payload › json[${i}].${key}`, kind: 'text', key, text: 'u-42' });
		const root: DecodedNode = {
			path: 'payload',
			kind: 'array',
			children: [0, 1, 2].map((i): DecodedNode => ({ path: `payload › json[${i}]`, kind: 'object', key: i, children: [leaf('uid', i), leaf('user', i)] }))
		};
		const exchange: Exchange = { index: 0, method: null, url: null, host: null, status: null, startedAt: null, requestHeaders: [], responseHeaders: [], parts: [], notes: [] };
		const found = exchangeFindings(exchange, [{ kind: 'payload', name: 'payload', root }], [reportUserId('by-uid', 'uid'), reportUserId('by-user', 'user')]);
		expect(found.map((f) => [f.detector, f.count, f.paths])).toEqual([
			['by-uid', 3, ['payload › json[0].uid', 'payload › json[1].uid', 'payload › json[2].uid']],
			['by-user', 3, ['payload › json[0].user', 'payload › json[1].user', 'payload › json[2].user']]
		]);
	});
});

describe('known values', () => {
	it('win the places they share with a detector, and gather every match', () => {
		const found = findingsOf(events(3), [{ type: 'device.imei', value: IMEI }]).filter((f) => f.type === 'device.imei');
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ detector: 'known-values', reason: 'matches your known imei (as is)', count: 3 });
		// In the matcher's order (deepest first), as known-value findings were listed before grouping.
		expect([...found[0]!.paths].sort()).toEqual([0, 1, 2].map(pathOf));
	});

	it('leave a detector the places they did not match', () => {
		const set = new FindingSet();
		set.add({ type: 'device.imei', value: IMEI, path: 'body › json.h', confidence: 'high', reason: 'matches your known imei (sha256 of it)', detector: 'known-values' });
		set.add({ type: 'device.imei', value: IMEI, path: 'body › json.h', confidence: 'high', reason: '15 digits, Luhn-valid', detector: 'device-ids' });
		set.add({ type: 'device.imei', value: IMEI, path: 'body › json.imei', confidence: 'high', reason: '15 digits, Luhn-valid', detector: 'device-ids' });
		expect(set.list().map((f) => [f.detector, f.reason, f.count, f.paths])).toEqual([
			['known-values', 'matches your known imei (sha256 of it)', 1, ['body › json.h']],
			['device-ids', '15 digits, Luhn-valid', 1, ['body › json.imei']]
		]);
	});

	it('a hashed and a plain IMEI are one known-value finding in two places', () => {
		const found = findingsOf({ h: bytesToHex(sha256(utf8ToBytes(IMEI))), imei: IMEI }, [{ type: 'device.imei', value: IMEI }]).filter((f) => f.type === 'device.imei');
		expect(found.map((f) => [f.detector, f.count, [...f.paths].sort()])).toEqual([['known-values', 2, ['payload › json.h', 'payload › json.imei']]]);
	});
});

describe('a 20-event Sensors batch', () => {
	const batch = sensorsBatch(20);
	const bytes = harBytes([
		{
			url: 'https://sa.example.com/sa?project=default',
			body: batch.body,
			mimeType: 'application/x-www-form-urlencoded',
			headers: { 'User-Agent': 'Mozilla/5.0 (Linux; Android 12; M2102J20SG) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36' }
		}
	]);
	const { report } = analyze(readCapture({ name: 'batch.har', bytes }));
	const [exchange] = report.exchanges;
	const deviceId = (JSON.parse(batch.json) as Array<{ distinct_id: string }>)[0]!.distinct_id;

	it('reports each repeated value once, with every event it was in', () => {
		const seen = new Set<string>();
		for (const f of exchange!.findings) {
			const key = `${f.type}\u0000${f.value}\u0000${f.detector}`;
			expect(seen.has(key), key).toBe(false);
			seen.add(key);
			expect(f.paths[0]).toBe(f.path);
			expect(new Set(f.paths).size).toBe(f.paths.length);
			expect(f.paths.length).toBe(Math.min(f.count, MAX_FINDING_PATHS));
		}
		const ids = exchange!.findings.filter((f) => f.value === deviceId);
		// $device_id, read as the Android ID, in every event; distinct_id and anonymous_id, read as user IDs, are the same
		// value and fold into it: one identifier, 60 places.
		expect(ids.map((f) => [f.type, f.count, f.paths.length])).toEqual([['device.android_id', 60, 20]]);
		expect(ids[0]!.reason).toContain('also sent at body › form.data_list › base64 › gzip › json[0].distinct_id');
		const model = exchange!.findings.find((f) => f.value === 'Redmi Note 11');
		expect(model).toMatchObject({ type: 'device.model', count: 20 });
		expect(model!.paths).toEqual(Array.from({ length: 20 }, (_, i) => `body › form.data_list › base64 › gzip › json[${i}].properties.$model`));
	});

	it('counts grouped findings in the summary', () => {
		expect(report.summary.findings).toBe(exchange!.findings.length);
		expect(report.summary.findingsByType['device.model']).toBe(2);
		expect(report.summary.destinations?.[0]?.findings).toBe(exchange!.findings.length);
	});

	it('prints ×count in the readable summary', () => {
		const text = renderSummary(report);
		expect(text).toContain(`device.android_id: ${deviceId} ×60`);
		expect(text).toContain('at body › form.data_list › base64 › gzip › json[0].properties.$device_id (and 59 more places)');
	});
});
