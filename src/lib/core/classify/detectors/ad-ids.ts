/**
 * Advertising IDs (Google GAID/AAID, Apple IDFA, the Chinese OAID): a UUID (or, for some OAIDs, 16 or
 * 64 hex digits) under a key that names it. An all-zero ID means the user limited ad tracking: that is
 * reported as such (confidence low, reason says so), never as a leak — see isOptedOutAdId.
 */
import type { Occurrence } from '../../model';
import { finding, scalarText, type Detector } from './detector';
import { keyLabel, keyNamesHash } from './key-hints';
import { hashShape } from './hash-shape';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Normalised keys that name an advertising ID outright. */
const AD_ID_KEYS = new Set([
	'gaid', 'gpsadid', 'googleadid', 'googleaid', 'advertisingid', 'advertiserid', 'adid', 'idfa', 'aaid', 'oaid', 'ifa', 'adsid',
	'androidadvertisingid', 'googleadvertisingid', 'gadid', 'advertisingidentifier', 'adtrackingid', 'mobileadid', 'madid', 'identityoaid',
	'identityidfa', 'identitygaid', 'deviceadid', 'adsidentifier', 'adverid', 'advid'
]);

/** `k`: the normalised key without trailing digits. */
function namesAdId(k: string): boolean {
	return AD_ID_KEYS.has(k) || k.endsWith('oaid') || k.startsWith('idfa') || k.startsWith('gaid') || k.startsWith('oaid');
}

export const adIds: Detector = {
	id: 'ad-ids',
	label: 'Advertising IDs',
	gate: { key: (normKey) => namesAdId(normKey.replace(/\d+$/, '')) },
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null || node.kind !== 'text') return [];
		const value = raw.trim();
		const k = ctx.normKey.replace(/\d+$/, '');
		if (!namesAdId(k)) return [];
		const out: Occurrence[] = [];
		if (UUID.test(value)) {
			if (value === ZERO_UUID) {
				out.push(finding(node, 'ad.advertising_id', value, 'low', `all zeros, ${keyLabel(ctx.key)}: the user opted out of ad tracking, so no advertising ID was sent`));
			} else {
				out.push(finding(node, 'ad.advertising_id', value.toLowerCase(), 'high', `UUID, ${keyLabel(ctx.key)}`));
			}
		} else if (k.includes('oaid') && /^[0-9a-f]{16}$/i.test(value) && !/^0+$/.test(value)) {
			out.push(finding(node, 'ad.advertising_id', value, 'high', `16 hex digits (a Xiaomi-style OAID), ${keyLabel(ctx.key)}`));
		} else {
			const hashed = hashShape(value);
			if (hashed && keyNamesHash(ctx.keyWords)) {
				out.push(finding(node, 'ad.advertising_id', value, 'medium', `hashed identifier: ${hashed}, ${keyLabel(ctx.key)}`));
			}
		}
		return out;
	}
};

export function isOptedOutAdId(f: Occurrence): boolean {
	return f.type === 'ad.advertising_id' && f.value === ZERO_UUID;
}
