/**
 * Hardware and SIM identifiers: IMEI, IMSI, ICCID, MEID, Android ID, serial number. Each needs both a
 * value that passes its validator and, except for the most self-evident shapes, a key that names it.
 */
import type { DecodedNode, Occurrence } from '../../model';
import { finding, scalarText, type Detector, type DetectContext } from './detector';
import { isPlaceholder, keyLabel, keyNamesHash } from './key-hints';
import { luhnValid } from './luhn';
import { MCC } from './mcc';
import { hashShape } from './hash-shape';

/** Keys that name "the device" without saying which identifier; a validated shape says which. */
const GENERIC_DEVICE_KEYS = new Set(['deviceid', 'did', 'udid', 'uniqueid', 'hardwareid', 'devid', 'deviceuniqueid', 'device', 'identityandroidid']);
const SERIAL_KEYS = new Set(['serial', 'serialno', 'serialnumber', 'deviceserial', 'hwserial', 'roserialno', 'buildserial', 'sn', 'devicesn', 'sernum']);

/** Every branch of detect below starts from one of these keys. */
function namesDeviceId(k: string): boolean {
	return (
		k.includes('imei') || k.includes('imsi') || k.includes('iccid') || k === 'simserial' || k === 'simserialnumber' || k === 'simserialno' ||
		k.includes('meid') || k.includes('androidid') || k === 'ssaid' || SERIAL_KEYS.has(k) || GENERIC_DEVICE_KEYS.has(k)
	);
}

export const deviceIds: Detector = {
	id: 'device-ids',
	label: 'Hardware and SIM identifiers',
	gate: { key: namesDeviceId },
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null) return [];
		const value = raw.trim();
		if (value.length < 6 || value.length > 128 || isPlaceholder(value)) return [];
		const k = ctx.normKey;
		const out: Occurrence[] = [];

		if (k.includes('imei')) out.push(...namedId(node, ctx, value, 'device.imei', 'IMEI', isNamedImei));
		else if (k.includes('imsi')) out.push(...namedId(node, ctx, value, 'device.imsi', 'IMSI', isImsi));
		else if (k.includes('iccid') || k === 'simserial' || k === 'simserialnumber' || k === 'simserialno') out.push(...namedId(node, ctx, value, 'device.iccid', 'ICCID', isIccid));
		else if (k.includes('meid')) out.push(...namedId(node, ctx, value, 'device.meid', 'MEID', isMeid));
		else if (k.includes('androidid') || k === 'ssaid') out.push(...namedId(node, ctx, value, 'device.android_id', 'Android ID', isAndroidId));
		else if (SERIAL_KEYS.has(k) && !ctx.keyChain.some((c) => c.includes('sim'))) {
			const why = serialShape(value, k);
			if (why) out.push(finding(node, 'device.serial', value, k === 'sn' ? 'medium' : 'high', `${why}, ${keyLabel(ctx.key)}`));
		} else if (GENERIC_DEVICE_KEYS.has(k)) {
			// "device_id" holds whatever the SDK chose; name the identifier only when its shape is unmistakable.
			if (isImei(value)) out.push(finding(node, 'device.imei', value, 'medium', `15 digits, Luhn-valid (an IMEI), ${keyLabel(ctx.key)}`));
			else if (isAndroidId(value)) out.push(finding(node, 'device.android_id', value, 'medium', `16 hex digits (the Android ID's shape), ${keyLabel(ctx.key)}`));
		}
		return out;
	}
};

function namedId(
	node: DecodedNode,
	ctx: DetectContext,
	value: string,
	type: Occurrence['type'],
	label: string,
	valid: (v: string) => string | null
): Occurrence[] {
	const why = valid(value);
	if (why) return [finding(node, type, value, 'high', `${why}, ${keyLabel(ctx.key)}`)];
	const hashed = hashShape(value);
	if (hashed && (keyNamesHash(ctx.keyWords) || value.length >= 32)) {
		return [finding(node, type, value, 'medium', `hashed identifier: ${hashed}, ${keyLabel(ctx.key)} (a hash of the ${label} is as stable as the ${label})`)];
	}
	return [];
}

export function isImei(v: string): string | null {
	return /^\d{15}$/.test(v) && luhnValid(v) ? '15 digits, Luhn-valid' : null;
}

/**
 * The first two digits of an IMEI name the body that issued its type code (GSMA's reporting body identifiers):
 * fifteen Luhn-valid digits with another prefix are an order number or a timestamp, not an IMEI. Only readings
 * without a key need this: a key that names the IMEI already says what the digits are.
 */
const REPORTING_BODIES = new Set(['01', '10', '30', '33', '35', '44', '45', '49', '50', '51', '52', '53', '54', '86', '91', '98', '99']);

export function hasReportingBody(digits: string): boolean {
	return REPORTING_BODIES.has(digits.slice(0, 2));
}

/** Under a key that says "imei", also the 14-digit body without its check digit and the 16-digit IMEISV. */
function isNamedImei(v: string): string | null {
	if (isImei(v)) return '15 digits, Luhn-valid';
	if (/^\d{14}$/.test(v)) return '14 digits (an IMEI without its check digit)';
	if (/^\d{16}$/.test(v)) return '16 digits (an IMEISV)';
	return null;
}

export function isImsi(v: string): string | null {
	if (!/^\d{14,15}$/.test(v)) return null;
	return MCC.has(v.slice(0, 3)) ? `${v.length} digits, country code ${v.slice(0, 3)}` : null;
}

export function isIccid(v: string): string | null {
	const digits = v.replace(/f$/i, '');
	if (!/^89\d{16,18}$/.test(digits)) return null;
	return luhnValid(digits) ? `${digits.length} digits starting 89, Luhn-valid` : `${digits.length} digits starting 89`;
}

export function isMeid(v: string): string | null {
	if (/^[0-9a-f]{14}$/i.test(v) && /^[a-f]/i.test(v)) return '14 hex digits';
	if (/^\d{18}$/.test(v)) return '18 digits (decimal MEID)';
	return null;
}

export function isAndroidId(v: string): string | null {
	if (!/^[0-9a-f]{16}$/i.test(v)) return null;
	return /[a-f]/i.test(v) && /\d/.test(v) ? '16 hex digits' : null;
}

function serialShape(v: string, k: string): string | null {
	if (!/^[A-Za-z0-9]{6,24}$/.test(v)) return null;
	const letters = /[A-Za-z]/.test(v);
	const digits = /\d/.test(v);
	if (k === 'sn' && !(letters && digits && v.length >= 8)) return null;
	if (!digits) return null;
	return `${v.length} characters, serial-number shape`;
}
