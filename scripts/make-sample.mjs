// Writes src/lib/samples/xiaomi-browser.har: a synthetic capture shaped like the 2020 Xiaomi browser case
// (Sensors Analytics batches whose data_list is base64(gzip(JSON)) carrying visited URLs and searches).
// Every identifier in it is made up; the IMEI is the GSMA's documented example number.
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const device = {
	imei: '490154203237518',
	android_id: '3f1a9c2b7d8e4f60',
	oaid: '7c2e5a1d-4b3f-4e8a-9d6c-0f1e2d3c4b5a',
	distinct_id: 'a1b2c3d4e5f60718'
};
const base = Date.parse('2020-04-14T09:31:07Z');

function event(i, url, title, extra = {}) {
	return {
		distinct_id: device.distinct_id,
		lib: { $lib: 'Android', $lib_version: '4.0.8', $lib_method: 'code' },
		type: 'track',
		event: '$AppViewScreen',
		time: base + i * 41_000,
		_track_id: 1187233 + i,
		properties: {
			$os: 'Android',
			$os_version: '10',
			$model: 'Redmi Note 8 Pro',
			$manufacturer: 'Xiaomi',
			$app_version: '12.1.3-g',
			$screen_width: 1080,
			$screen_height: 2340,
			$carrier: 'Vodafone',
			$network_type: 'WIFI',
			$wifi: true,
			imei: device.imei,
			android_id: device.android_id,
			oaid: device.oaid,
			incognito_mode: true,
			$url: url,
			$title: title,
			...extra
		}
	};
}

const events = [
	event(0, 'https://www.google.com/search?q=symptoms+of+depression&ie=UTF-8', 'symptoms of depression - Google Search', {
		$latest_search_keyword: 'symptoms of depression'
	}),
	event(1, 'https://www.webmd.com/depression/guide/detecting-depression', 'Depression Symptoms: Recognizing Signs'),
	event(2, 'https://www.bing.com/search?q=divorce+lawyer+near+me', 'divorce lawyer near me - Search'),
	event(3, 'https://duckduckgo.com/?q=how+to+clear+browser+history', 'how to clear browser history at DuckDuckGo'),
	event(4, 'https://www.debt.org/advice/bankruptcy/', 'Filing for Bankruptcy: What You Need to Know')
];

const dataList = gzipSync(Buffer.from(JSON.stringify(events))).toString('base64');
function javaHashCode(s) {
	let h = 0;
	for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
	return h;
}
const body = `crc=${javaHashCode(dataList)}&gzip=1&data_list=${encodeURIComponent(dataList)}`;

const mistat = JSON.stringify({
	app: 'com.mi.globalbrowser',
	ver: '12.1.3-g',
	imei_md5: 'd8b8f4a1ce4ad5d2b3f2b3d1f7e1c2a9',
	oaid: device.oaid,
	region: 'ES',
	events: [{ category: 'search', key: 'search_word', value: 'symptoms of depression', ts: base }]
});

const entry = (startedDateTime, method, url, headers, postData, status = 200, responseText = '{"code":0}') => ({
	startedDateTime,
	time: 120,
	request: {
		method,
		url,
		httpVersion: 'HTTP/1.1',
		cookies: [],
		headers,
		queryString: [],
		...(postData ? { postData } : {}),
		headersSize: -1,
		bodySize: postData ? postData.text.length : 0
	},
	response: {
		status,
		statusText: 'OK',
		httpVersion: 'HTTP/1.1',
		cookies: [],
		headers: [{ name: 'Content-Type', value: 'application/json' }],
		content: { size: responseText.length, mimeType: 'application/json', text: responseText },
		redirectURL: '',
		headersSize: -1,
		bodySize: responseText.length
	},
	cache: {},
	timings: { send: 1, wait: 100, receive: 19 }
});

const ua = { name: 'User-Agent', value: 'Mozilla/5.0 (Linux; U; Android 10; Redmi Note 8 Pro) MiuiBrowser/12.1.3-g' };
const har = {
	log: {
		version: '1.2',
		creator: { name: 'Telltale sample (synthetic; shaped like the 2020 Xiaomi browser case)', version: '1' },
		entries: [
			entry('2020-04-14T09:31:07.412Z', 'POST', 'https://sa.api.intl.miui.com/sa?project=global_browser', [
				ua,
				{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }
			], { mimeType: 'application/x-www-form-urlencoded', text: body }),
			entry('2020-04-14T09:31:09.020Z', 'POST', 'https://data.mistat.intl.xiaomi.com/mistats/v3', [
				ua,
				{ name: 'Content-Type', value: 'application/json' }
			], { mimeType: 'application/json', text: mistat }),
			entry(
				'2020-04-14T09:31:10.733Z',
				'GET',
				'https://www.google.com/search?q=symptoms+of+depression&ie=UTF-8',
				[ua],
				null,
				200,
				'<!doctype html><title>symptoms of depression - Google Search</title>'
			)
		]
	}
};
writeFileSync(new URL('../src/lib/samples/xiaomi-browser.har', import.meta.url), JSON.stringify(har, null, 2) + '\n');
console.log('wrote src/lib/samples/xiaomi-browser.har');
