/**
 * Google Analytics for Firebase posts protobuf batches to app-measurement.com/a. Inside, the app is named by its
 * GMP app ID (`1:<project number>:android:<hex>`) and events use reserved short names (`_s` session start,
 * `_e` engagement, `_vs` screen view) with the `_o` origin parameter. Facts from Firebase's public SDK docs.
 */
import type { SdkFingerprint } from './fingerprint';

const GMP_APP_ID = /^1:\d{6,15}:(?:android|ios|web):[0-9a-f]{6,40}$/;
const RESERVED_EVENTS = ['_s', '_e', '_vs', '_ab', '_ui', '_si', '_sn', '_sc', '_et', '_fot', '_f', '_v', '_sid', '_sno'];

export const firebase: SdkFingerprint = {
	id: 'firebase',
	product: 'Google Analytics for Firebase',
	// Google LLC: Firebase is Google's (https://firebase.google.com; github.com/firebase/firebase-android-sdk, "Copyright Google LLC").
	vendor: 'Google',
	category: 'analytics',
	match(shape) {
		if (shape.host !== null && /(?:^|\.)app-measurement\.com$/.test(shape.host) && shape.path === '/a') return 'measurement batch POST /a on app-measurement.com';
		let appId = false;
		for (const text of shape.shortTexts) if (GMP_APP_ID.test(text)) appId = true;
		if (!appId) return null;
		const reserved = RESERVED_EVENTS.filter((name) => shape.shortTexts.has(name)).length;
		if (shape.shortTexts.has('_o') && reserved >= 2) return 'GMP app ID 1:…:android|ios:… with reserved events (_o, _s, _e…)';
		return null;
	}
};
