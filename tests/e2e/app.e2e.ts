/** One test per user flow, against the production build in Debian's Chromium. */
import { allRowTexts, clickRequest, shownRequests } from './support/workspace';
import { describe, expect, test } from 'vitest';
import { useAppPage } from './support/lifecycle';
import {
	byTestId,
	decodeFromBox,
	decodedTreeText,
	expandDecodedTree,
	dragFilesOver,
	dropDraggedFiles,
	layerChainText,
	openApp,
	openFiles,
	pasteAnywhere,
	waitForReport
} from './support/app';
import { HOSTILE_STRINGS, base64Json, entryCount, fixtureHar, harEntries, largeHar, smallTrackerHar } from './support/payloads';

const app = useAppPage();

describe('Telltale in the browser', () => {
	test('loads the home page with every way in: paste box, Open file, Try a sample', async () => {
		expect(await app.page.title()).toMatch(/Telltale/);
		for (const id of ['paste-input', 'decode-button', 'open-file', 'try-sample']) {
			await expect(byTestId(app.page, id).isVisible(), id).resolves.toBe(true);
		}
		expect(await byTestId(app.page, 'file-input').getAttribute('type')).toBe('file');
		expect(await byTestId(app.page, 'error-banner').count()).toBe(0);
		expect(await byTestId(app.page, 'report').count()).toBe(0);
	});

	test('decodes a payload typed into the paste box', async () => {
		await decodeFromBox(app.page, base64Json({ event: 'search', query: 'weather in lisbon', device: 'e2e-box' }));
		await waitForReport(app.page);
		expect(await layerChainText(app.page)).toContain('base64 › json');
		expect(await decodedTreeText(app.page)).toContain('weather in lisbon');
		expect(await byTestId(app.page, 'exchange-row').count()).toBe(1);
	});

	test('Ctrl/Cmd+V anywhere on the page analyzes the clipboard text', async () => {
		await pasteAnywhere(app.page, base64Json({ event: 'search', query: 'pasted from the clipboard' }));
		await waitForReport(app.page);
		expect(await layerChainText(app.page)).toContain('base64 › json');
		expect(await decodedTreeText(app.page)).toContain('pasted from the clipboard');
		// The paste went to the app.page, not into the box.
		expect(await byTestId(app.page, 'paste-input').inputValue()).toBe('');
	});

	test('"Try a sample" peels the Sensors batch: form › base64 › gzip › json', async () => {
		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		expect(await byTestId(app.page, 'exchange-row').count()).toBeGreaterThan(1);
		await byTestId(app.page, 'exchange-row').filter({ hasText: 'sa.api.intl.miui.com' }).first().click();
		expect(await layerChainText(app.page)).toContain('form › base64 › gzip › json');
		// These strings exist only inside the gzip layer: seeing them proves the whole chain was peeled.
		await expandDecodedTree(app.page);
		const tree = await decodedTreeText(app.page);
		expect(tree).toContain('https://www.webmd.com/depression/guide/detecting-depression');
		expect(tree).toContain('$AppViewScreen');
		// Where data_list sat in the form body: the codec's range, in the key's tooltip.
		const dataList = app.page.locator('[data-testid="decoded-tree"] [data-path="body › form.data_list"] > .line .key');
		expect(await dataList.getAttribute('title')).toMatch(/^body › form\.data_list\nat [\d,]+–[\d,]+ of this layer's input$/);
	});

	test('a finding names its path through every layer, and clicking it reveals that node in the tree', async () => {
		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		await byTestId(app.page, 'exchange-row').filter({ hasText: 'sa.api.intl.miui.com' }).first().click();
		const imei = byTestId(app.page, 'finding').filter({ hasText: 'device.imei' }).first();
		await imei.waitFor({ state: 'visible', timeout: 30_000 });
		expect(await imei.innerText()).toContain('Luhn');
		// The batch has five events; the IMEI is one row found in five places.
		await imei.locator('summary').click();
		const path = 'body › form.data_list › base64 › gzip › json[3].properties.imei';
		await imei.getByRole('button', { name: path, exact: true }).click();
		// json[3] starts collapsed (depth 3+): only the reveal can have opened it.
		const node = app.page.locator(`[data-testid="decoded-tree"] [data-path="${path}"]`);
		await node.waitFor({ state: 'visible', timeout: 10_000 });
		expect(await node.locator('.line.focused').innerText()).toContain('490154203237518');
	});

	test('"Open file" reads a HAR: one exchange row per entry, in file order', async () => {
		const real = fixtureHar();
		const har = real ?? { name: 'capture.har', content: smallTrackerHar() };
		await openFiles(app.page, [{ ...har, type: 'application/json' }]);
		await waitForReport(app.page);
		const entries = harEntries(har.content);
		await expect.poll(() => shownRequests(app.page), { timeout: 30_000 }).toBe(entries.length);
		const rowTexts = await allRowTexts(app.page);
		expect(rowTexts).toHaveLength(entries.length);
		entries.forEach((entry, index) => expect(rowTexts[index], `row ${index}`).toContain(new URL(entry.request.url).hostname));
	});

	// Every tool writes HAR its own way (BOM, missing pages, -1 sizes, pseudo-headers, websocket messages…).
	test.each(['mitmproxy/chrome.har', 'mitmproxy/firefox.har', 'mitmproxy/safari.har', 'mitmproxy/charles.har', 'mitmproxy/websocket.har', 'harviewer/ie11.fiddler.har'])(
		'reads %s from its tool: no error, one row per entry',
		async (fixture) => {
			const har = fixtureHar(fixture);
			expect(har, `tests/fixtures/har/${fixture}`).not.toBeNull();
			await openFiles(app.page, [{ ...har!, type: 'application/json' }]);
			await waitForReport(app.page);
			await expect.poll(() => shownRequests(app.page), { timeout: 30_000 }).toBe(entryCount(har!.content));
			expect(await allRowTexts(app.page)).toHaveLength(entryCount(har!.content));
			expect(await byTestId(app.page, 'error-banner').count()).toBe(0);
		}
	);

	test('dropping a HAR anywhere on the window shows the drop overlay, then one row per entry', async () => {
		const har = smallTrackerHar();
		await dragFilesOver(app.page, [{ name: 'dropped.har', content: har, type: 'application/json' }]);
		await byTestId(app.page, 'drop-overlay').waitFor({ state: 'visible', timeout: 5_000 });
		await dropDraggedFiles(app.page);
		await byTestId(app.page, 'drop-overlay').waitFor({ state: 'hidden', timeout: 5_000 });
		await waitForReport(app.page);
		const rows = byTestId(app.page, 'exchange-row');
		await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(entryCount(har));
		expect(await rows.nth(1).innerText()).toContain('sa.tracker-example.test');
		expect(await rows.nth(2).innerText()).toContain('collect.analytics-example.test');
	});

	test('hostile markup in a capture is shown as text: no new elements, no dialog, no request', async () => {
		const dialogs: string[] = [];
		app.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const requestsAfterLoad: string[] = [];
		app.page.on('request', (request) => requestsAfterLoad.push(request.url()));
		const countActiveElements = () =>
			app.page.evaluate(() => document.querySelectorAll('img, script, svg[onload], iframe, object, embed, [onerror], [onload]').length);
		const before = await countActiveElements();

		const payload = JSON.stringify({ title: HOSTILE_STRINGS[0], note: HOSTILE_STRINGS[1], svg: HOSTILE_STRINGS[2], frame: HOSTILE_STRINGS[3] });
		await pasteAnywhere(app.page, payload);
		await waitForReport(app.page);
		// And once more, wrapped in base64, so the markup comes out of a decoded layer rather than the raw input.
		await pasteAnywhere(app.page, base64Json({ title: HOSTILE_STRINGS[0], note: HOSTILE_STRINGS[1] }));
		await waitForReport(app.page);
		await app.page.waitForTimeout(500);

		const tree = await decodedTreeText(app.page);
		expect(tree).toContain('<img src=x onerror=');
		expect(tree).toContain('<script>');
		expect(await countActiveElements()).toBe(before);
		expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(dialogs).toEqual([]);
		// An <img src=x> would fetch <origin>/x; the analysis itself needs nothing from the network. Chromium reads the
		// page's own icon again when the URL changes (the hash records where the user is), which is the app, not the capture.
		expect(requestsAfterLoad.filter((url) => !/\/_app\/immutable\/|\/icon\.svg$/.test(url))).toEqual([]);
	});

	test('a truncated HAR shows a specific error and keeps the previous results', async () => {
		const good = smallTrackerHar();
		await openFiles(app.page, [{ name: 'good.har', content: good, type: 'application/json' }]);
		await waitForReport(app.page);
		await expect.poll(() => byTestId(app.page, 'exchange-row').count(), { timeout: 30_000 }).toBe(3);

		const truncated = good.slice(0, Math.floor(good.length * 0.6));
		await openFiles(app.page, [{ name: 'truncated.har', content: truncated, type: 'application/json' }]);
		const banner = byTestId(app.page, 'error-banner');
		await banner.waitFor({ state: 'visible', timeout: 30_000 });
		expect(await banner.getAttribute('role')).toBe('alert');
		const message = await banner.innerText();
		// Specific: says what is wrong and where.
		expect(message).toMatch(/truncated|ends unexpectedly|unexpected end/i);
		expect(message).toMatch(/byte [\d,]+|offset [\d,]+|entry \d+/i);
		// The earlier report is still there, untouched.
		expect(await byTestId(app.page, 'report').isVisible()).toBe(true);
		expect(await byTestId(app.page, 'exchange-row').count()).toBe(3);

		// The entries read before the truncation are offered, and shown only when asked for.
		const action = byTestId(app.page, 'banner-action');
		const label = await action.innerText();
		const complete = Number(/Show the ([\d,]+) complete/.exec(label)?.[1]?.replace(/,/g, ''));
		expect(complete).toBeGreaterThanOrEqual(1);
		expect(complete).toBeLessThan(3);
		await action.click();
		await expect.poll(() => byTestId(app.page, 'exchange-row').count(), { timeout: 10_000 }).toBe(complete);
		expect(await byTestId(app.page, 'error-banner').count()).toBe(0);
	});

	test('Cancel stops a long analysis and the page stays responsive', async () => {
		const big = largeHar(6_000);
		await openFiles(app.page, [{ name: 'big.har', content: big, type: 'application/json' }]);
		const progress = byTestId(app.page, 'progress');
		await progress.waitFor({ state: 'visible', timeout: 10_000 });
		expect((await progress.innerText()).trim().length).toBeGreaterThan(0);

		const cancelledAt = Date.now();
		await byTestId(app.page, 'cancel').click();
		await progress.waitFor({ state: 'hidden', timeout: 5_000 });
		expect(Date.now() - cancelledAt).toBeLessThan(5_000);
		// Nothing from the cancelled run shows up later.
		await app.page.waitForTimeout(1_500);
		expect(await byTestId(app.page, 'exchange-row').count()).toBe(0);

		// The main thread answers at once and the app takes new work.
		const roundTrip = Date.now();
		await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
		expect(Date.now() - roundTrip).toBeLessThan(1_000);
		await decodeFromBox(app.page, base64Json({ after: 'cancel worked' }));
		await waitForReport(app.page);
		expect(await decodedTreeText(app.page)).toContain('cancel worked');
	});

	test('a capture of several ranges is analysed by the pool of workers, and any exchange opens with its findings', async () => {
		// 300 exchanges: three ranges of 128, so the analysis worker spreads them over pool workers (nested workers, same CSP).
		await openFiles(app.page, [{ name: 'three-ranges.har', content: largeHar(300), type: 'application/json' }]);
		await waitForReport(app.page);
		expect(await byTestId(app.page, 'report').innerText()).toMatch(/300 requests/);
		await clickRequest(app.page, 150);
		// Findings are analysed again in the worker when an exchange is opened: they arrive with its trees.
		await byTestId(app.page, 'finding').first().waitFor({ state: 'visible', timeout: 30_000 });
		expect(await byTestId(app.page, 'findings').innerText()).toMatch(/https:\/\/www\.example\.test\/page\//);
		expect(await byTestId(app.page, 'detail-error').count()).toBe(0);
		expect(await byTestId(app.page, 'error-banner').count()).toBe(0);
		await expandDecodedTree(app.page);
		expect(await decodedTreeText(app.page)).toContain('$AppViewScreen');
	});

	test('the about page loads', async () => {
		await openApp(app.page, app.server.origin, '/about');
		expect(await app.page.locator('h1').first().innerText()).toMatch(/\S/);
	});
});
