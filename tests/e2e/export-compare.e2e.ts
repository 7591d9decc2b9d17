/**
 * Export and Compare, as a person uses them: the Export menu by keyboard, each format saved as a download and read
 * back (the HTML names the input's SHA-256 and runs no script, the JSON is the command line's report), the sanitized
 * HAR's dialog, and two captures compared beside each other — one identifier persisted, one reset — with a way back
 * that keeps the first capture. Hostile file names stay text; at 390 px in dark mode nothing scrolls sideways.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { useAppPage } from './support/lifecycle';
import { byTestId, openApp, openFiles, RESULT_TIMEOUT, waitForReport, type DroppedFile } from './support/app';
import { HOSTILE_STRINGS, largeHar, makeHar } from './support/payloads';
import { EgressRecorder } from './support/egress';
import { SCREENS_DIR } from './support/screenshot';
import { launchChromium, newContext } from './support/browser';
import { readCapture } from '../../src/lib/core/capture/sniff';
import { analyze } from '../../src/lib/core/report/analyze';

const app = useAppPage();
/** Screenshots of the narrow, dark layouts, for a person to look at (test-results/screens/, or where the variable says). */
const SCRATCH = process.env.TELLTALE_SCREENS_DIR ?? SCREENS_DIR;

const IMEI = '490154203237518';
const IDFA_A = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
const IDFA_B = '0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5';
const trackerUrls = (idfa: string) => [0, 1].map((i) => `https://t${i}.google-analytics.com/c?imei=${IMEI}&idfa=${idfa}&email=me%40example.org`);

/** The first capture: its name is hostile markup (names are captured content too). */
const CAPTURE_A: DroppedFile = { name: `${HOSTILE_STRINGS[0]}.har`, content: makeHar(trackerUrls(IDFA_A).map((url) => ({ method: 'GET', url }))), type: 'application/json' };
/** The second: the IMEI and e-mail again, a new advertising ID, and one more site. */
const CAPTURE_B: DroppedFile = {
	name: `${HOSTILE_STRINGS[2]}.har`,
	content: makeHar([...trackerUrls(IDFA_B), `https://collector.example-b.test/c?imei=${IMEI}`].map((url) => ({ method: 'GET', url }))),
	type: 'application/json'
};

async function load(page: Page, file: DroppedFile): Promise<void> {
	await openFiles(page, [file]);
	await waitForReport(page);
}

async function exportVia(page: Page, item: 'html' | 'md' | 'json'): Promise<{ download: Download; text: string }> {
	await byTestId(page, 'export-menu-button').click();
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: RESULT_TIMEOUT }), byTestId(page, `export-${item}`).click()]);
	const path = await download.path();
	return { download, text: readFileSync(path, 'utf8') };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const activeElements = (page: Page) => page.evaluate(() => document.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]').length);
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('export', () => {
	test('the menu works from the keyboard: arrows open and move, Esc closes and gives focus back', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		const button = byTestId(page, 'export-menu-button');
		await button.focus();
		await page.keyboard.press('ArrowDown');
		await byTestId(page, 'export-menu').waitFor({ state: 'visible' });
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-html');
		await page.keyboard.press('ArrowUp');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-har');
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-md');
		await page.keyboard.press('Escape');
		expect(await byTestId(page, 'export-menu').count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-menu-button');
		// Enter on an item exports it.
		await page.keyboard.press('ArrowDown');
		const [download] = await Promise.all([page.waitForEvent('download', { timeout: RESULT_TIMEOUT }), page.keyboard.press('Enter')]);
		expect(download.suggestedFilename()).toMatch(/\.telltale\.html$/);
	});

	test('HTML evidence: the input SHA-256, its name as text, and no script', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		const { download, text } = await exportVia(page, 'html');
		expect(download.suggestedFilename()).toBe('img src=x onerror=_window.__pwned=1;alert(1)_.telltale.html');
		expect(text).toContain(sha256(CAPTURE_A.content));
		expect(text).toContain(`${Buffer.byteLength(CAPTURE_A.content).toLocaleString('en-US')} bytes`);
		expect(text).not.toMatch(/<script/i);
		expect(text).not.toContain(HOSTILE_STRINGS[0]);
		expect(text).toContain('&lt;img src=x onerror=');
		expect(text).toContain(IMEI);
		await byTestId(page, 'export-saved').waitFor({ state: 'visible' });
		// Nothing loaded was touched.
		expect(await byTestId(page, 'report').isVisible()).toBe(true);
	});

	test('Markdown: the headline, the SHA-256 and the findings', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		const { download, text } = await exportVia(page, 'md');
		expect(download.suggestedFilename()).toMatch(/\.telltale\.md$/);
		expect(text.split('\n')[0]).toMatch(/^# Telltale evidence report: /);
		expect(text).toContain(`| SHA-256 | ${sha256(CAPTURE_A.content)} |`);
		expect(text).toContain(IMEI);
	});

	test('JSON: the command line contract, the same report the core makes of the same bytes', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		const { download, text } = await exportVia(page, 'json');
		expect(download.suggestedFilename()).toMatch(/\.telltale\.json$/);
		const report = JSON.parse(text) as Record<string, unknown>;
		expect(Object.keys(report)).toEqual(['tool', 'input', 'exchanges', 'identifiers', 'summary']);
		const expected = analyze(readCapture({ name: CAPTURE_A.name, bytes: new TextEncoder().encode(CAPTURE_A.content) })).report;
		expect(report).toEqual(JSON.parse(JSON.stringify(expected)));
	});

	test('a long export shows its progress and cancels, leaving the capture loaded and saving nothing', async () => {
		const { page } = app;
		const downloads: string[] = [];
		page.on('download', (download) => downloads.push(download.suggestedFilename()));
		await load(page, { name: 'big.har', content: largeHar(1_500), type: 'application/json' });
		await byTestId(page, 'export-menu-button').click();
		await byTestId(page, 'export-html').click();
		const progress = byTestId(page, 'progress');
		await progress.waitFor({ state: 'visible', timeout: 10_000 });
		await expect.poll(() => progress.innerText(), { timeout: 20_000 }).toMatch(/Analysing [\d.]+ (B|KiB|MiB) of [\d.]+ (KiB|MiB)/);
		await byTestId(page, 'cancel').click();
		await progress.waitFor({ state: 'hidden', timeout: 5_000 });
		expect(await byTestId(page, 'error-banner').innerText()).toContain('Export cancelled');
		await page.waitForTimeout(1_000);
		expect(downloads).toEqual([]);
		expect(await byTestId(page, 'report').isVisible()).toBe(true);
		// The holder still answers: another request opens with its detail.
		await byTestId(page, 'exchange-row').nth(1).click();
		await byTestId(page, 'layer-chain').first().waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
	}, 120_000);

	test('Sanitized HAR: choices, a preview of what will change, and a saved HAR that still parses and holds none of the values', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		await byTestId(page, 'export-menu-button').click();
		await byTestId(page, 'export-har').click();
		const dialog = byTestId(page, 'sanitize-dialog');
		await dialog.waitFor({ state: 'visible' });
		expect(await byTestId(page, 'sanitize-mask-all').isChecked()).toBe(true);
		expect(await byTestId(page, 'sanitize-keep').count()).toBe(3);
		await byTestId(page, 'sanitize-preview-button').click();
		const preview = byTestId(page, 'sanitize-preview');
		await preview.waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
		const previewText = await preview.innerText();
		expect(previewText).toMatch(/\d+ values will be masked/);
		expect(previewText).toContain('IMEI-1');
		// The preview hints at what goes, never shows it.
		expect(previewText).not.toContain(IMEI);
		const [download] = await Promise.all([page.waitForEvent('download', { timeout: RESULT_TIMEOUT }), byTestId(page, 'sanitize-save').click()]);
		expect(download.suggestedFilename()).toMatch(/\.sanitized\.har$/);
		const text = readFileSync(await download.path(), 'utf8');
		const har = JSON.parse(text) as { log: { version: string; entries: Array<{ request: { url: string } }> } };
		expect(har.log.version).toBe('1.2');
		expect(har.log.entries).toHaveLength(2);
		for (const value of [IMEI, IDFA_A, 'me@example.org', 'me%40example.org']) expect(text).not.toContain(value);
		// The same IMEI is the same placeholder in both requests, so correlation survives; the receivers stay.
		for (const entry of har.log.entries) expect(entry.request.url).toMatch(/^https:\/\/t[01]\.google-analytics\.com\/c\?imei=IMEI-1&/);
		expect(await byTestId(page, 'report').isVisible()).toBe(true);
	});
});

describe('compare', () => {
	async function compareWithB(page: Page): Promise<void> {
		await byTestId(page, 'compare-button').click();
		await byTestId(page, 'compare-dialog').waitFor({ state: 'visible' });
		await byTestId(page, 'compare-file-input').setInputFiles([{ name: CAPTURE_B.name, mimeType: 'application/json', buffer: Buffer.from(CAPTURE_B.content) }]);
		await byTestId(page, 'compare-view').waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
	}

	const counts = async (page: Page, section: string) =>
		Promise.all(['both', 'onlyA', 'onlyB'].map(async (set) => Number(await byTestId(page, `compare-${section}-${set}`).locator('[data-testid="compare-count"]').innerText())));

	test('one identifier persisted, one reset, one new site; hostile names stay text; Back keeps the first capture', async () => {
		const { page } = app;
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await load(page, CAPTURE_A);
		const before = await activeElements(page);
		await compareWithB(page);

		expect(await byTestId(page, 'compare-name-a').innerText()).toBe(CAPTURE_A.name);
		expect(await byTestId(page, 'compare-name-b').innerText()).toBe(CAPTURE_B.name);
		expect(await byTestId(page, 'compare-persisted-count').innerText()).toBe('2');
		const persisted = await byTestId(page, 'compare-persisted-row').allInnerTexts();
		expect(persisted.some((row) => row.includes(IMEI) && row.includes('example-b.test'))).toBe(true);
		expect(persisted.some((row) => row.includes('me@example.org'))).toBe(true);
		const changed = await byTestId(page, 'compare-changed-row').allInnerTexts();
		expect(changed).toHaveLength(1);
		expect(changed[0]).toContain('Advertising ID');
		expect(changed[0]).toContain('reset');
		expect(changed[0]).toContain(IDFA_A.toLowerCase());
		expect(changed[0]).toContain(IDFA_B.toLowerCase());
		expect(await counts(page, 'sites')).toEqual([1, 0, 1]);
		expect(await byTestId(page, 'compare-sites-both').innerText()).toContain('Google');
		expect(await byTestId(page, 'compare-sites-onlyB').innerText()).toContain('example-b.test');
		expect(await counts(page, 'types')).toEqual([3, 0, 0]);
		expect(await counts(page, 'values')).toEqual([2, 1, 1]);
		expect(await byTestId(page, 'compare-headline').innerText()).toBe(
			'2 identifier values persisted across both captures; 1 identifier type reset (a new value in the second); 1 site only in the second.'
		);
		// The hostile names are shown, as text.
		expect(await byTestId(page, 'compare-sites-onlyB').getAttribute('aria-label')).toContain(CAPTURE_B.name);
		expect(await activeElements(page)).toBe(before);
		expect(await pwned(page)).toBeUndefined();
		expect(dialogs).toEqual([]);

		// Back: the first capture, as it was; the comparison one click away.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('compare-back');
		await byTestId(page, 'compare-back').click();
		await waitForReport(page);
		expect(await page.locator('.summary h2').first().innerText()).toBe(CAPTURE_A.name);
		await byTestId(page, 'show-comparison').click();
		await byTestId(page, 'compare-view').waitFor({ state: 'visible' });
	});

	test('with a capture kept in this browser: a capture compared with itself persisted everything', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		await byTestId(page, 'keep-capture').click();
		await expect.poll(() => byTestId(page, 'keep-capture').innerText(), { timeout: 10_000 }).toContain('Kept in this browser');
		await byTestId(page, 'compare-button').click();
		await byTestId(page, 'compare-kept').first().click();
		await byTestId(page, 'compare-view').waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
		expect(await byTestId(page, 'compare-persisted-count').innerText()).toBe('3');
		expect(await byTestId(page, 'compare-changed-count').innerText()).toBe('0');
		expect(await counts(page, 'values')).toEqual([3, 0, 0]);
	});

	test('a file dropped on the compare dialog is the second capture, never a replacement of the first', async () => {
		const { page } = app;
		await load(page, CAPTURE_A);
		await byTestId(page, 'compare-button').click();
		const dialog = byTestId(page, 'compare-dialog');
		await dialog.waitFor({ state: 'visible' });
		await dialog.evaluate((element, file) => {
			const dataTransfer = new DataTransfer();
			dataTransfer.items.add(new File([file.content], file.name, { type: 'application/json' }));
			const init = { dataTransfer, bubbles: true, cancelable: true, composed: true };
			element.dispatchEvent(new DragEvent('dragenter', init));
			element.dispatchEvent(new DragEvent('dragover', init));
			element.dispatchEvent(new DragEvent('drop', init));
		}, CAPTURE_B);
		await byTestId(page, 'compare-view').waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
		expect(await byTestId(page, 'compare-name-a').innerText()).toBe(CAPTURE_A.name);
		expect(await byTestId(page, 'compare-name-b').innerText()).toBe(CAPTURE_B.name);
	});

	test('at 390 px in dark mode nothing scrolls sideways: the menu, the dialogs, the compare view', async () => {
		const { page } = app;
		await page.setViewportSize({ width: 390, height: 844 });
		await page.emulateMedia({ colorScheme: 'dark' });
		await load(page, CAPTURE_A);
		await byTestId(page, 'export-menu-button').click();
		await byTestId(page, 'export-menu').waitFor({ state: 'visible' });
		expect(await sideways(page), 'export menu').toBe(0);
		const menuBox = await byTestId(page, 'export-menu').boundingBox();
		expect(menuBox!.x).toBeGreaterThanOrEqual(0);
		expect(menuBox!.x + menuBox!.width).toBeLessThanOrEqual(390);
		await page.screenshot({ path: join(SCRATCH, 'export-menu-390-dark.png') });
		await byTestId(page, 'export-har').click();
		await byTestId(page, 'sanitize-dialog').waitFor({ state: 'visible' });
		expect(await sideways(page), 'sanitize dialog').toBe(0);
		await page.screenshot({ path: join(SCRATCH, 'sanitize-390-dark.png') });
		await byTestId(page, 'sanitize-close').click();
		await compareWithB(page);
		expect(await sideways(page), 'compare view').toBe(0);
		await page.screenshot({ path: join(SCRATCH, 'compare-390-dark.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 860 });
		await page.screenshot({ path: join(SCRATCH, 'compare-1280-dark.png'), fullPage: true });
	});
});

describe('nothing leaves the machine', () => {
	test('exporting and comparing contact only the app; the exported page requests nothing and runs no script', async () => {
		const browser = await launchChromium();
		try {
			const context = await newContext(browser, { serviceWorkers: 'block' });
			const recorder = new EgressRecorder(app.server.origin);
			await recorder.attach(context);
			const page = await context.newPage();
			await openApp(page, app.server.origin);
			await load(page, CAPTURE_A);
			const { download } = await exportVia(page, 'html');
			await byTestId(page, 'compare-button').click();
			await byTestId(page, 'compare-file-input').setInputFiles([{ name: CAPTURE_B.name, mimeType: 'application/json', buffer: Buffer.from(CAPTURE_B.content) }]);
			await byTestId(page, 'compare-view').waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
			recorder.assertNoEgress();

			// The evidence report, opened as a reader would: one request (the file itself), no script.
			// Saved under its own name: a file:// page is typed by its extension.
			const path = join(mkdtempSync(join(tmpdir(), 'telltale-e2e-')), download.suggestedFilename());
			await download.saveAs(path);
			// A context of its own: the recorder's route would refuse the file:// URL itself.
			const readerContext = await newContext(browser);
			const reader = await readerContext.newPage();
			const requests: string[] = [];
			reader.on('request', (request) => requests.push(request.url()));
			await reader.goto(`file://${path}`);
			expect(requests.map((url) => decodeURI(url))).toEqual([`file://${path}`]);
			expect(await reader.evaluate(() => document.scripts.length)).toBe(0);
			expect(await reader.locator('h1').innerText()).toBe('Telltale evidence report');
			await readerContext.close();
			await context.close();
		} finally {
			await browser.close();
		}
	});
});
