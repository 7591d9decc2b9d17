/**
 * The workspace at real size: a 20,000-request capture loaded once, then every way of finding one's way through it —
 * filters, search, the far end of the list, the keyboard, Back and Forward, reload, another page and back, dark mode.
 * The tests share one page, in order, as a person would use it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { serveBuild, type AppServer } from './support/server';
import { byTestId, collectPageErrors, openApp, RESULT_TIMEOUT } from './support/app';
import { clickRequest, shownRequests } from './support/workspace';
import { HOSTILE_INDEX, NEEDLE_INDEX, NEEDLE_QUERY, WORKSPACE_ENTRIES, workspaceHar } from './support/workspace-capture';
import { HOSTILE_STRINGS } from './support/payloads';

/** Reading and analysing 20,000 requests takes seconds in Chromium on two cores. */
const LOAD_TIMEOUT = 180_000;

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let dir: string;

async function selectedIndex(): Promise<number> {
	const id = await byTestId(page, 'request-list').getAttribute('aria-activedescendant');
	return Number(id?.replace('request-', ''));
}

async function hash(): Promise<string> {
	return page.evaluate(() => decodeURIComponent(location.hash));
}

async function chooseFacet(group: string, value: string): Promise<void> {
	const facet = byTestId(page, `facet-${group}`);
	await facet.locator('summary').click();
	await facet.locator(`[data-testid="facet-option"][data-value="${value}"]`).check();
	await facet.locator('summary').click();
}

describe('the workspace with 20,000 requests', () => {
	beforeAll(async () => {
		[server, browser] = await Promise.all([serveBuild(), launchChromium()]);
		dir = mkdtempSync(join(tmpdir(), 'telltale-workspace-'));
		const path = join(dir, 'phone-hour.har');
		writeFileSync(path, workspaceHar());
		context = await newContext(browser, { serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
		page = await context.newPage();
		errors = collectPageErrors(page);
		await openApp(page, server.origin);
		await page.setInputFiles('[data-testid="file-input"]', path);
		await byTestId(page, 'request-list').waitFor({ state: 'visible', timeout: LOAD_TIMEOUT });
	}, LOAD_TIMEOUT + 30_000);

	afterAll(async () => {
		expect(errors, 'uncaught exceptions in the page').toEqual([]);
		await browser?.close();
		await server?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	test('the list holds only the rows in view, and request 15,000 opens with what it carried', async () => {
		expect(await shownRequests(page)).toBe(WORKSPACE_ENTRIES);
		expect(await byTestId(page, 'exchange-row').count()).toBeLessThan(100);
		await clickRequest(page, NEEDLE_INDEX);
		await expect.poll(() => selectedIndex()).toBe(NEEDLE_INDEX);
		await byTestId(page, 'finding').first().waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
		expect(await byTestId(page, 'findings').innerText()).toContain(NEEDLE_QUERY);
		expect(await hash()).toContain(`request=${NEEDLE_INDEX}`);
	});

	test('a receiver filter keeps that company’s requests, and its chip removes it', async () => {
		await chooseFacet('companies', 'Mixpanel');
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES / 4);
		const hosts = await byTestId(page, 'exchange-row').allInnerTexts();
		expect(hosts.length).toBeGreaterThan(0);
		for (const text of hosts) expect(text).toContain('api.mixpanel.com');
		expect(await hash()).toContain('company=Mixpanel');
		await byTestId(page, 'clear-filters').click();
		await expect.poll(() => shownRequests(page)).toBe(WORKSPACE_ENTRIES);
	});

	test('a data type in the overview filters the list to the requests that carried it', async () => {
		await page.locator('[data-testid="data-type"][data-value="device.imei"]').click();
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES / 4);
		for (const text of await byTestId(page, 'exchange-row').allInnerTexts()) expect(text).toContain('sa.api.intl.miui.com');
		await byTestId(page, 'clear-filters').click();
		await expect.poll(() => shownRequests(page)).toBe(WORKSPACE_ENTRIES);
	});

	test('/ focuses the search; a value found in one decoded body finds that one request, marked', async () => {
		await page.locator('body').click({ position: { x: 5, y: 300 } });
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
		await page.keyboard.type('ZEBRA needle');
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(1);
		const row = byTestId(page, 'exchange-row');
		expect(await row.getAttribute('data-index')).toBe(String(NEEDLE_INDEX));
		expect((await row.locator('mark').allInnerTexts()).join('|').toLowerCase()).toContain('zebra needle');
		await page.keyboard.press('Escape');
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES);
	});

	test('hostile markup found in a value is searched and shown as text, never as markup', async () => {
		const before = await page.evaluate(() => document.querySelectorAll('img, script, iframe, [onerror], [onload]').length);
		await byTestId(page, 'search').fill('<img src=x');
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(1);
		expect(await byTestId(page, 'exchange-row').getAttribute('data-index')).toBe(String(HOSTILE_INDEX));
		expect(await byTestId(page, 'exchange-row').innerText()).toContain('<img src=x');
		await byTestId(page, 'exchange-row').click();
		await byTestId(page, 'finding').first().waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
		expect(await byTestId(page, 'findings').innerText()).toContain(HOSTILE_STRINGS[0]!.slice(0, 12));
		expect(await page.evaluate(() => document.querySelectorAll('img, script, iframe, [onerror], [onload]').length)).toBe(before);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		await byTestId(page, 'search').fill('');
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES);
	});

	test('the keyboard alone goes from the paste box to the list, and arrows, Home and End move the selection', async () => {
		await byTestId(page, 'paste-input').focus();
		let reached = false;
		for (let presses = 0; presses < 40 && !reached; presses++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'listbox');
		}
		expect(reached, 'the request list is reached with Tab within 40 presses').toBe(true);
		await page.keyboard.press('Home');
		await expect.poll(() => selectedIndex()).toBe(0);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => selectedIndex()).toBe(2);
		await page.keyboard.press('End');
		await expect.poll(() => selectedIndex()).toBe(WORKSPACE_ENTRIES - 1);
		await expect.poll(() => page.locator(`#request-${WORKSPACE_ENTRIES - 1}`).isVisible()).toBe(true);
		await page.keyboard.press('PageUp');
		expect(await selectedIndex()).toBeLessThan(WORKSPACE_ENTRIES - 1);
	});

	test('Back and Forward walk through filters and selections; nothing is lost', async () => {
		await clickRequest(page, 3);
		await chooseFacet('companies', 'Mixpanel');
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES / 4);
		await page.goBack();
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES);
		expect(await selectedIndex()).toBe(3);
		await page.goForward();
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES / 4);
		await byTestId(page, 'clear-filters').click();
	});

	test('About and back keeps the report, the place in it and the text in the paste box', async () => {
		await byTestId(page, 'paste-input').fill('draft=keep me');
		await clickRequest(page, 42);
		await page.locator('a[href="/about"]').click();
		await page.waitForURL(/\/about/);
		await page.locator('header a[href="/"]').last().click();
		await byTestId(page, 'request-list').waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
		expect(await byTestId(page, 'progress').count()).toBe(0);
		expect(await byTestId(page, 'paste-input').inputValue()).toBe('draft=keep me');
		expect(await shownRequests(page)).toBe(WORKSPACE_ENTRIES);
		await byTestId(page, 'paste-input').fill('');
	});

	test('a reload in the same tab opens the same capture at the same request and filter', async () => {
		await chooseFacet('companies', 'Mixpanel');
		await clickRequest(page, 6, 1);
		await expect.poll(() => hash()).toContain('request=6');
		await page.reload();
		await byTestId(page, 'request-list').waitFor({ state: 'visible', timeout: LOAD_TIMEOUT });
		await expect.poll(() => shownRequests(page), { timeout: RESULT_TIMEOUT }).toBe(WORKSPACE_ENTRIES / 4);
		await expect.poll(() => selectedIndex(), { timeout: RESULT_TIMEOUT }).toBe(6);
		await byTestId(page, 'clear-filters').click();
	}, LOAD_TIMEOUT);

	test('dark mode follows the system, and the switch overrides it', async () => {
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const isDark = async () => {
			const [r, g, b] = (await background()).match(/\d+/g)!.map(Number);
			return r! + g! + b! < 150;
		};
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await isDark()).toBe(true);
		await page.emulateMedia({ colorScheme: 'light' });
		expect(await isDark()).toBe(false);
		// system → light → dark
		await byTestId(page, 'theme-switch').click();
		await byTestId(page, 'theme-switch').click();
		expect(await byTestId(page, 'theme-switch').getAttribute('data-theme-choice')).toBe('dark');
		expect(await isDark()).toBe(true);
		await byTestId(page, 'theme-switch').click();
		expect(await isDark()).toBe(false);
	});
});
