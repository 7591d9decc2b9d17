/**
 * A capture shaped like an hour of a phone's traffic, for the workspace flows: 20,000 requests to four receivers
 * (Xiaomi's Sensors Analytics batches, Google Analytics hits, Mixpanel events, first-party page loads), with one
 * search query found nowhere else (request 15,000) and hostile markup in a found value (request 8).
 */
import { HOSTILE_STRINGS, makeHar, sensorsFormBody, base64Json, type HarRequest } from './payloads';

export const WORKSPACE_ENTRIES = 20_000;
/** The request that carries NEEDLE_QUERY, and only it. */
export const NEEDLE_INDEX = 15_000;
export const NEEDLE_QUERY = 'zebra needle 42';
export const HOSTILE_INDEX = 8;
export const IMEI = '490154203237518';

function sensorsBatch(index: number, query: string, title: string): HarRequest {
	const events = Array.from({ length: 5 }, (_, k) => ({
		distinct_id: 'a1b2c3d4e5f60718',
		event: '$pageview',
		properties: { $url: `https://www.google.com/search?q=${encodeURIComponent(query)}&n=${k}`, $title: title, imei: IMEI, $model: 'Redmi Note 8 Pro' }
	}));
	return {
		method: 'POST',
		url: `https://sa.api.intl.miui.com/sa?project=global_browser&n=${index}`,
		body: { mimeType: 'application/x-www-form-urlencoded', text: sensorsFormBody(events) }
	};
}

export function workspaceHar(): string {
	const usual = sensorsBatch(0, 'weather tomorrow', 'weather tomorrow - Google Search').body!;
	const mixpanel = `data=${encodeURIComponent(base64Json({ event: 'Viewed', properties: { distinct_id: 'mp-user-77', $device_id: '7c2e5a1d-4b3f-4e8a-9d6c-0f1e2d3c4b5a', token: 'abc' } }))}`;
	const requests: HarRequest[] = [];
	for (let i = 0; i < WORKSPACE_ENTRIES; i++) {
		const kind = i % 4;
		if (i === NEEDLE_INDEX) requests.push(sensorsBatch(i, NEEDLE_QUERY, `${NEEDLE_QUERY} - Google Search`));
		else if (i === HOSTILE_INDEX) requests.push(sensorsBatch(i, HOSTILE_STRINGS[0]!, HOSTILE_STRINGS[1]!));
		else if (kind === 0) requests.push({ method: 'POST', url: `https://sa.api.intl.miui.com/sa?project=global_browser&n=${i}`, body: usual });
		else if (kind === 1)
			requests.push({ method: 'GET', url: `https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&cid=555.666&dl=${encodeURIComponent(`https://news.example/story/${i % 50}`)}&dt=Story` });
		else if (kind === 2) requests.push({ method: 'POST', url: 'https://api.mixpanel.com/track', body: { mimeType: 'application/x-www-form-urlencoded', text: mixpanel } });
		else requests.push({ method: 'GET', url: `https://www.example-news.test/article?id=${i}` });
	}
	return makeHar(requests);
}
