/**
 * Detector gates let the walk skip detectors that cannot report a node. A gate may say yes too often,
 * never too rarely: on random keys, values and surroundings, a node every gate turns down gets no finding
 * from the detector, and a whole exchange gets exactly the findings it gets with every gate removed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exchangeFindings } from '../../../src/lib/core/classify/findings';
import { FindingSet } from '../../../src/lib/core/classify/finding-set';
import { DETECTORS } from '../../../src/lib/core/classify/detectors/index';
import type { DetectContext, Detector } from '../../../src/lib/core/classify/detectors/detector';
import { hashShape } from '../../../src/lib/core/classify/detectors/hash-shape';
import { keyWords, normalizeKey } from '../../../src/lib/core/classify/detectors/key-hints';
import { LAYER_SEPARATOR } from '../../../src/lib/core/shared/path';
import { MAX_FINDING_PATHS, type DecodedNode, type DecodedPart, type Exchange, type Finding, type Occurrence, type PartKind } from '../../../src/lib/core/model';

/** Key names each detector knows, spelled as payloads spell them, plus neutral ones. */
const KEYS = [
	'imei', 'imei1', 'IMEI_md5', 'imsi', 'iccid', 'sim_serial', 'meid', 'android_id', 'ssaid', 'serial', 'sn', 'device_id', '$device_id', 'udid',
	'gaid', 'idfa', 'oaid', 'oaid2', 'advertising_id', 'ad_id', 'mac', 'wifiMac', 'mac_md5', 'bssid', 'ssid', 'wifi_ssid', 'ip', 'client_ip', 'zip',
	'carrier', 'lat', 'latitude', 'lng', 'lon', 'location', 'coords', 'email', 'e_mail_hash', 'phone', 'mobile', 'phone_order', 'url', '$url',
	'referrer', 'dl', 'q', 'wd', 'search_keyword', 'searchText', 'title', '$title', 'page_title', 'screen_name', 'name', 'type', 'page_name',
	'package', 'packageName', 'pkg', 'apps', 'installed_apps', 'artist', 'song', 'track', 'authorization', 'password', 'access_token',
	'session', 'sid', 'cookie', 'user_agent', 'ua', 'model', 'device_model', 'os_version', 'os', 'version', 'distinct_id', 'anonymousId',
	'user_id', 'id', 'uuid', 'value', 'key', 'event', 'time', 'order_id', 'x-device-id', 'X-Forwarded-For', 'amount', 'properties', 'data'
];
const CHAIN_KEYS = ['user', 'identities', 'ids', 'apps', 'installedapps', 'app', 'os', 'device', 'properties', 'context', '1', '2', 'query'];
const VALUES = [
	'868027043216757', '86802704321675', '8680270432167571', '460011234567890', '89860318760012345671', 'A1000012345678',
	'9e4a7b2c1d3f5a60', 'R58M12ABCDE', 'a831f386629833d9e063d6a332fa7dde', 'a831f386629833d9e063d6a332fa7dde12345678',
	'qDGj9kQ2zP1vF3xR8mN4tA==', 'd41d8cd98f00b204e9800998ecf8427ed41d8cd98f00b204e9800998ecf8427e', '38400000-8cf0-11bd-b23e-10b96e4ef00d',
	'00000000-0000-0000-0000-000000000000', 'AC:DE:48:00:11:22', 'ac-de-48-00-11-22', 'acde48001122', '02:00:00:00:00:00', '"HomeWifi"',
	'192.168.1.20', '8.8.8.8', '2001:db8::1', 'fe80::1', 'China Mobile', '39.9042', '116.4074', '39904200', '116407400', '39.9042,116.4074',
	'me@example.org', 'write to me@example.org today', 'icon@2x.png', '+8613800138000', '13800138000', '+1 415 555 2671',
	'https://www.google.com/search?q=flu+symptoms', 'https://www.baidu.com/s?wd=abc', 'https://www.example.com/page', 'HTTP://x.example/',
	'https://', 'flu symptoms', 'Weather today - Search', 'MainActivity', 'com.tencent.mm', 'com.a.b,com.c.d', 'main.js', 'screen',
	'Bearer abcdefghijklmnopqrstuvwxyz0123', 'Basic dXNlcjo=', 'Basic dXNlcjpwYXNz', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig',
	'Mozilla/5.0 (Linux; Android 12; M2102J20SG) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36', 'M2102J20SG', 'Android 12', '12',
	'unknown', 'null', '0', '', ' ', 'xxxxxxxx', 'user-123456', 'GA1.2.123456789.1700000000', 'abc', '1714557600000', 'track',
	'{"e" "x", "imei": 868027043216757, "u": "https://www.example.com/page" @'
];
const URLS = [null, 'https://t.example.com/x?a=1', 'https://www.google.com/search?q=abc', 'https://www.baidu.com/s?wd=x&word=y', 'https://www.google-analytics.com/collect'];
const PART_KINDS: PartKind[] = ['payload', 'request-body', 'query', 'header', 'cookie'];

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 }));
const text = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...VALUES) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('', ' ', '\t'), fc.constantFrom(...VALUES), fc.constantFrom('', ' ', '\n')).map(([a, v, b]) => a + v + b) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.stringMatching(/^[0-9a-fA-F:+@.\- ]{0,70}$/) }
);
const leaf = fc.oneof(
	{ weight: 4, arbitrary: text.map((t): Omit<DecodedNode, 'path'> => ({ kind: 'text', text: t })) },
	{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(868027043216757, 13800138000, 39904200)).map((n): Omit<DecodedNode, 'path'> => ({ kind: 'number', number: n })) }
);

function ungated(detectors: readonly Detector[]): Detector[] {
	return detectors.map((d) => ({ id: d.id, label: d.label, detect: d.detect }));
}

describe('each detector gate', () => {
	const random = fc.record({
		key: fc.option(key, { nil: null }),
		node: leaf,
		chain: fc.array(fc.oneof(fc.constantFrom(...CHAIN_KEYS), fc.constantFrom(...KEYS)), { maxLength: 3 }),
		siblings: fc.option(fc.array(fc.tuple(key, leaf), { maxLength: 4 }), { nil: null }),
		url: fc.constantFrom(...URLS),
		partKind: fc.constantFrom(...PART_KINDS)
	});
	// Findings that need several things at once (a latitude beside a longitude, a screen `name` beside `type: screen`).
	const coordinate = fc.constantFrom('39.9042', '39904200', '116.4074', '-33.8688', '39.9042,116.4074', '116.4074, 39.9042', '0', 'abc');
	const together = fc.record({
		key: fc.constantFrom('lat', 'latitude', 'gps_lat', 'la', 'location', 'coords', 'name', 'title', 'track', 'id'),
		node: coordinate.map((t): Omit<DecodedNode, 'path'> => ({ kind: 'text', text: t })),
		chain: fc.array(fc.constantFrom(...CHAIN_KEYS), { maxLength: 2 }),
		siblings: fc.array(
			fc.tuple(fc.constantFrom('lng', 'lon', 'longitude', 'gps_lng', 'lo', 'type', 'artist', 'album'), fc.oneof(coordinate, fc.constant('screen')).map((t): Omit<DecodedNode, 'path'> => ({ kind: 'text', text: t }))),
			{ minLength: 1, maxLength: 3 }
		),
		url: fc.constant(null),
		partKind: fc.constantFrom<PartKind>('payload', 'query')
	});
	const surroundings = fc.oneof({ weight: 4, arbitrary: random }, { weight: 1, arbitrary: together });

	for (const detector of DETECTORS) {
		it(`${detector.id}: a node its gate turns down gets no finding`, () => {
			const gate = detector.gate!;
			expect(gate).toBeDefined();
			let turnedDown = 0;
			fc.assert(
				fc.property(surroundings, (s) => {
					const node: DecodedNode = { path: 'p', ...s.node, ...(s.key === null ? {} : { key: s.key }) };
					const siblings = s.siblings === null ? null : new Map(s.siblings.map(([k, n], i) => [normalizeKey(k), { path: `s${i}`, key: k, ...n }] as const));
					const normKey = s.key === null ? '' : normalizeKey(s.partKind === 'header' ? s.key.replace(/^x-/i, '') : s.key);
					const ctx: DetectContext = {
						key: s.key,
						normKey,
						keyWords: s.key === null ? [] : keyWords(s.key),
						keyChain: s.chain.map(normalizeKey),
						siblings,
						url: s.url,
						partKind: s.partKind,
						exchange: { host: 't.example.com', url: 'https://t.example.com/x?a=1', method: 'POST' }
					};
					const value = node.kind === 'text' && node.text !== undefined ? node.text.trim() : null;
					const found = detector.detect(node, ctx);
					if (gate.key(ctx.normKey, ctx.keyWords) || (gate.other?.(node, ctx, value) ?? false)) return;
					turnedDown++;
					expect(found).toEqual([]);
				}),
				{ numRuns: 4000 }
			);
			expect(turnedDown).toBeGreaterThan(100);
		});
	}

	/** Every known key with every sample value, in surroundings that matter to some detector. */
	const SETTINGS: Array<Pick<DetectContext, 'keyChain' | 'partKind' | 'url'> & { siblings?: Record<string, string> }> = [
		{ keyChain: [], partKind: 'payload', url: null },
		{ keyChain: ['user'], partKind: 'payload', url: null, siblings: { lng: '116.4074', type: 'screen', artist: 'x' } },
		{ keyChain: ['identities'], partKind: 'payload', url: null },
		{ keyChain: ['installedapps', 'list'], partKind: 'payload', url: null },
		{ keyChain: ['app'], partKind: 'payload', url: null },
		{ keyChain: ['os'], partKind: 'payload', url: null },
		{ keyChain: [], partKind: 'header', url: null },
		{ keyChain: [], partKind: 'cookie', url: null },
		{ keyChain: ['q'], partKind: 'query', url: 'https://www.google.com/search?q=abc' }
	];

	for (const detector of DETECTORS) {
		it(`${detector.id}: every sample its gate turns down gets no finding`, () => {
			const gate = detector.gate!;
			let reported = 0;
			const missed: string[] = [];
			for (const setting of SETTINGS) {
				const siblings = setting.siblings
					? new Map(Object.entries(setting.siblings).map(([k, t]) => [k, { path: k, key: k, kind: 'text', text: t } as DecodedNode]))
					: null;
				for (const k of [null, ...KEYS]) {
					const normKey = k === null ? '' : normalizeKey(setting.partKind === 'header' ? k.replace(/^x-/i, '') : k);
					const ctx: DetectContext = { ...setting, key: k, normKey, keyWords: k === null ? [] : keyWords(k), siblings, exchange: { host: 't.example.com', url: 'https://t.example.com/', method: 'GET' } };
					const keyOpen = gate.key(normKey, ctx.keyWords);
					for (const v of VALUES) {
						const nodes: DecodedNode[] = [{ path: 'p', kind: 'text', text: v }];
						if (/^-?\d+(\.\d+)?$/.test(v)) nodes.push({ path: 'p', kind: 'number', number: Number(v) });
						for (const node of nodes) {
							const found = detector.detect(node, ctx);
							if (found.length > 0) reported++;
							const value = node.kind === 'text' ? v.trim() : null;
							if (found.length > 0 && !keyOpen && !(gate.other?.(node, ctx, value) ?? false)) missed.push(`${k} = ${JSON.stringify(v)} (${setting.partKind}, ${setting.keyChain.join('.')})`);
						}
					}
				}
			}
			expect(missed).toEqual([]);
			expect(reported).toBeGreaterThan(0);
		});
	}
});

describe('exchangeFindings with gates', () => {
	type Tree = Omit<DecodedNode, 'path'>;
	const { tree } = fc.letrec<{ tree: Tree; object: Tree; array: Tree; layered: Tree }>((tie) => ({
		tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array'), tie('layered')),
		object: fc.array(fc.tuple(key, tie('tree')), { maxLength: 5 }).map((fields): Tree => ({ kind: 'object', children: fields.map(([k, t]) => ({ ...t, key: k, path: '' })) })),
		array: fc.array(tie('tree'), { maxLength: 3 }).map((items): Tree => ({ kind: 'array', children: items.map((t, i) => ({ ...t, key: i, path: '' })) })),
		// A text leaf with a decoded form beneath it (a URL's parts, a base64 layer).
		layered: fc.tuple(text, tie('object'), fc.constantFrom('url', 'base64', 'json')).map(([t, inner, codec]): Tree => ({ kind: 'text', text: t, decoded: { ...inner, codec, path: '' } }))
	}));

	/** Paths as the peeler writes them: `.key`, `[i]`, ` › codec` per layer. */
	function withPaths(node: Tree, path: string): DecodedNode {
		const out: DecodedNode = { ...node, path } as DecodedNode;
		if (node.children) out.children = node.children.map((c) => withPaths(c, typeof c.key === 'number' ? `${path}[${c.key}]` : `${path}.${c.key}`));
		if (node.decoded) out.decoded = withPaths(node.decoded, `${path}${LAYER_SEPARATOR}${node.decoded.codec ?? 'x'}`);
		return out;
	}

	const headers = fc.subarray([
		{ name: 'User-Agent', value: 'Mozilla/5.0 (Linux; Android 12; M2102J20SG) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36' },
		{ name: 'Authorization', value: 'Bearer abcdefghijklmnopqrstuvwxyz0123' },
		{ name: 'Cookie', value: 'theme=dark; sessionid=9c1185a5c5e9fc54612808977ee8f548; SSID=abc' },
		{ name: 'X-Device-Id', value: '868027043216757' },
		{ name: 'Referer', value: 'https://www.google.com/search?q=flu' }
	]);
	const host = fc.constantFrom('t.example.com', 'www.google-analytics.com', 'app-measurement.com', 'hm.baidu.com');

	it('finds exactly what the ungated detectors find', () => {
		const plain = ungated(DETECTORS);
		let total = 0;
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom<PartKind>('payload', 'request-body', 'query'), tree), { minLength: 1, maxLength: 3 }), headers, host, (parts, requestHeaders, h) => {
				const decoded: DecodedPart[] = parts.map(([kind, t], i) => ({ kind, name: `part${i}`, root: withPaths(t, `part${i}`) }));
				const url = h === 'app-measurement.com' ? 'https://app-measurement.com/a' : h === 'hm.baidu.com' ? 'https://hm.baidu.com/hm.gif?u=x' : `https://${h}/collect?q=1`;
				const exchange: Exchange = { index: 0, method: 'POST', url, host: h, status: 200, startedAt: null, requestHeaders, responseHeaders: [], parts: [], notes: [] };
				const gated = exchangeFindings(exchange, decoded);
				total += gated.length;
				expect(gated).toEqual(exchangeFindings(exchange, decoded, plain));
			}),
			{ numRuns: 600 }
		);
		expect(total).toBeGreaterThan(600);
	});
});

describe('fast paths', () => {
	/** hashShape as the six regular expressions alone define it. */
	function hashShapeByPattern(value: string): string | null {
		if (/^[0-9a-f]{32}$/i.test(value)) return '32 hex digits, MD5-shaped';
		if (/^[0-9a-f]{40}$/i.test(value)) return '40 hex digits, SHA-1-shaped';
		if (/^[0-9a-f]{64}$/i.test(value)) return '64 hex digits, SHA-256-shaped';
		if (/^[A-Za-z0-9+/_-]{22}==$/.test(value)) return 'base64 of 16 bytes, MD5-shaped';
		if (/^[A-Za-z0-9+/_-]{27}=$/.test(value)) return 'base64 of 20 bytes, SHA-1-shaped';
		if (/^[A-Za-z0-9+/_-]{43}=$/.test(value)) return 'base64 of 32 bytes, SHA-256-shaped';
		return null;
	}

	it('hashShape turns down other lengths exactly as its patterns do', () => {
		const hashLike = fc.oneof(
			fc.stringMatching(/^[0-9a-fA-F]{20,70}$/),
			fc.stringMatching(/^[A-Za-z0-9+/_-]{20,45}={0,2}$/),
			fc.string({ maxLength: 70 })
		);
		fc.assert(
			fc.property(hashLike, (v) => {
				expect(hashShape(v)).toBe(hashShapeByPattern(v));
			}),
			{ numRuns: 3000 }
		);
	});

	/** FindingSet as first written, one finding per occurrence: one key string per type + value, and `startsWith(p + separator)`. */
	function keptByReference(list: Occurrence[]): Occurrence[] {
		const byKey = new Map<string, string[]>();
		const kept: Occurrence[] = [];
		for (const f of list) {
			const k = `${f.type}\u0000${f.value}`;
			const paths = byKey.get(k);
			if (paths) {
				if (paths.some((p) => p === f.path || f.path.startsWith(p + LAYER_SEPARATOR) || p.startsWith(f.path + LAYER_SEPARATOR))) continue;
				paths.push(f.path);
			} else byKey.set(k, [f.path]);
			kept.push(f);
		}
		return kept;
	}

	/** Kept occurrences grouped the plain way: per type + value + detector, strongest confidence (first among equals), first paths. */
	function groupedByReference(kept: Occurrence[]): Finding[] {
		const strength = { high: 3, medium: 2, low: 1 };
		const groups = new Map<string, Finding>();
		for (const o of kept) {
			const k = `${o.type}\u0000${o.value}\u0000${o.detector}`;
			const g = groups.get(k);
			if (!g) groups.set(k, { ...o, count: 1, paths: [o.path] });
			else {
				g.count++;
				if (g.paths.length < MAX_FINDING_PATHS) g.paths.push(o.path);
				if (strength[o.confidence] > strength[g.confidence]) Object.assign(g, { confidence: o.confidence, reason: o.reason });
			}
		}
		return [...groups.values()];
	}

	it('FindingSet keeps what the key-string version kept, grouped per type, value and detector', () => {
		const segment = fc.constantFrom('a', 'a.b', 'a[0]', 'b', '', ' ', '›', LAYER_SEPARATOR.trim());
		const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join(LAYER_SEPARATOR));
		const occurrence: fc.Arbitrary<Occurrence> = fc.record({
			type: fc.constantFrom<Finding['type']>('user.id', 'device.imei', 'contact.email'),
			value: fc.constantFrom<string>('1', '2', 'x', 'X'),
			path: fc.oneof(path, fc.string({ maxLength: 8 })),
			confidence: fc.constantFrom<Finding['confidence']>('high', 'medium', 'low'),
			reason: fc.constantFrom('r', 's'),
			detector: fc.constantFrom('d', 'e')
		});
		fc.assert(
			fc.property(fc.array(occurrence, { maxLength: 80 }), (list) => {
				const set = new FindingSet();
				set.addAll(list);
				expect(set.list()).toEqual(groupedByReference(keptByReference(list)));
			}),
			{ numRuns: 2000 }
		);
	});

	it('FindingSet keeps the same when one value repeats past the scan limit (its repeat rule then looks paths up)', () => {
		const segment = fc.oneof(fc.integer({ min: 0, max: 40 }).map((i) => `json[${i}]`), fc.constantFrom('body', 'form.d', 'base64', 'gzip', ' ', '›'));
		const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join(LAYER_SEPARATOR));
		const occurrence: fc.Arbitrary<Occurrence> = fc.record({
			type: fc.constant<Finding['type']>('device.imei'),
			value: fc.constantFrom<string>('490154203237518', '868027043216757'),
			path,
			confidence: fc.constantFrom<Finding['confidence']>('high', 'medium'),
			reason: fc.constant('r'),
			detector: fc.constantFrom('d', 'e')
		});
		fc.assert(
			fc.property(fc.array(occurrence, { minLength: 20, maxLength: 300 }), (list) => {
				const set = new FindingSet();
				set.addAll(list);
				expect(set.list()).toEqual(groupedByReference(keptByReference(list)));
			}),
			{ numRuns: 300 }
		);
	});
});
