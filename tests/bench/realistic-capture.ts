/**
 * A realistic capture for the benchmarks of issue #11 (part 4): 20,000 requests of five analytics SDKs
 * whose batches carry 1, 5, 20 or 50 events, as real SDKs send them. The old capture benchmark sent only
 * three-event Sensors batches and hid what large batches cost. Generated in code from a seed (mulberry32),
 * never committed; every event of a batch repeats its device's IDs and model and differs in time, URL,
 * search query and title, as a real phone's traffic does.
 */
import { gzipSync } from 'node:zlib';
import { random } from './inputs';
import { javaStringHashCode } from '../../src/lib/core/shared/wire/sensors-analytics';
import { protobuf, type ProtoField } from '../fixtures/corpus/build';

export const SDKS = ['sensors', 'mixpanel', 'segment', 'firebase', 'ga4'] as const;
export type Sdk = (typeof SDKS)[number];
export const BATCH_SIZES = [1, 5, 20, 50] as const;

/** Shares of requests: most uploads are small, a few flush a long queue (SDKs flush at 50–100 queued events). */
const BATCH_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
	[1, 0.4],
	[5, 0.32],
	[20, 0.2],
	[50, 0.08]
];
const SDK_WEIGHTS: ReadonlyArray<readonly [Sdk, number]> = [
	['sensors', 0.35],
	['mixpanel', 0.13],
	['segment', 0.12],
	['firebase', 0.2],
	['ga4', 0.2]
];

/** What analyze must peel each SDK's request to (its richest path): the benchmarks and the test check it. */
export const EXPECTED_LAYERS: Readonly<Record<Sdk, readonly string[]>> = {
	sensors: ['form › base64 › gzip › json'],
	mixpanel: ['json', 'form › base64 › json'],
	segment: ['json'],
	firebase: ['protobuf'],
	// One GA4 event rides in the query; a batch adds one body line per event.
	ga4: ['form', 'lines']
};

export interface PlantedEntry {
	sdk: Sdk;
	events: number;
	/** Identifiers this request's body (or query) carries in every event: each must become a finding. */
	ids: string[];
}

export interface RealisticCapture {
	bytes: Uint8Array;
	entries: PlantedEntry[];
	/** Events across all requests, counted while generating. */
	events: number;
}

interface Device {
	model: string;
	manufacturer: string;
	os: 'Android' | 'iOS';
	osVersion: string;
	carrier: string;
	ip: string;
	/** GAID / IDFA. */
	advertisingId: string;
	/** ANDROID_ID-like 16 hex digits (Sensors' $device_id). */
	androidId: string;
	/** Per-SDK install IDs: each SDK mints its own. */
	mixpanelId: string;
	segmentId: string;
	firebaseInstanceId: string;
	gaClientId: string;
	userAgent: string;
}

const WORDS = ['news', 'weather', 'music', 'video', 'shop', 'phone', 'travel', 'hotel', 'flight', 'recipe', 'football', 'stock', 'game', 'movie', 'book', 'map', 'bank', 'health', 'school', 'car', 'pharmacy', 'loan', 'clinic', 'insurance'];
const HOSTS = ['www.example.com', 'm.news.example.cn', 'search.example.org', 'video.example.net', 'shop.example.com', 'health.example.de'];
const PHONES: ReadonlyArray<readonly [string, string, 'Android' | 'iOS', string]> = [
	['Redmi Note 11', 'Xiaomi', 'Android', '12'],
	['SM-G991B', 'samsung', 'Android', '13'],
	['Pixel 7', 'Google', 'Android', '14'],
	['iPhone14,5', 'Apple', 'iOS', '17.1.2']
];

type Rand = () => number;

function pick<T>(rand: Rand, list: readonly T[]): T {
	return list[Math.floor(rand() * list.length)]!;
}

function weighted<T>(rand: Rand, list: ReadonlyArray<readonly [T, number]>): T {
	let r = rand();
	for (const [value, weight] of list) {
		r -= weight;
		if (r < 0) return value;
	}
	return list[list.length - 1]![0];
}

function hex(rand: Rand, n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
	return s;
}

function uuid(rand: Rand): string {
	return `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(rand, 3)}-${hex(rand, 12)}`;
}

function words(rand: Rand, n: number): string {
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(pick(rand, WORDS));
	return out.join(' ');
}

function device(rand: Rand, index: number): Device {
	const [model, manufacturer, os, osVersion] = PHONES[index % PHONES.length]!;
	const userAgent =
		os === 'iOS'
			? `Mozilla/5.0 (iPhone; CPU iPhone OS ${osVersion.replace(/\./g, '_')} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148`
			: `Mozilla/5.0 (Linux; Android ${osVersion}; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36`;
	return {
		model,
		manufacturer,
		os,
		osVersion,
		carrier: pick(rand, ['中国移动', 'Vodafone', 'T-Mobile', 'Orange']),
		ip: `198.51.100.${10 + index}`,
		advertisingId: os === 'iOS' ? uuid(rand).toUpperCase() : uuid(rand),
		androidId: hex(rand, 16),
		mixpanelId: `${hex(rand, 14)}-${hex(rand, 14)}-${hex(rand, 8)}-${hex(rand, 6)}-${hex(rand, 14)}`,
		segmentId: uuid(rand),
		firebaseInstanceId: hex(rand, 32),
		gaClientId: `${1_000_000_000 + Math.floor(rand() * 999_999_999)}.${1_699_000_000 + Math.floor(rand() * 1_000_000)}`,
		userAgent
	};
}

/** What each event of a batch says differently: a page, a query, a title and a moment. */
interface Visit {
	url: string;
	query: string;
	title: string;
	time: number;
	referrer: string;
}

function visit(rand: Rand, time: number): Visit {
	const query = words(rand, 2);
	return {
		url: `https://${pick(rand, HOSTS)}/${pick(rand, WORDS)}/${Math.floor(rand() * 1e6)}?q=${encodeURIComponent(query)}&from=home`,
		query,
		title: `${words(rand, 3)} - ${pick(rand, ['Browser', 'Shop', 'News'])}`,
		time,
		referrer: `https://${pick(rand, HOSTS)}/`
	};
}

interface Request {
	method: 'GET' | 'POST';
	url: string;
	headers: Array<{ name: string; value: string }>;
	mimeType?: string;
	body?: string;
	bodyBase64?: boolean;
	ids: string[];
}

/**
 * Sensors Analytics Android SDK: `crc=…&gzip=1&data_list=base64(gzip(JSON array))`, events as its
 * AnalyticsMessages builds them (https://github.com/sensorsdata/sa-sdk-android, AnalyticsMessages.java;
 * the same shape as tests/bench/inputs.ts and tests/fixtures/corpus/cases/sensors.ts).
 */
function sensors(rand: Rand, d: Device, visits: Visit[]): Request {
	const events = visits.map((v) => ({
		_track_id: Math.floor(rand() * 2 ** 31),
		time: v.time,
		type: 'track',
		distinct_id: d.androidId,
		anonymous_id: d.androidId,
		lib: { $lib: 'Android', $lib_version: '6.6.3', $lib_method: 'code', $app_version: '17.1.2' },
		event: pick(rand, ['$AppViewScreen', '$AppClick', 'browser_visit', 'search']),
		properties: {
			$os: d.os,
			$os_version: d.osVersion,
			$model: d.model,
			$manufacturer: d.manufacturer,
			$screen_width: 1080,
			$screen_height: 2400,
			$wifi: rand() < 0.7,
			$network_type: pick(rand, ['WIFI', '4G', '5G']),
			$carrier: d.carrier,
			$device_id: d.androidId,
			$app_id: 'com.android.browser',
			$timezone_offset: -480,
			$screen_name: 'com.android.browser.BrowserActivity',
			$title: v.title,
			$url: v.url,
			$referrer: v.referrer,
			search_query: v.query,
			oaid: d.advertisingId,
			event_duration: Math.round(rand() * 10000) / 100
		},
		_flush_time: v.time + 5000
	}));
	const dataList = gzipSync(Buffer.from(JSON.stringify(events))).toString('base64');
	return {
		method: 'POST',
		url: 'https://sdk-data.example.cn/sa?project=production',
		headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
		mimeType: 'application/x-www-form-urlencoded',
		body: `crc=${javaStringHashCode(dataList)}&gzip=1&data_list=${encodeURIComponent(dataList)}`,
		ids: [d.androidId]
	};
}

/**
 * Mixpanel /track: a JSON array of `{ event, properties: { token, distinct_id, time, $insert_id, … } }`
 * (https://docs.mixpanel.com/reference/track-event). The mobile SDKs post it form-encoded as
 * `data=base64(JSON)` (https://github.com/mixpanel/mixpanel-android, HttpService / AnalyticsMessages);
 * one request in three is sent as the plain JSON body the reference shows.
 */
function mixpanel(rand: Rand, d: Device, visits: Visit[]): Request {
	const events = visits.map((v) => ({
		event: pick(rand, ['Page View', 'Search', 'Add To Cart', 'Screen Viewed']),
		properties: {
			token: '6972694b7ac6ab6b6e0f9b4e7b0a1c2d',
			time: v.time,
			distinct_id: `$device:${d.mixpanelId}`,
			$device_id: d.mixpanelId,
			$insert_id: hex(rand, 16),
			$os: d.os,
			$os_version: d.osVersion,
			$model: d.model,
			$manufacturer: d.manufacturer,
			$carrier: d.carrier,
			$app_version_string: '5.4.1',
			$current_url: v.url,
			$referrer: v.referrer,
			'Search Term': v.query,
			'Page Title': v.title,
			mp_lib: 'android'
		}
	}));
	const json = JSON.stringify(events);
	const asJson = rand() < 1 / 3;
	return {
		method: 'POST',
		url: 'https://api.mixpanel.com/track/?ip=1',
		headers: [{ name: 'Content-Type', value: asJson ? 'application/json' : 'application/x-www-form-urlencoded' }],
		mimeType: asJson ? 'application/json' : 'application/x-www-form-urlencoded',
		body: asJson ? json : `data=${encodeURIComponent(Buffer.from(json).toString('base64'))}`,
		ids: [d.mixpanelId]
	};
}

/**
 * Segment HTTP Tracking API `POST /v1/batch` `{ batch: [...] }`
 * (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#batch), with the context
 * the mobile libraries collect (https://segment.com/docs/connections/spec/common/#context).
 */
function segment(rand: Rand, d: Device, visits: Visit[]): Request {
	const batch = visits.map((v) => ({
		type: 'track',
		anonymousId: d.segmentId,
		userId: null,
		event: pick(rand, ['Product Viewed', 'Products Searched', 'Article Read']),
		properties: { url: v.url, title: v.title, query: v.query, referrer: v.referrer },
		context: {
			app: { name: 'Example Shop', version: '3.2.0', build: '320', namespace: 'com.example.shop' },
			device: { id: d.androidId, advertisingId: d.advertisingId, adTrackingEnabled: true, manufacturer: d.manufacturer, model: d.model, type: d.os.toLowerCase() },
			library: { name: 'analytics-android', version: '4.11.3' },
			locale: 'en-US',
			network: { carrier: d.carrier, wifi: rand() < 0.6, cellular: false },
			os: { name: d.os, version: d.osVersion },
			screen: { width: 1080, height: 2400, density: 2.75 },
			timezone: 'Europe/Berlin',
			ip: d.ip
		},
		messageId: uuid(rand),
		timestamp: new Date(v.time).toISOString()
	}));
	return {
		method: 'POST',
		url: 'https://api.segment.io/v1/batch',
		headers: [
			{ name: 'Content-Type', value: 'application/json' },
			{ name: 'Authorization', value: 'Basic WU9VUl9XUklURV9LRVk6' }
		],
		mimeType: 'application/json',
		body: JSON.stringify({ batch, sentAt: new Date(visits[visits.length - 1]!.time + 1000).toISOString() }),
		ids: [d.segmentId, d.advertisingId]
	};
}

/**
 * Google Analytics for Firebase: a protobuf `Batch { Bundle bundle = 1 }` posted to app-measurement.com/a.
 * Google publishes no schema; the field numbers are those of the community definition
 * (https://github.com/lari/firebase-ga4-app-measurement-protobuf) that src/lib/core/classify/detectors/
 * firebase-fields.ts relies on: events = 2 (`{ param = 1 { name = 1, string_value = 2 }, name = 2,
 * timestamp = 3 }`), OS version 9, model 10, app ID 14, advertising ID 19, app instance ID 21.
 */
function firebase(rand: Rand, d: Device, visits: Visit[]): Request {
	const events: ProtoField[] = visits.map((v) => [
		2,
		[
			[1, [[1, '_sn'], [2, pick(rand, ['SearchActivity', 'ArticleActivity', 'CheckoutActivity'])]]],
			[1, [[1, 'search_term'], [2, v.query]]],
			[1, [[1, 'page_title'], [2, v.title]]],
			[1, [[1, 'page_location'], [2, v.url]]],
			[2, pick(rand, ['screen_view', 'search', 'view_item'])],
			[3, v.time]
		]
	]);
	const bundle: ProtoField[] = [
		[1, 1],
		...events,
		[8, d.os.toLowerCase()],
		[9, d.osVersion],
		[10, d.model],
		[14, 'com.example.shop'],
		[16, '3.2.0'],
		[19, d.advertisingId],
		[21, d.firebaseInstanceId]
	];
	return {
		method: 'POST',
		url: 'https://app-measurement.com/a',
		headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
		mimeType: 'application/x-www-form-urlencoded',
		body: Buffer.from(protobuf([[1, bundle]])).toString('base64'),
		bodyBase64: true,
		ids: [d.advertisingId, d.firebaseInstanceId]
	};
}

/**
 * GA4 gtag hits on /g/collect: shared parameters in the query (v=2, tid=G-…, cid, dl, dt, en for a single
 * event); a batch puts one event per body line (https://thyngster.com/google-analytics-4-events-demystified-ga4
 * describes the endpoint and batching; Google documents the parameters only for the Measurement Protocol).
 */
function ga4(rand: Rand, d: Device, visits: Visit[]): Request {
	const first = visits[0]!;
	const shared = `v=2&tid=G-7HJK2M4P9Q&gtm=45je4a20v9&_p=${first.time}&cid=${d.gaClientId}&ul=en-us&sr=412x915&_s=${Math.floor(rand() * 40)}&sid=${Math.floor(first.time / 1000)}&sct=3&seg=1`;
	const eventParams = (v: Visit): string =>
		`en=${pick(rand, ['page_view', 'view_search_results', 'scroll'])}&dl=${encodeURIComponent(v.url)}&dr=${encodeURIComponent(v.referrer)}&dt=${encodeURIComponent(v.title)}&ep.search_term=${encodeURIComponent(v.query)}&_et=${Math.floor(rand() * 20000)}`;
	const base = 'https://region1.google-analytics.com/g/collect';
	const headers = [{ name: 'User-Agent', value: d.userAgent }];
	if (visits.length === 1) return { method: rand() < 0.5 ? 'GET' : 'POST', url: `${base}?${shared}&${eventParams(first)}`, headers, ids: [d.gaClientId] };
	return {
		method: 'POST',
		url: `${base}?${shared}`,
		headers: [...headers, { name: 'Content-Type', value: 'text/plain;charset=UTF-8' }],
		mimeType: 'text/plain;charset=UTF-8',
		body: visits.map(eventParams).join('\n'),
		ids: [d.gaClientId]
	};
}

const BUILDERS: Record<Sdk, (rand: Rand, d: Device, visits: Visit[]) => Request> = { sensors, mixpanel, segment, firebase, ga4 };

function harEntry(r: Request, i: number, time: number): unknown {
	const url = new URL(r.url);
	const request: Record<string, unknown> = {
		method: r.method,
		url: r.url,
		httpVersion: 'HTTP/1.1',
		headers: [{ name: 'Host', value: url.host }, ...r.headers, { name: 'Accept-Encoding', value: 'gzip' }],
		queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
		cookies: [],
		headersSize: -1,
		bodySize: r.body?.length ?? 0
	};
	if (r.body !== undefined) request.postData = { mimeType: r.mimeType ?? '', text: r.body, ...(r.bodyBase64 ? { encoding: 'base64' } : {}) };
	return {
		startedDateTime: new Date(time).toISOString(),
		time: 40 + (i % 37),
		request,
		response: {
			status: 200,
			statusText: 'OK',
			httpVersion: 'HTTP/1.1',
			headers: [
				{ name: 'Content-Type', value: 'application/json' },
				{ name: 'Content-Length', value: '2' }
			],
			cookies: [],
			content: { size: 2, mimeType: 'application/json', text: '{}' },
			redirectURL: '',
			headersSize: -1,
			bodySize: 2
		},
		cache: {},
		timings: { send: 0.2, wait: 30.1, receive: 0.4 },
		serverIPAddress: '203.0.113.9'
	};
}

/** The capture a proxy (mitmproxy, Charles) would export from one busy evening of a few phones. */
export function generateRealisticHar(options: { seed?: number; entries?: number } = {}): RealisticCapture {
	const rand = random(options.seed ?? 0x5eed_2026);
	const total = options.entries ?? 20_000;
	const devices = PHONES.map((_, i) => device(rand, i));
	const entries: PlantedEntry[] = [];
	const har: unknown[] = [];
	let clock = Date.UTC(2024, 4, 1, 18);
	let events = 0;
	for (let i = 0; i < total; i++) {
		const sdk = weighted(rand, SDK_WEIGHTS);
		const size = weighted(rand, BATCH_WEIGHTS);
		const d = pick(rand, devices);
		const visits: Visit[] = [];
		for (let e = 0; e < size; e++) visits.push(visit(rand, (clock += 200 + Math.floor(rand() * 3000))));
		const request = BUILDERS[sdk](rand, d, visits);
		har.push(harEntry(request, i, clock + 1000));
		entries.push({ sdk, events: size, ids: request.ids });
		events += size;
	}
	const doc = { log: { version: '1.2', creator: { name: 'mitmproxy har_dump', version: '10.1' }, pages: [], entries: har } };
	return { bytes: new TextEncoder().encode(JSON.stringify(doc, null, 2)), entries, events };
}
