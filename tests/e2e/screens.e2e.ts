/** Pictures of the app for people to look at (test-results/screens/*.png); the assertions only check they were taken. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { serveBuild, type AppServer } from './support/server';
import { byTestId, openApp, waitForReport } from './support/app';
import { saveScreenshot } from './support/screenshot';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const VIEWPORTS = [
	{ name: 'desktop', viewport: { width: 1280, height: 860 } },
	{ name: 'phone', viewport: { width: 390, height: 844 } }
];

describe('screenshots', () => {
	for (const { name, viewport } of VIEWPORTS) {
		test(`home page and decoded sample (${name})`, async () => {
			const context = await newContext(browser, { viewport, serviceWorkers: 'block' });
			try {
				const page = await context.newPage();
				await openApp(page, server.origin);
				const home = await saveScreenshot(page, `home-${name}`);
				expect(home.bytes).toBeGreaterThan(2_000);

				await byTestId(page, 'try-sample').click();
				await waitForReport(page);
				const sample = await saveScreenshot(page, `sample-${name}`);
				expect(sample.bytes).toBeGreaterThan(2_000);
				const whole = await saveScreenshot(page, `sample-${name}-full`, { fullPage: true });
				expect(whole.bytes).toBeGreaterThan(sample.bytes);
			} finally {
				await context.close();
			}
		});
	}
});
