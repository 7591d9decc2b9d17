/**
 * The SDKs' own values (a homepage, a library name, a version string) are what the SDK says about itself, never
 * about a person: a finding whose value is one of them is dropped, on requests that adapter is in scope for.
 */
import type { DecodedPart, Exchange, Finding } from '../../model';
import type { SdkAdapter } from './adapter';
import { SDK_ADAPTERS } from './index';
import { adaptersOf } from './scope';

const normal = (value: string) => value.trim().toLowerCase();

/** Constant → the adapters that name it. */
const CONSTANTS = new Map<string, SdkAdapter[]>();
for (const adapter of SDK_ADAPTERS) {
	for (const constant of adapter.constants ?? []) {
		const key = normal(constant);
		CONSTANTS.set(key, [...(CONSTANTS.get(key) ?? []), adapter]);
	}
}

/** Findings of the user's own known values are never dropped: the user said they are theirs. */
const KNOWN_VALUES = 'known-values';

export function withoutSdkConstants(findings: Finding[], exchange: Exchange, parts: readonly DecodedPart[]): Finding[] {
	if (CONSTANTS.size === 0) return findings;
	let candidates = false;
	for (const f of findings) {
		if (f.detector !== KNOWN_VALUES && CONSTANTS.has(normal(f.value))) {
			candidates = true;
			break;
		}
	}
	if (!candidates) return findings;
	const inScope = adaptersOf(exchange, parts);
	return findings.filter((f) => f.detector === KNOWN_VALUES || !(CONSTANTS.get(normal(f.value)) ?? []).some((a) => inScope.has(a)));
}
