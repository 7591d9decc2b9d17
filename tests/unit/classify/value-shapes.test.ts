/**
 * Value-first detection where no key says what a value is: schema-less protobuf fields, arrays without a key, a
 * payload's root. Tables run real payloads through the pipeline; properties hold the precision guards (keyless
 * readings stay below keyed ones, hash shapes and random text never read as anything, headers and cookies never).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import type { Finding, FindingType } from '../../../src/lib/core/model';
import { isPackageName, valueShapes, VALUE_SHAPES_DETECTOR } from '../../../src/lib/core/classify/detectors/value-shapes';
import { isKeylessKey } from '../../../src/lib/core/classify/detectors/keyless';
import { findingsOf, harBytes } from './helpers';

// A protobuf encoder of the three wire shapes a keyless payload needs: text, nested messages, varints.
type Field = [number, string | number | Field[]];

function varint(n: number): number[] {
	const out: number[] = [];
	do {
		let b = n & 0x7f;
		n = Math.floor(n / 128);
		if (n > 0) b |= 0x80;
		out.push(b);
	} while (n > 0);
	return out;
}

function protobuf(fields: Field[]): Uint8Array {
	const out: number[] = [];
	for (const [n, v] of fields) {
		if (typeof v === 'number') out.push(...varint(n * 8), ...varint(v));
		else {
			const payload = typeof v === 'string' ? new TextEncoder().encode(v) : protobuf(v);
			out.push(...varint(n * 8 + 2), ...varint(payload.length), ...payload);
		}
	}
	return Uint8Array.from(out);
}

function protobufFindings(fields: Field[]): Finding[] {
	// A varint and a plain string first, as real messages have, so the bytes read as protobuf.
	const capture = readCapture({ name: 'payload.bin', bytes: protobuf([[1, 1700000000], [2, 'event_name'], ...fields]) });
	return analyze(capture, {}).report.exchanges[0]!.findings;
}

const PACKAGES = ['com.whatsapp.android', 'com.spotify.music', 'org.telegram.messenger', 'com.tencent.mm', 'com.example.app'];
const URLS = ['https://news.example.com/politics/1', 'https://shop.example.org/cart', 'https://www.example.net/health?q=flu'];

type Row = [label: string, findings: () => Finding[], type: FindingType, value: string | null, confidence?: Finding['confidence'], reason?: RegExp];

function table(name: string, rows: Row[]): void {
	describe(name, () => {
		it.each(rows)('%s', (_label, run, type, value, confidence, reason) => {
			const found = run().filter((f) => f.type === type);
			if (value === null) {
				expect(found.map((f) => f.value)).toEqual([]);
				return;
			}
			const hit = found.find((f) => f.value === value);
			expect(hit, `${type} ${value} in ${JSON.stringify(found)}`).toBeDefined();
			if (confidence) expect(hit!.confidence).toBe(confidence);
			if (reason) expect(hit!.reason).toMatch(reason);
		});
	});
}

table('keyless single values in protobuf', [
	['a web address', () => protobufFindings([[3, 'https://www.example.com/page?id=7']]), 'browsing.url', 'https://www.example.com/page?id=7', 'low', /^web address by its shape, no key: protobuf field 3$/],
	['an IMEI with a reporting-body prefix', () => protobufFindings([[6, '868027043216757']]), 'device.imei', '868027043216757', 'low', /^IMEI by its shape \(15 digits, Luhn-valid, reporting-body prefix 86\), no key: protobuf field 6$/],
	['no: a lone package name (the sending app names itself)', () => protobufFindings([[4, 'com.tencent.mm']]), 'app.package', null],
	['no: a lone version-4 UUID no key names (a record ID as often as a person)', () => protobufFindings([[7, 'ea7583cd-a667-48bc-b806-42ecb2b48606']]), 'user.id', null],
	['an e-mail address', () => protobufFindings([[8, 'me@example.org']]), 'contact.email', 'me@example.org', 'medium', /^e-mail address by its shape, no key: protobuf field 8$/],
	['a MAC address', () => protobufFindings([[9, 'ac:de:48:00:11:22']]), 'device.mac', 'ac:de:48:00:11:22', 'medium', /MAC address by its shape, no key: protobuf field 9/],
	['nested message field', () => protobufFindings([[5, [[1, 'ab'], [2, 'https://blog.example.org/post/2']]]]), 'browsing.url', 'https://blog.example.org/post/2', 'low', /no key: protobuf field 2/],
	['no: 15 Luhn-valid digits with no reporting-body prefix', () => protobufFindings([[6, '123456789012347']]), 'device.imei', null],
	['no: 15 digits failing Luhn', () => protobufFindings([[6, '868027043216758']]), 'device.imei', null],
	['no: a version-1 UUID', () => protobufFindings([[7, '38400000-8cf0-11bd-b23e-10b96e4ef00d']]), 'user.id', null],
	['no: a host name', () => protobufFindings([[4, 'cn.bing.com']]), 'app.package', null],
	['no: two labels', () => protobufFindings([[4, 'com.whatsapp']]), 'app.package', null],
	['no: a Java class', () => protobufFindings([[4, 'com.example.ui.MainActivity']]), 'app.package', null],
	['no: the platform namespace', () => protobufFindings([[4, 'android.intent.action.MAIN']]), 'app.package', null],
	['no: an SDK naming its own package (Exodus code signature)', () => protobufFindings([[4, 'com.appsflyer.internal.models']]), 'app.package', null],
	['no: a first label that is no TLD', () => protobufFindings([[4, 'mylib.bar.baz']]), 'app.package', null],
	['no: a web address on an IP host', () => protobufFindings([[3, 'http://10.0.0.1/admin']]), 'browsing.url', null],
	['no: a web address on an intranet host', () => protobufFindings([[3, 'http://printer.local/status']]), 'browsing.url', null],
	['no: broadcast MAC', () => protobufFindings([[9, 'ff:ff:ff:ff:ff:ff']]), 'device.mac', null],
	['no: all-zero MAC', () => protobufFindings([[9, '00:00:00:00:00:00']]), 'device.mac', null],
	['no: a dashed hex run under no key', () => protobufFindings([[9, 'ac-de-48-00-11-22']]), 'device.mac', null]
]);

table('keyless lists', [
	['repeated protobuf field of package names: an installed-app list', () => protobufFindings(PACKAGES.slice(0, 3).map((p): Field => [5, p])), 'app.package', 'com.spotify.music', 'medium', /^list of 3 package names: an installed-app list, no key: protobuf field 5$/],
	['no: two package names are no list', () => protobufFindings(PACKAGES.slice(0, 2).map((p): Field => [5, p])), 'app.package', null],
	['a JSON array of package names', () => findingsOf([PACKAGES]), 'app.package', 'com.example.app', 'medium', /list of 5 package names/],
	['a root array of web addresses: browsing history', () => findingsOf(URLS), 'browsing.url', URLS[1]!, 'medium', /^list of 3 web addresses: browsing history, no key: an element of an array$/],
	['repeated protobuf field of web addresses', () => protobufFindings(URLS.map((u): Field => [4, u])), 'browsing.url', URLS[2]!, 'medium', /browsing history, no key: protobuf field 4/],
	['under `history`', () => findingsOf({ history: URLS }), 'browsing.url', URLS[0]!, 'medium', /browsing history, key history/],
	['under `visited`', () => findingsOf({ visited: URLS }), 'browsing.url', URLS[0]!, 'medium'],
	['under `urls`', () => findingsOf({ urls: URLS }), 'browsing.url', URLS[0]!, 'medium'],
	['no: two web addresses under `urls`', () => findingsOf({ urls: URLS.slice(0, 2) }), 'browsing.url', null],
	['no: web addresses under a key that says nothing of pages', () => findingsOf({ images: URLS }), 'browsing.url', null],
	['no: a list of package names under a key that says nothing', () => findingsOf({ sdks: PACKAGES }), 'app.package', null],
	['`installed: [...]` is an app list (apps.ts)', () => findingsOf({ installed: PACKAGES }), 'app.package', 'com.tencent.mm', 'high'],
	['`pkgs: [...]`', () => findingsOf({ pkgs: PACKAGES }), 'app.package', 'com.tencent.mm', 'high']
]);

describe('a keyless value a key names elsewhere in the request', () => {
	it('a keyless UUID the request names an advertising ID joins that finding instead of being a user ID', () => {
		const idfa = 'ea7583cd-a667-48bc-b806-42ecb2b48606';
		const body = JSON.stringify({ idfa: idfa.toUpperCase(), 7: idfa });
		const capture = readCapture({ name: 'x.har', bytes: harBytes([{ url: 'https://t.example.com/e', body }]) });
		const findings = analyze(capture, {}).report.exchanges[0]!.findings;
		expect(findings.filter((f) => f.value.toLowerCase() === idfa).map((f) => [f.type, f.detector])).toEqual([['ad.advertising_id', 'ad-ids']]);
		const ad = findings.find((f) => f.type === 'ad.advertising_id')!;
		expect(ad.count).toBe(2);
		expect(ad.paths).toEqual(['body › json.idfa', 'body › json["7"]']);
	});

	it('a keyless UUID a user-ID key names joins that finding', () => {
		const id = '6b2a7c1d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
		const findings = findingsOf({ distinct_id: id, 3: id });
		expect(findings.filter((f) => f.value === id).map((f) => [f.type, f.detector, f.count])).toEqual([['user.id', 'user-ids', 2]]);
	});

	it('a keyless e-mail keeps its keyed twin high and adds nothing', () => {
		const findings = findingsOf({ email: 'me@example.org', list: [['me@example.org']] });
		expect(findings.filter((f) => f.type === 'contact.email').map((f) => f.confidence)).toContain('high');
	});
});

describe('never on headers and cookies', () => {
	it('a web address, a package name and a UUID in headers and cookies are no keyless findings', () => {
		const capture = readCapture({
			name: 'x.har',
			bytes: harBytes([{ url: 'https://t.example.com/e', headers: { '3': 'https://www.example.com/page', Cookie: '1=com.tencent.mm; 2=ea7583cd-a667-48bc-b806-42ecb2b48606' } }])
		});
		const findings = analyze(capture, {}).report.exchanges[0]!.findings;
		expect(findings.filter((f) => f.detector === VALUE_SHAPES_DETECTOR)).toEqual([]);
	});
});

describe('isPackageName', () => {
	it.each([
		['com.tencent.mm', true],
		['com.burbn.Instagram', true],
		['org.telegram.messenger', true],
		['io.github.user.app', true],
		['com.example.www.com', false],
		['com.example.min.js', false],
		['kotlin.collections.list', false],
		['java.lang.string', false],
		['com.Example.app', false],
		['Com.example.app', false],
		['com.example.APP_CONSTANT', false],
		['com.example', false],
		['com.example.app extra', false]
	])('%s → %s', (value, expected) => {
		expect(isPackageName(value)).toBe(expected);
	});
});

describe('properties', () => {
	const hexOf = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
	const keyless = fc.constantFrom('1', '3', '15');

	it('hash-shaped values under protobuf field numbers are read as nothing by value shape', () => {
		fc.assert(
			fc.property(fc.oneof(hexOf(32), hexOf(40), hexOf(64)), keyless, (hash, field) => {
				const findings = protobufFindings([[Number(field), hash]]);
				expect(findings.filter((f) => f.detector === VALUE_SHAPES_DETECTOR)).toEqual([]);
			}),
			{ numRuns: 40 }
		);
	});

	it('keyless findings are never high: the shape alone does not say what a key says', () => {
		const value = fc.oneof(
			fc.constantFrom(...PACKAGES, ...URLS, '868027043216757', 'ea7583cd-a667-48bc-b806-42ecb2b48606', 'me@example.org', 'ac:de:48:00:11:22'),
			fc.string({ maxLength: 40 })
		);
		fc.assert(
			fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
				for (const f of findingsOf(values)) {
					if (/no key/.test(f.reason)) expect(f.confidence).not.toBe('high');
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('a value the detector turns down by its first characters is never a package name or a web address', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), (text) => {
				const c = text.trim().charCodeAt(0);
				if (!(c >= 0x61 && c <= 0x7a)) expect(isPackageName(text.trim())).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('the gate lets through exactly the keys that name nothing, plus the history keys', () => {
		const history = ['visited', 'history', 'urls', 'visitedurls', 'browsinghistory', 'historyurls', 'visitedpages', 'recenturls', 'visits'];
		fc.assert(
			fc.property(fc.oneof(fc.stringMatching(/^\d{0,4}$/), fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom(...history)), (k) => {
				expect(valueShapes.gate!.key(k, [])).toBe(/^\d*$/.test(k) || history.includes(k));
			}),
			{ numRuns: 200 }
		);
	});

	it('lists: every member of a keyless array of ≥ 3 package names is reported with the list size', () => {
		fc.assert(
			fc.property(fc.subarray(PACKAGES, { minLength: 3 }), (list) => {
				const pkgs = findingsOf([list]).filter((f) => f.type === 'app.package');
				expect(pkgs.map((f) => f.value).sort()).toEqual([...list].sort());
				for (const f of pkgs) expect(f.reason).toBe(`list of ${list.length} package names: an installed-app list, no key: an element of an array`);
			}),
			{ numRuns: 30 }
		);
	});
});
