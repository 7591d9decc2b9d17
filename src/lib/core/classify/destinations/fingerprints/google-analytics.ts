/**
 * Google Analytics measurement protocol: Universal Analytics hits `v=1&tid=UA-…` on /collect (also /r/collect,
 * /j/collect, /batch), GA4 hits `v=2&tid=G-…` on /g/collect. Facts from Google's Measurement Protocol docs.
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldSources } from './shape';

const UA_ID = /^UA-\d{4,10}-\d{1,4}$/;
const GA4_ID = /^G-[A-Z0-9]{4,12}$/;

export const googleAnalytics: SdkFingerprint = {
	id: 'google-analytics',
	product: 'Google Analytics',
	// Google LLC, publisher of Google Analytics (https://marketingplatform.google.com/about/analytics/).
	vendor: 'Google',
	category: 'analytics',
	match(shape) {
		// A bare payload has no path; a request must hit a collect endpoint.
		if (shape.path !== '' && !/\/(?:g\/|r\/|j\/)?collect$|\/batch$/.test(shape.path)) return null;
		for (const get of fieldSources(shape)) {
			const v = get('v');
			const tid = get('tid');
			if (v === '1' && tid !== null && UA_ID.test(tid)) return 'Universal Analytics hit v=1&tid=UA-…';
			if (v === '2' && tid !== null && GA4_ID.test(tid)) return 'GA4 hit v=2&tid=G-…';
		}
		return null;
	}
};
