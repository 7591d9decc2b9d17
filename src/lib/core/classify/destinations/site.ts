/** Host normalisation and host → site (eTLD+1), never throwing on a captured host. */
import { parse } from 'tldts';

/** DNS names are at most 253 characters; anything longer is not a host and is never pattern-matched. */
export const MAX_HOST_LENGTH = 253;

export type HostKind = 'name' | 'ip' | 'loopback' | 'private';

export interface SiteInfo {
	/** Lower case, ASCII (punycode), without brackets, port or trailing dot. */
	host: string;
	/** eTLD+1 for names; the address itself for IPs; the host for names without a public suffix. */
	site: string;
	kind: HostKind;
}

export function normalizeHost(raw: string): string {
	let host = raw.trim().toLowerCase();
	if (host.startsWith('[')) {
		const end = host.indexOf(']');
		return end > 0 ? host.slice(1, end) : host.slice(1);
	}
	// host:port (but not a bare IPv6 address, which has several colons)
	const colon = host.indexOf(':');
	if (colon >= 0 && host.indexOf(':', colon + 1) < 0) host = host.slice(0, colon);
	host = host.replace(/\.+$/, '');
	if (/[^\x00-\x7f]/.test(host)) host = toAscii(host);
	return host;
}

/** Unicode host → punycode through the URL parser, which every runtime (browser, worker, Node) has. */
function toAscii(host: string): string {
	try {
		return new URL(`http://${host}/`).hostname;
	} catch {
		return host;
	}
}

export function siteOf(rawHost: string): SiteInfo {
	const host = normalizeHost(rawHost);
	if (host === 'localhost' || host.endsWith('.localhost')) return { host, site: host, kind: 'loopback' };
	const parsed = parse(host, { allowPrivateDomains: false, validateHostname: false });
	if (parsed.isIp) return { host, site: host, kind: ipKind(host) };
	return { host, site: parsed.domain ?? host, kind: 'name' };
}

function ipKind(ip: string): HostKind {
	if (ip.includes(':')) {
		if (ip === '::1') return 'loopback';
		if (/^f[cd]/.test(ip) || /^fe[89ab]/.test(ip)) return 'private';
		const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
		return mapped ? ipKind(mapped[1]!) : 'ip';
	}
	const [a, b] = ip.split('.').map(Number) as [number, number];
	if (a === 127) return 'loopback';
	if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
	return 'ip';
}
