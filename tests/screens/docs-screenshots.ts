/**
 * `npm run screenshots`: every view of the workspace, light and dark, at 1440 and 768 px, written to docs/screenshots/
 * (linked from the README). The capture is the e2e workspace capture (20,000 requests, four receivers), opened in the
 * production build in Debian's Chromium, as the workspace e2e tests open it. Then the sanitized-HAR preview and the library
 * on that capture, and a comparison of two small captures (a phone in normal and in private mode: the IMEI and e-mail
 * persist, the advertising ID is reset, one more site).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, newContext } from '../e2e/support/browser';
import { serveBuild } from '../e2e/support/server';
import { openApp } from '../e2e/support/app';
import { clickRequest } from '../e2e/support/workspace';
import { NEEDLE_INDEX, workspaceHar } from '../e2e/support/workspace-capture';
import { makeHar } from '../e2e/support/payloads';

const OUT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../docs/screenshots');
const WIDTHS = [
	{ width: 1440, height: 900 },
	{ width: 768, height: 1024 }
];
const SCHEMES = ['light', 'dark'] as const;

async function shoot(page: Page, name: string): Promise<void> {
	for (const scheme of SCHEMES) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.waitForTimeout(150);
		const width = page.viewportSize()!.width;
		await page.screenshot({ path: join(OUT, `${name}-${width}-${scheme}.png`), animations: 'disabled' });
	}
}

async function showWorkspace(page: Page): Promise<void> {
	await page.evaluate(() => document.getElementById('workspace')?.scrollIntoView({ block: 'start' }));
	await page.waitForTimeout(200);
}

const IMEI = '490154203237518';
const trackers = (idfa: string) => [0, 1].map((i) => `https://t${i}.google-analytics.com/c?imei=${IMEI}&idfa=${idfa}&email=me%40example.org`);

async function shootCompare(browser: Awaited<ReturnType<typeof launchChromium>>, origin: string, viewport: { width: number; height: number }, dir: string): Promise<void> {
	const normal = join(dir, 'normal-mode.har');
	const incognito = join(dir, 'private-mode.har');
	writeFileSync(normal, makeHar(trackers('6D92078A-8246-4BA4-AE5B-76104861E7DC').map((url) => ({ method: 'GET', url }))));
	writeFileSync(incognito, makeHar([...trackers('0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5'), `https://collector.example-b.test/c?imei=${IMEI}`].map((url) => ({ method: 'GET', url }))));
	const context = await newContext(browser, { viewport, serviceWorkers: 'block' });
	const page = await context.newPage();
	await openApp(page, origin);
	await page.setInputFiles('[data-testid="file-input"]', normal);
	await page.waitForSelector('[data-testid="report"]');
	await page.click('[data-testid="compare-button"]');
	await page.setInputFiles('[data-testid="compare-file-input"]', incognito);
	await page.waitForSelector('[data-testid="compare-view"]', { timeout: 120_000 });
	await page.waitForTimeout(300);
	await shoot(page, 'compare');
	await context.close();
}

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const dir = mkdtempSync(join(tmpdir(), 'telltale-screens-'));
	const har = join(dir, 'phone-hour.har');
	writeFileSync(har, workspaceHar());
	const [server, browser] = await Promise.all([serveBuild(), launchChromium()]);
	try {
		for (const viewport of WIDTHS) {
			const context = await newContext(browser, { viewport, serviceWorkers: 'block' });
			const page = await context.newPage();
			await openApp(page, server.origin);
			await shoot(page, 'home');
			await page.setInputFiles('[data-testid="file-input"]', har);
			await page.waitForSelector('[data-testid="request-list"]', { timeout: 300_000 });
			await page.waitForTimeout(500);
			await shoot(page, 'overview');
			await showWorkspace(page);
			await clickRequest(page, NEEDLE_INDEX);
			await page.waitForSelector('[data-testid="finding"]');
			await showWorkspace(page);
			await shoot(page, 'request-findings');
			for (const tab of ['decoded', 'headers', 'timing', 'raw']) {
				await page.click(`[data-testid="detail-tab-${tab}"]`);
				await page.waitForTimeout(200);
				await shoot(page, `request-${tab}`);
			}
			await page.fill('[data-testid="search"]', 'zebra');
			await page.waitForFunction(() => /^1 of/.test(document.querySelector('[data-testid="filter-status"]')?.textContent?.trim() ?? ''));
			await shoot(page, 'search');
			await page.click('[data-testid="clear-filters"]');
			for (const view of ['flow', 'leaks', 'identifiers', 'timeline']) {
				await page.click(`[data-testid="view-tab-${view}"]`);
				await page.waitForSelector(`#view-panel-${view} > *`);
				await page.waitForTimeout(400);
				await showWorkspace(page);
				await shoot(page, `view-${view}`);
			}
			await page.click('[data-testid="export-menu-button"]');
			await page.click('[data-testid="export-har"]');
			await page.click('[data-testid="sanitize-preview-button"]');
			await page.waitForSelector('[data-testid="sanitize-preview"]', { timeout: 300_000 });
			await shoot(page, 'export-sanitize');
			await page.click('[data-testid="sanitize-close"]');
			await page.click('[data-testid="keep-capture"]');
			await page.waitForSelector('[data-testid="keep-capture"][disabled]', { timeout: 120_000 });
			await page.click('[data-testid="library-button"]');
			await page.waitForSelector('[data-testid="library-dialog"][open]');
			await page.waitForTimeout(300);
			await shoot(page, 'library');
			await page.keyboard.press('Escape');
			await context.close();
			await shootCompare(browser, server.origin, viewport, dir);
		}
	} finally {
		await browser.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
	process.stdout.write(`screenshots written to ${OUT}\n`);
}

await main();
