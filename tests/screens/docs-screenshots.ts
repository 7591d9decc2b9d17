/**
 * `npm run screenshots`: every view of the workspace, light and dark, at 1440 and 768 px, written to docs/screenshots/
 * (linked from the README). The capture is the e2e workspace capture (20,000 requests, four receivers), opened in the
 * production build in Debian's Chromium, as the workspace e2e tests open it.
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
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
	process.stdout.write(`screenshots written to ${OUT}\n`);
}

await main();
