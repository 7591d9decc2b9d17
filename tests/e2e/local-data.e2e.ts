/**
 * The flows that keep data in this browser (IndexedDB) at the user's request: their own identifiers, an imported
 * tracker list, and captures kept for later. Each must survive a reload and be removable.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { serveBuild, type AppServer } from './support/server';
import { byTestId, collectPageErrors, openApp, openFiles, waitForReport } from './support/app';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

/** The IMEI in the bundled sample (the GSMA's documented example number). */
const SAMPLE_IMEI = '490154203237518';

/** One request to a host no bundled list knows, so only an imported list can name its owner. */
function harTo(host: string): string {
	return JSON.stringify({
		log: {
			version: '1.2',
			creator: { name: 'e2e', version: '1' },
			entries: [
				{
					startedDateTime: '2024-05-01T10:00:00.000Z',
					request: { method: 'GET', url: `https://${host}/collect?event=open`, headers: [], cookies: [], queryString: [] },
					response: { status: 204, headers: [], content: { size: 0, mimeType: 'text/plain' } },
					timings: {}
				}
			]
		}
	});
}

beforeAll(async () => {
	[server, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

beforeEach(async () => {
	context = await newContext(browser, { serviceWorkers: 'block' });
	page = await context.newPage();
	pageErrors = collectPageErrors(page);
	await openApp(page, server.origin);
});

afterEach(async () => {
	await context?.close();
	expect(pageErrors, 'uncaught exceptions in the page').toEqual([]);
});

async function openSettings(): Promise<void> {
	const panel = byTestId(page, 'settings-panel');
	if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

describe('data kept in this browser, at the user\'s request', () => {
	test('a known identifier is found in the capture, says so, and is remembered after a reload', async () => {
		await openSettings();
		await byTestId(page, 'known-type').selectOption('device.imei');
		await byTestId(page, 'known-value').fill(SAMPLE_IMEI);
		await byTestId(page, 'known-add').click();
		await expect.poll(() => byTestId(page, 'settings-panel').innerText()).toContain(SAMPLE_IMEI);

		await page.reload();
		await openApp(page, server.origin);
		await openSettings();
		await expect.poll(() => byTestId(page, 'settings-panel').innerText(), { timeout: 10_000 }).toContain(SAMPLE_IMEI);

		await byTestId(page, 'try-sample').click();
		await waitForReport(page);
		await byTestId(page, 'exchange-row').filter({ hasText: 'sa.api.intl.miui.com' }).first().click();
		const imei = byTestId(page, 'finding').filter({ hasText: SAMPLE_IMEI }).first();
		await imei.waitFor({ state: 'visible', timeout: 30_000 });
		expect(await byTestId(page, 'findings').innerText()).toMatch(/matches your known/i);
	});

	test('an imported tracker list names a host no bundled list knows; a broken list gets a located error', async () => {
		const host = 'beacon.acme-metrics.test';
		await openFiles(page, [{ name: 'capture.har', content: harTo(host), type: 'application/json' }]);
		await waitForReport(page);
		expect(await byTestId(page, 'report').innerText()).not.toContain('Acme Metrics');

		await openSettings();
		await byTestId(page, 'list-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('domain,company,category\n"unterminated,Acme\n') });
		await expect.poll(() => byTestId(page, 'settings-panel').innerText(), { timeout: 10_000 }).toMatch(/broken\.csv: .*line \d+/i);

		await byTestId(page, 'list-input').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('domain,company,category\nacme-metrics.test,Acme Metrics,analytics\n') });
		await expect.poll(() => byTestId(page, 'settings-panel').innerText(), { timeout: 10_000 }).toContain('mine.csv');

		await openFiles(page, [{ name: 'capture-again.har', content: harTo(host), type: 'application/json' }]);
		await expect.poll(() => byTestId(page, 'report').innerText(), { timeout: 30_000 }).toContain('Acme Metrics');
	});

	test('a kept capture survives a reload, opens again, and can be deleted', async () => {
		await byTestId(page, 'try-sample').click();
		await waitForReport(page);
		await byTestId(page, 'keep-capture').click();
		// The write to IndexedDB is done when the button says so.
		await expect.poll(() => byTestId(page, 'keep-capture').innerText(), { timeout: 10_000 }).toContain('Kept in this browser');

		await page.reload();
		await openApp(page, server.origin);
		const kept = byTestId(page, 'kept-captures');
		await kept.waitFor({ state: 'visible', timeout: 10_000 });
		expect(await kept.innerText()).toContain('xiaomi-browser-sample.har');

		await kept.getByRole('button', { name: /^xiaomi-browser-sample\.har/ }).click();
		await waitForReport(page);
		expect(await byTestId(page, 'exchange-row').count()).toBe(3);

		await page.reload();
		await openApp(page, server.origin);
		await byTestId(page, 'kept-captures').getByRole('button', { name: 'Delete all' }).click();
		await byTestId(page, 'kept-captures').waitFor({ state: 'detached', timeout: 10_000 });
		await page.reload();
		await openApp(page, server.origin);
		expect(await byTestId(page, 'kept-captures').count()).toBe(0);
	});
});
