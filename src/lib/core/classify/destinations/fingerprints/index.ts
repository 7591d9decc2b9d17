/** Every SDK fingerprint; the most specific shapes first. Adding an SDK = one new file + one line here. */
import type { SdkFingerprint } from './fingerprint';
import type { PayloadShape } from './shape';
import { sensorsAnalytics } from './sensors-analytics';
import { mixpanel } from './mixpanel';
import { googleAnalytics } from './google-analytics';
import { firebase } from './firebase';
import { facebookAppEvents } from './facebook-app-events';
import { adjust } from './adjust';
import { appsflyer } from './appsflyer';
import { amplitude } from './amplitude';
import { segment } from './segment';
import { umeng } from './umeng';
import { appMetrica } from './appmetrica';
import { sentry } from './sentry';
import { branch } from './branch';
import { braze } from './braze';

export const FINGERPRINTS: readonly SdkFingerprint[] = [
	sensorsAnalytics,
	mixpanel,
	googleAnalytics,
	firebase,
	facebookAppEvents,
	adjust,
	appsflyer,
	amplitude,
	segment,
	umeng,
	appMetrica,
	sentry,
	branch,
	braze
];

export interface FingerprintMatch {
	fingerprint: SdkFingerprint;
	evidence: string;
}

export function matchFingerprint(shape: PayloadShape): FingerprintMatch | null {
	for (const fingerprint of FINGERPRINTS) {
		const evidence = fingerprint.match(shape);
		if (evidence) return { fingerprint, evidence };
	}
	return null;
}

export type { SdkFingerprint } from './fingerprint';
export { shapeOf, type PayloadShape } from './shape';
