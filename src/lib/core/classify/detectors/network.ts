/**
 * Network identifiers: MAC addresses (the device's own, or the Wi-Fi access point's BSSID), Wi-Fi
 * names (SSID), IP addresses (private ones say which network you are on; public ones where you are)
 * and the mobile carrier.
 */
import type { Occurrence } from '../../model';
import { finding, scalarText, type Detector } from './detector';
import { isPlaceholder, keyHas, keyLabel, keyNamesHash } from './key-hints';
import { hashShape } from './hash-shape';
import { keylessPlace } from './keyless';

const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;
const MAC_BARE = /^[0-9a-f]{12}$/i;
/** Android and iOS return this fixed value to apps that may not read the real MAC. */
const MASKED_MACS = new Set(['02:00:00:00:00:00', '00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff']);

const BSSID_KEYS = new Set(['bssid', 'wifibssid', 'apmac', 'routermac', 'wifimac', 'connectedwifibssid', 'wifiap']);
const SSID_KEYS = new Set(['ssid', 'wifissid', 'wifiname', 'connectedwifissid', 'wifi', 'networkname', 'apname']);
const IP_WORDS = new Set(['ip', 'ipv4', 'ipv6', 'ipaddress', 'ipaddr', 'clientip', 'localip', 'wanip', 'lanip', 'remoteip', 'userip', 'deviceip']);
const CARRIER_KEYS = new Set([
	'carrier', 'carriername', 'operator', 'networkoperator', 'networkoperatorname', 'simoperator', 'simoperatorname', 'telecomoperator', 'mobileoperator', 'isp', 'telco'
]);

const namesBssid = (k: string) => BSSID_KEYS.has(k) || k.endsWith('bssid');
const namesMac = (k: string, words: readonly string[]) => k === 'mac' || k.endsWith('mac') || k.startsWith('mac') || words.includes('mac');
const namesSsid = (k: string) => SSID_KEYS.has(k) || k.endsWith('ssid');
const namesIp = (k: string, words: readonly string[]) =>
	keyHas(words, k, IP_WORDS) || (k.endsWith('ip') && k.length <= 8 && !k.endsWith('zip') && !k.endsWith('ship') && !k.endsWith('tip') && !k.endsWith('vip'));

export const network: Detector = {
	id: 'network',
	label: 'Network identifiers',
	gate: {
		key: (k, words) => namesBssid(k) || namesMac(k, words) || namesSsid(k) || namesIp(k, words) || CARRIER_KEYS.has(k),
		// Under any other key only a colon- or dash-separated MAC address is reported.
		other: (_node, _ctx, value) => value !== null && value.length === 17 && MAC.test(value)
	},
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null || node.kind !== 'text') return [];
		const value = raw.trim();
		if (isPlaceholder(value)) return [];
		const k = ctx.normKey;
		const out: Occurrence[] = [];
		const isBssidKey = namesBssid(k);
		const isMacKey = !isBssidKey && namesMac(k, ctx.keyWords);

		if (MAC.test(value) || ((isMacKey || isBssidKey) && MAC_BARE.test(value))) {
			const mac = canonicalMac(value);
			if (MASKED_MACS.has(mac)) return [];
			// With no key, only the colon form: dashes also join other hex pairs (bytes dumps, colour lists).
			const place = isMacKey || isBssidKey ? null : keylessPlace(ctx, node);
			if (place !== null) {
				if (value.charCodeAt(2) !== 0x3a) return [];
				out.push(finding(node, 'device.mac', mac, 'medium', `MAC address by its shape, ${place}${(mac[1] ?? '0') === '2' ? ' (locally administered)' : ''}`));
				return out;
			}
			if (isBssidKey) out.push(finding(node, 'network.bssid', mac, 'high', `MAC address, ${keyLabel(ctx.key)}: the Wi-Fi access point, which places you on a map`));
			else out.push(finding(node, 'device.mac', mac, isMacKey ? 'high' : 'medium', `MAC address${isMacKey ? `, ${keyLabel(ctx.key)}` : ' shape'}${(mac[1] ?? '0') === '2' ? ' (locally administered)' : ''}`));
			return out;
		}
		if (isMacKey || isBssidKey) {
			const hashed = hashShape(value);
			if (hashed && keyNamesHash(ctx.keyWords)) out.push(finding(node, isBssidKey ? 'network.bssid' : 'device.mac', value, 'medium', `hashed identifier: ${hashed}, ${keyLabel(ctx.key)}`));
			return out;
		}
		// Cookie names are the site's own words (Google's `SSID` cookie is a session, not a Wi-Fi name).
		if (namesSsid(k) && ctx.partKind !== 'cookie') {
			const ssid = value.replace(/^"(.*)"$/, '$1');
			if (ssid.length > 0 && ssid.length <= 32 && ssid !== '<unknown ssid>') out.push(finding(node, 'network.ssid', ssid, 'high', `Wi-Fi network name, ${keyLabel(ctx.key)}`));
			return out;
		}
		if (namesIp(k, ctx.keyWords)) {
			const ip = ipKind(value);
			if (ip) out.push(finding(node, 'network.ip', value, ip.private ? 'medium' : 'high', `${ip.label}, ${keyLabel(ctx.key)}`));
			return out;
		}
		if (CARRIER_KEYS.has(k) && value.length <= 48 && !/^https?:/i.test(value)) {
			out.push(finding(node, 'network.carrier', value, 'high', `mobile carrier, ${keyLabel(ctx.key)}`));
		}
		return out;
	}
};

export function canonicalMac(value: string): string {
	const hex = value.replace(/[:-]/g, '').toLowerCase();
	return hex.match(/../g)!.join(':');
}

export function ipKind(value: string): { label: string; private: boolean } | null {
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
	if (v4) {
		const o = v4.slice(1).map(Number);
		if (o.some((n) => n > 255) || v4.slice(1).some((s) => s.length > 1 && s.startsWith('0'))) return null;
		const [a, b] = o as [number, number, number, number];
		if (a === 0 || a === 255 && b === 255) return null;
		if (a === 127) return { label: 'IPv4 loopback address', private: true };
		if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return { label: 'private IPv4 address (your local network)', private: true };
		if (a === 100 && b >= 64 && b <= 127) return { label: 'carrier-grade NAT IPv4 address', private: true };
		if (a === 169 && b === 254) return { label: 'link-local IPv4 address', private: true };
		return { label: 'public IPv4 address', private: false };
	}
	if (value.includes(':') && /^[0-9a-f:.]+$/i.test(value) && value.length >= 3 && value.length <= 45) {
		const groups = value.split(':');
		if (groups.length < 3 || groups.length > 8 || groups.some((g) => g.length > 4 && !g.includes('.'))) return null;
		if ((value.match(/::/g) ?? []).length > 1) return null;
		const lower = value.toLowerCase();
		if (lower === '::' || lower === '::1') return { label: 'IPv6 loopback address', private: true };
		if (lower.startsWith('fe80:')) return { label: 'link-local IPv6 address', private: true };
		if (/^f[cd]/.test(lower)) return { label: 'private IPv6 address', private: true };
		return { label: 'public IPv6 address', private: false };
	}
	return null;
}
