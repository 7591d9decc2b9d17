import { describe, expect, it } from 'vitest';
import { codeSignatureMatches } from '../../../../src/lib/core/classify/destinations/code-signatures';

describe('codeSignatureMatches', () => {
	it.each([
		['java.lang.IllegalStateException\n\tat com.appsflyer.internal.AFb1kSDK.run(Unknown Source:12)', 'AppsFlyer', 'com.appsflyer.'],
		['{"sdk":"com.flurry.android.FlurryAgent"}', 'Flurry', 'com.flurry.'],
		['Caused by: at com.tealium.library.Tealium.track', 'Tealium', '.tealium.'],
		['class=com.umeng.analytics.MobclickAgent', 'Umeng Analytics', 'com.umeng.analytics']
	])('finds the tracker in %s', (text, product, signature) => {
		const match = codeSignatureMatches(text).find((m) => m.product === product);
		expect(match?.signature).toBe(signature);
		expect(text.slice(match!.index, match!.index + match!.found.length)).toBe(match!.found);
	});

	it.each(['com.example.app.MainActivity', 'The company appsflyer makes SDKs', 'version 1.2.3', 'www.google.com'])('finds nothing in %s', (text) => {
		expect(codeSignatureMatches(text)).toEqual([]);
	});

	it('reports each tracker once and stays bounded on large input', () => {
		const text = 'at com.appsflyer.A.b\n'.repeat(100_000);
		const started = performance.now();
		expect(codeSignatureMatches(text)).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});
