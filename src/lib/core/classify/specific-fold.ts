/**
 * One value, one meaning per exchange: when a request sends its Android ID as `$device_id` and again as `distinct_id`,
 * the second reading ("a user ID") is the same identifier seen from a vaguer key. The vaguer `user.id` finding is folded
 * into the specific one (its paths and count join it, and the reason says so), so the exchange reports the device's
 * Android ID twice, not an Android ID and a separate user ID.
 */
import { MAX_FINDING_PATHS, type Finding } from '../model';
import { LAYER_SEPARATOR } from '../shared/path';
import { isIdentifierType } from './correlate';

/** Types that say exactly what an identifier is; they absorb a generic `user.id` reading of the same value. */
export const SPECIFIC_TYPES: ReadonlySet<Finding['type']> = new Set<Finding['type']>([
	'device.imei', 'device.imsi', 'device.iccid', 'device.meid', 'device.serial', 'device.android_id', 'device.mac', 'ad.advertising_id',
	'contact.email', 'contact.phone', 'network.bssid', 'auth.secret'
]);

/** MAC addresses and hex IDs are the same value in either case. */
const sameValueKey = (value: string): string => value.toLowerCase();

export function withUserIdsFoldedIntoSpecific(list: Finding[]): Finding[] {
	return withoutIdentifierContainers(withUserIdsFolded(list));
}

function withUserIdsFolded(list: Finding[]): Finding[] {
	let specific: Map<string, Finding> | null = null;
	let userIds = 0;
	for (const f of list) {
		if (f.type === 'user.id') userIds++;
		else if (SPECIFIC_TYPES.has(f.type) && f.type !== 'auth.secret') {
			specific ??= new Map();
			const key = sameValueKey(f.value);
			if (!specific.has(key)) specific.set(key, f);
		}
	}
	if (specific === null || userIds === 0) return list;
	const out: Finding[] = [];
	for (const f of list) {
		const into = f.type === 'user.id' ? specific.get(sameValueKey(f.value)) : undefined;
		if (into === undefined) {
			out.push(f);
			continue;
		}
		into.count += f.count;
		for (const path of f.paths) {
			if (into.paths.length >= MAX_FINDING_PATHS) break;
			if (!into.paths.includes(path)) into.paths.push(path);
		}
		into.reason = `${into.reason}; the same value is also sent at ${f.path}, whose key reads as a user ID`;
	}
	return out;
}

/**
 * A user ID whose own decoded layers hold an identifier found on its own (`udid: "ifa:9e2c…"` read through the
 * tagged-ID codec into the advertising ID) is the wrapping, not a second identifier: the one found inside stands for it.
 */
function withoutIdentifierContainers(list: Finding[]): Finding[] {
	let out: Finding[] | null = null;
	for (let i = 0; i < list.length; i++) {
		const f = list[i]!;
		if (f.type === 'user.id' && f.paths.every((p) => holdsAnIdentifier(list, p))) {
			out ??= list.slice(0, i);
			continue;
		}
		out?.push(f);
	}
	return out ?? list;
}

/** Is an identifier found in a layer below `path` (its path goes on past `path` and a layer separator)? No strings are made. */
function holdsAnIdentifier(list: readonly Finding[], path: string): boolean {
	for (const f of list) {
		for (const p of f.paths) {
			if (p.length > path.length + LAYER_SEPARATOR.length && p.startsWith(path) && p.startsWith(LAYER_SEPARATOR, path.length) && isIdentifierType(f.type)) return true;
		}
	}
	return false;
}
