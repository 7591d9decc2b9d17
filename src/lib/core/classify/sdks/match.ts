/**
 * Naming the SDK behind a request from the shape of its payload, whatever the host: the adapters' fingerprints
 * in registry order, the first that recognises the shape wins (the registry lists the most specific shapes first).
 */
import type { SdkAdapter } from './adapter';
import type { PayloadShape } from './shape';
import { SDK_ADAPTERS } from './index';

export interface FingerprintMatch {
	adapter: SdkAdapter;
	evidence: string;
}

const WITH_FINGERPRINT = SDK_ADAPTERS.filter((a) => a.fingerprint !== undefined);

export function matchFingerprint(shape: PayloadShape): FingerprintMatch | null {
	for (const adapter of WITH_FINGERPRINT) {
		const evidence = adapter.fingerprint!(shape);
		if (evidence) return { adapter, evidence };
	}
	return null;
}

/** Adapters that can name an SDK from its payload. */
export const FINGERPRINTED: readonly SdkAdapter[] = WITH_FINGERPRINT;

export { shapeOf, type PayloadShape } from './shape';
