/**
 * Deterministic inputs for benchmarks and tests: generated in code from a seed, so nothing big is committed.
 * Shapes follow what the Sensors Analytics Android SDK sends (field names from its public source).
 */
import { gzipSync } from 'node:zlib';
import { javaStringHashCode } from '../../src/lib/core/shared/wire/sensors-analytics';

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = ['news', 'weather', 'music', 'video', 'shop', 'phone', 'travel', 'hotel', 'flight', 'recipe', 'football', 'stock', 'game', 'movie', 'book', 'map', 'bank', 'health', 'school', 'car'];
const HOSTS = ['www.example.com', 'm.news.example.cn', 'search.example.org', 'video.example.net', 'shop.example.com'];
const EVENTS = ['$AppStart', '$AppViewScreen', '$AppClick', 'browser_visit', 'search', '$AppEnd'];

function pick<T>(rand: () => number, list: readonly T[]): T {
	return list[Math.floor(rand() * list.length)]!;
}

function hexId(rand: () => number, length: number): string {
	let s = '';
	for (let i = 0; i < length; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
	return s;
}

function words(rand: () => number, n: number): string {
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(pick(rand, WORDS));
	return out.join(' ');
}

/** One Sensors-style event with 30 properties, visited URLs and search queries among them. */
function sensorsEvent(rand: () => number, index: number, deviceId: string): Record<string, unknown> {
	const query = words(rand, 2);
	const url = `https://${pick(rand, HOSTS)}/${pick(rand, WORDS)}/${Math.floor(rand() * 1e6)}?q=${encodeURIComponent(query)}&from=home`;
	return {
		_track_id: Math.floor(rand() * 2 ** 31),
		time: 1_700_000_000_000 + index * 1234,
		type: 'track',
		distinct_id: deviceId,
		anonymous_id: deviceId,
		lib: { $lib: 'Android', $lib_version: '6.6.3', $lib_method: 'code', $app_version: '17.1.2' },
		event: pick(rand, EVENTS),
		properties: {
			$os: 'Android',
			$os_version: '12',
			$model: 'Redmi Note 11',
			$manufacturer: 'Xiaomi',
			$brand: 'Redmi',
			$screen_width: 1080,
			$screen_height: 2400,
			$wifi: rand() < 0.7,
			$network_type: pick(rand, ['WIFI', '4G', '5G']),
			$carrier: '中国移动',
			$device_id: deviceId,
			$app_id: 'com.android.browser',
			$app_name: 'Browser',
			$timezone_offset: -480,
			$is_first_day: false,
			$lib_version: '6.6.3',
			$screen_name: 'com.android.browser.BrowserActivity',
			$title: `${words(rand, 3)} - Browser`,
			$url: url,
			$referrer: `https://${pick(rand, HOSTS)}/`,
			$element_id: `btn_${pick(rand, WORDS)}`,
			$element_content: words(rand, 2),
			search_query: query,
			search_engine: pick(rand, ['baidu', 'bing', 'sogou']),
			page_id: hexId(rand, 16),
			session_id: `${hexId(rand, 8)}-${hexId(rand, 4)}-${hexId(rand, 4)}-${hexId(rand, 4)}-${hexId(rand, 12)}`,
			event_duration: Math.round(rand() * 10000) / 100,
			$latitude: 39.9 + rand() / 10,
			$longitude: 116.4 + rand() / 10,
			oaid: hexId(rand, 16)
		},
		_flush_time: 1_700_000_100_000 + index
	};
}

export interface SensorsBatch {
	/** The form body as sent: `crc=…&gzip=1&data_list=…`. */
	body: string;
	/** data_list as sent, before URL encoding: base64(gzip(json)). */
	dataList: string;
	json: string;
	events: number;
}

/** A Sensors Analytics gzip=1 batch of `count` events (about 1 KB of JSON each). */
export function sensorsBatch(count: number, seed = 1): SensorsBatch {
	const rand = random(seed);
	const deviceId = hexId(rand, 16);
	const events = [];
	for (let i = 0; i < count; i++) events.push(sensorsEvent(rand, i, deviceId));
	const json = JSON.stringify(events);
	const dataList = gzipSync(Buffer.from(json)).toString('base64');
	const body = `crc=${javaStringHashCode(dataList)}&gzip=1&data_list=${encodeURIComponent(dataList)}`;
	return { body, dataList, json, events: count };
}

/**
 * base64(gzip(JSON)) of about `base64Bytes` characters: log records whose long message mixes words and
 * random hex tokens (compresses about 2.5×), so the value is dominated by bulk decoding, not by leaves.
 */
export function bigBase64Gzip(base64Bytes: number, seed = 2): { value: string; json: string } {
	const build = (records: number) => {
		const rand = random(seed);
		const list: unknown[] = [];
		for (let i = 0; i < records; i++) {
			const tokens: string[] = [];
			for (let t = 0; t < 40; t++) tokens.push(t % 3 === 0 ? hexId(rand, 16) : pick(rand, WORDS));
			list.push({ id: i, time: 1_700_000_000_000 + i, level: pick(rand, ['info', 'warn', 'debug']), host: pick(rand, HOSTS), message: tokens.join(' ') });
		}
		const json = JSON.stringify(list);
		return { value: gzipSync(Buffer.from(json)).toString('base64'), json };
	};
	// Size once on a sample, then build the real thing: the result is the same for the same arguments.
	const sample = build(1000);
	return build(Math.max(1, Math.round((1000 * base64Bytes) / sample.value.length)));
}
