/**
 * Device model and OS version read out of user-agent strings, as two detectors: one for the User-Agent header,
 * one for user-agent fields inside a payload. The walk (findings.ts) treats them differently by their ids: every
 * HTTP client sends a User-Agent header, so alone it would mark every request of a phone's capture.
 */
import type { Occurrence } from '../../model';
import { finding, scalarText, type Detector, type DetectContext } from './detector';
import { keyLabel } from './key-hints';
import { parseMobileUserAgent } from './user-agent';

const USER_AGENT_KEYS = new Set(['useragent', 'ua', 'httpuseragent', 'browseruseragent']);

/** Reason endings; the ids below, not these texts, are what the walk goes by. */
const HEADER_REASON = 'from the User-Agent header';
const FIELD_REASON = 'read from a user-agent string';

export const USER_AGENT_HEADER_DETECTOR = 'user-agent-header';
export const USER_AGENT_FIELD_DETECTOR = 'user-agent-field';

export const userAgentHeader: Detector = {
	id: USER_AGENT_HEADER_DETECTOR,
	label: 'Device model and OS version in the User-Agent header',
	gate: { key: (k) => USER_AGENT_KEYS.has(k) },
	detect: (node, ctx) => (ctx.partKind === 'header' ? fromUserAgent(node, ctx, HEADER_REASON) : [])
};

export const userAgentField: Detector = {
	id: USER_AGENT_FIELD_DETECTOR,
	label: 'Device model and OS version in a user-agent field',
	gate: { key: (k) => USER_AGENT_KEYS.has(k) },
	detect: (node, ctx) => (ctx.partKind === 'header' ? [] : fromUserAgent(node, ctx, `${FIELD_REASON}, ${keyLabel(ctx.key)}`))
};

/** Model and OS version of an Android or iOS user agent, at medium confidence: the string can be spoofed or generic. */
function fromUserAgent(node: Parameters<typeof finding>[0], ctx: DetectContext, why: string): Occurrence[] {
	const raw = scalarText(node);
	if (raw === null || node.kind !== 'text' || !USER_AGENT_KEYS.has(ctx.normKey)) return [];
	const parsed = parseMobileUserAgent(raw.trim());
	if (!parsed) return [];
	const out: Occurrence[] = [];
	if (parsed.model) out.push(finding(node, 'device.model', parsed.model, 'medium', `device model ${why}`));
	if (parsed.osVersion) out.push(finding(node, 'device.os_version', parsed.osVersion, 'medium', `operating-system version (${parsed.os} ${parsed.osVersion}) ${why}`));
	return out;
}
