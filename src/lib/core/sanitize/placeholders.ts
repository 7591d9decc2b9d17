/**
 * Consistent placeholders: within one capture the same value of the same kind is always the same placeholder
 * (`IMEI-1`), the next distinct one `IMEI-2`, so correlation across exchanges survives sanitizing.
 *
 * Text gets `LABEL-n`. A number (a JSON number, a protobuf varint) gets the number `n` itself, so the document
 * keeps its types (a JSON number stays a number, a varint a varint); the change list names its kind.
 */
import type { MaskKind } from './types';

const LABELS: Record<string, string> = {
	'device.imei': 'IMEI',
	'device.imsi': 'IMSI',
	'device.iccid': 'ICCID',
	'device.meid': 'MEID',
	'device.serial': 'SERIAL',
	'device.android_id': 'ANDROID-ID',
	'device.mac': 'MAC',
	'device.model': 'DEVICE-MODEL',
	'device.os_version': 'OS-VERSION',
	'ad.advertising_id': 'AD-ID',
	'user.id': 'USER-ID',
	'contact.email': 'EMAIL',
	'contact.phone': 'PHONE',
	'location.coordinates': 'LOCATION',
	'network.ip': 'IP',
	'network.ssid': 'SSID',
	'network.bssid': 'BSSID',
	'network.carrier': 'CARRIER',
	'browsing.url': 'URL',
	'browsing.search_query': 'SEARCH',
	'browsing.title': 'TITLE',
	'app.package': 'APP',
	'app.screen': 'SCREEN',
	'media.played': 'MEDIA',
	'auth.secret': 'SECRET',
	cookie: 'COOKIE',
	credential: 'TOKEN',
	'jwt-signature': 'SIGNATURE',
	whole: 'REDACTED'
};

export function labelOf(kind: MaskKind): string {
	return LABELS[kind] ?? 'VALUE';
}

export interface Placeholder {
	kind: MaskKind;
	/** 1, 2, … within its label. */
	n: number;
	text: string;
}

export class Placeholders {
	private readonly byValue = new Map<string, Placeholder>();
	private readonly counts = new Map<string, number>();

	/** The placeholder of `value` as `kind` (the first kind a value was given wins: one value, one placeholder). */
	of(value: string, kind: MaskKind): Placeholder {
		const known = this.byValue.get(value);
		if (known) return known;
		const label = labelOf(kind);
		const n = (this.counts.get(label) ?? 0) + 1;
		this.counts.set(label, n);
		const placeholder = { kind, n, text: `${label}-${n}` };
		// Whole replacements are never looked up by value: they are not kept.
		if (kind !== 'whole') this.byValue.set(value, placeholder);
		return placeholder;
	}

	known(value: string): Placeholder | undefined {
		return this.byValue.get(value);
	}

	/** Distinct values per label. */
	tally(): Record<string, number> {
		return Object.fromEntries(this.counts);
	}
}

/** Says something of a value without giving it away: `35…, 15 chars`. */
export function hintOf(value: string): string {
	const chars = [...value];
	return chars.length <= 4 ? `${chars.length} chars` : `${chars.slice(0, 2).join('')}…, ${chars.length} chars`;
}
