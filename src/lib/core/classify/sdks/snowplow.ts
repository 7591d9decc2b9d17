/**
 * Snowplow: trackers send the Snowplow Tracker Protocol, GET /i (or /com.snowplowanalytics.snowplow/i) with the fields
 * in the query, or POST /com.snowplowanalytics.snowplow/tp2 with `{ schema: "iglu:com.snowplowanalytics.snowplow/
 * payload_data/…", data: [ { e, tv, p, aid, url, refr, page, duid, sid, uid, cx | co, ue_px | ue_pr, … } ] }`;
 * `cx` and `ue_px` are base64 JSON (self-describing contexts and events). Collectors are usually self-hosted.
 * Sources:
 *  - https://docs.snowplow.io/docs/sources/trackers/snowplow-tracker-protocol/ (Tracker Protocol: url, refr, page,
 *    duid, nuid/tnuid, uid, sid, vid, ip, ua, tv, e, aid, p, cx, ue_px)
 *  - https://github.com/snowplow/snowplow-javascript-tracker (payload_data schema, tp2 path)
 *  - https://snowplow.io/company (Snowplow Analytics Ltd.)
 * `sid` (session UUID) and `vid` (visit count) are per visit, no person's identifier: not mapped.
 */
import type { DecodedNode } from '../../model';
import type { SdkAdapter } from './adapter';
import { fieldSources, textOf } from './shape';

const PATHS = /(?:^\/i$|\/com\.snowplowanalytics\.snowplow\/(?:tp2|i)$)/;
const TRACKER_VERSION = /^(?:js|java|andr|ios|py|node|go|rb|php|cpp|net|dotnet|rust|lua|unity|flutter|rn|roku|webview)-\d/;
const isHit = (get: (key: string) => string | null) => {
	const tv = get('tv');
	return tv !== null && TRACKER_VERSION.test(tv) && get('e') !== null && (get('p') !== null || get('aid') !== null);
};
const siblingText = (siblings: ReadonlyMap<string, DecodedNode>) => (key: string) => textOf(siblings.get(key));

export const snowplow: SdkAdapter = {
	id: 'snowplow',
	name: 'Snowplow',
	label: 'Snowplow',
	company: 'Snowplow Analytics',
	category: 'analytics',
	listings: [{ hosts: ['snplow.net', 'snowplowanalytics.com'], category: 'analytics', source: 'Snowplow BDP collectors, https://docs.snowplow.io' }],
	endpoints: [
		{
			path: PATHS,
			shape: (siblings) => isHit(siblingText(siblings)),
			params: {
				url: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				refr: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				page: { type: 'browsing.title', as: 'page_title', meaning: 'page title' },
				duid: { type: 'user.id', as: 'device_id', meaning: 'domain user ID (first-party cookie)' },
				nuid: { type: 'user.id', as: 'user_id', meaning: 'network user ID (collector cookie)' },
				tnuid: { type: 'user.id', as: 'user_id', meaning: 'network user ID set by the tracker' },
				uid: { type: 'user.id', as: 'user_id', meaning: 'business user ID' },
				ip: { type: 'network.ip', as: 'ip', meaning: 'IP address override' },
				ua: { type: 'device.model', as: 'user_agent', meaning: 'user-agent override' }
			}
		}
	],
	fingerprint(shape) {
		for (const text of shape.shortTexts) if (text.startsWith('iglu:com.snowplowanalytics.snowplow/payload_data/')) return 'payload_data schema';
		if (shape.path !== '' && !PATHS.test(shape.path)) return null;
		for (const get of fieldSources(shape)) if (isHit(get)) return `tracker protocol hit tv=${get('tv')}`;
		return null;
	}
};
