/** Device model and operating-system version: not unique alone, but part of every device fingerprint. */
import type { Occurrence } from '../../model';
import { finding, keyAbove, scalarText, type Detector } from './detector';
import { isPlaceholder, keyLabel } from './key-hints';

/** Device model and OS version under keys of their own; those read out of user-agent strings are user-agent-devices.ts's. */

const MODEL_KEYS = new Set(['model', 'devicemodel', 'phonemodel', 'hardwaremodel', 'modelname', 'devicename', 'productmodel', 'mobilemodel', 'romodel', 'deviceproduct']);
const OS_VERSION_KEYS = new Set([
	'osversion', 'osv', 'osver', 'systemversion', 'platformversion', 'androidversion', 'iosversion', 'romversion', 'miuiversion',
	'osversionname', 'os', 'systemname', 'osname', 'osvers', 'androidosversion', 'buildversion', 'versionrelease', 'firmwareversion', 'systemos'
]);

const OS_PARENTS = new Set(['os', 'system', 'platform', 'operatingsystem']);

export const deviceInfo: Detector = {
	id: 'device-info',
	label: 'Device model and OS version',
	gate: {
		key: (k) => MODEL_KEYS.has(k) || OS_VERSION_KEYS.has(k),
		other: (_node, ctx) => ctx.normKey === 'version' && OS_PARENTS.has(keyAbove(ctx, 1) ?? '')
	},
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null) return [];
		const value = raw.trim();
		const k = ctx.normKey;
		if (value.length === 0 || value.length > 64 || isPlaceholder(value)) return [];
		const out: Occurrence[] = [];
		const parent = keyAbove(ctx, 1) ?? '';
		// `os: { name, version }` (Segment, Sentry) and `device: { model }`.
		const osVersionHere = OS_VERSION_KEYS.has(k) || (k === 'version' && OS_PARENTS.has(parent));
		if (MODEL_KEYS.has(k) && node.kind === 'text' && /[A-Za-z]/.test(value) && !/^https?:/i.test(value)) {
			out.push(finding(node, 'device.model', value, 'high', `${k === 'devicename' ? 'device name (often the owner\u2019s name)' : 'device model'}, ${keyLabel(ctx.key)}`));
		} else if (osVersionHere && /\d/.test(value) && /^[\w .()\-/,]+$/.test(value)) {
			out.push(finding(node, 'device.os_version', value, 'high', `operating-system version, ${keyLabel(ctx.key)}`));
		}
		return out;
	}
};
