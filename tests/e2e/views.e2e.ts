/**
 * The capture-wide views and the request detail, one flow each: every count is a way into the list, copy puts the
 * right text on the clipboard, the keyboard alone reaches a decoded value, hostile markup stays text in every view and
 * tab, and nothing scrolls sideways at 390 px.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from './support/lifecycle';
import { byTestId, openFiles, waitForReport } from './support/app';
import { shownRequests } from './support/workspace';
import { HOSTILE_STRINGS, makeHar, sensorsFormBody } from './support/payloads';

const app = useAppPage();

async function trySample(page: Page): Promise<void> {
	await byTestId(page, 'try-sample').click();
	await waitForReport(page);
}

async function openView(page: Page, view: string): Promise<void> {
	await byTestId(page, `view-tab-${view}`).click();
	await page.waitForSelector(`#view-panel-${view} > *`);
}

const activeElements = (page: Page) => page.evaluate(() => document.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]').length);

/** Hostile markup everywhere a capture can put text: the URL, headers, a cookie, found values, the response, a host-like value. */
function hostileHar(): string {
	const events = HOSTILE_STRINGS.map((text, i) => ({
		distinct_id: `u-${i}-${text}`,
		event: '$pageview',
		properties: { $url: `https://www.google.com/search?q=${encodeURIComponent(text)}`, $title: text, imei: '490154203237518' }
	}));
	const har = JSON.parse(
		makeHar([
			{ method: 'POST', url: `https://sa.api.intl.miui.com/sa?project=${encodeURIComponent(HOSTILE_STRINGS[0]!)}`, body: { mimeType: 'application/x-www-form-urlencoded', text: sensorsFormBody(events) } },
			{ method: 'GET', url: `https://www.google-analytics.com/g/collect?v=2&cid=1.2&dt=${encodeURIComponent(HOSTILE_STRINGS[1]!)}` }
		])
	) as { log: { entries: Array<{ request: { headers: unknown[] }; response: { content: { text: string } } }> } };
	for (const entry of har.log.entries) {
		entry.request.headers.push({ name: 'Cookie', value: `sid=${HOSTILE_STRINGS[2]}` }, { name: 'X-Note', value: HOSTILE_STRINGS[3] });
		entry.response.content.text = HOSTILE_STRINGS.join('\n');
	}
	return JSON.stringify(har);
}

describe('views of the whole capture', () => {
	test('Data flow: a band names its flow, and selecting it lists exactly those requests', async () => {
		await trySample(app.page);
		await openView(app.page, 'flow');
		const band = byTestId(app.page, 'sankey-band').first();
		const name = (await band.getAttribute('aria-label')) ?? '';
		const count = Number(/: ([\d,]+) requests?/.exec(name)?.[1]?.replace(/,/g, ''));
		expect(name).toMatch(/→/);
		expect(count).toBeGreaterThan(0);
		await band.focus();
		await app.page.keyboard.press('Enter');
		await byTestId(app.page, 'request-list').waitFor({ state: 'visible' });
		expect(await shownRequests(app.page)).toBe(count);
		expect(await byTestId(app.page, 'view-tab-requests').getAttribute('aria-selected')).toBe('true');
	});

	test('What leaked: a value lists the requests that carried it', async () => {
		await trySample(app.page);
		await openView(app.page, 'leaks');
		const value = byTestId(app.page, 'leak-value').first();
		const label = (await value.getAttribute('aria-label')) ?? '';
		const count = Number(/list the ([\d,]+) requests?/.exec(label)?.[1]?.replace(/,/g, ''));
		expect(count).toBeGreaterThan(0);
		await value.click();
		expect(await shownRequests(app.page)).toBe(count);
	});

	test('Identifiers: each value with the companies it reached; its count lists its requests', async () => {
		await trySample(app.page);
		await openView(app.page, 'identifiers');
		const row = byTestId(app.page, 'identifier-row').first();
		await row.waitFor({ state: 'visible' });
		const button = row.locator('td.requests button');
		const count = Number(/([\d,]+) requests?/.exec(await button.innerText())?.[1]?.replace(/,/g, ''));
		expect(count).toBeGreaterThanOrEqual(2);
		await button.click();
		expect(await shownRequests(app.page)).toBe(count);
	});

	test('Timeline: one lane per receiver, and a typed time range lists the requests in it', async () => {
		await trySample(app.page);
		await openView(app.page, 'timeline');
		expect(await byTestId(app.page, 'timeline-lane').count()).toBeGreaterThanOrEqual(2);
		await byTestId(app.page, 'view-timeline').locator('button[type="submit"]').click();
		// The form starts at the whole capture: every request with a time is in it.
		expect(await shownRequests(app.page)).toBe(3);
		expect(await app.page.evaluate(() => location.hash)).toMatch(/from=\d+/);
	});
});

describe('the request detail', () => {
	test('copy puts the value, its path, and the request as curl and fetch on the clipboard', async () => {
		await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
		await trySample(app.page);
		const clipboard = () => app.page.evaluate(() => navigator.clipboard.readText());
		const finding = byTestId(app.page, 'finding').first();
		await finding.waitFor({ state: 'visible' });
		const value = (await finding.locator('.value').first().innerText()).trim();
		await finding.locator('[data-testid="copy-value"]').click();
		expect(await clipboard()).toBe(value);
		await expect.poll(() => finding.locator('[data-testid="copy-value"]').innerText()).toMatch(/Copied/);
		await app.page.locator('[data-testid="copy-path"]:visible').first().click();
		expect(await clipboard()).toMatch(/^(body|query|header|cookie)\b.* › /);
		await byTestId(app.page, 'copy-curl').click();
		expect(await clipboard()).toMatch(/^curl '/);
		await byTestId(app.page, 'copy-fetch').click();
		expect(await clipboard()).toMatch(/^fetch\("https:\/\//);
	});

	test('the keyboard alone goes from the paste box to a value in the decoded tree', async () => {
		await trySample(app.page);
		await byTestId(app.page, 'paste-input').focus();
		const role = () => app.page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);
		let presses = 0;
		while ((await role()) !== 'listbox' && presses++ < 40) await app.page.keyboard.press('Tab');
		expect(await role()).toBe('listbox');
		await app.page.keyboard.press('Home');
		while ((await role()) !== 'tab' && presses++ < 60) await app.page.keyboard.press('Tab');
		expect(await role()).toBe('tab');
		// The first tab of the detail is the selected one (the views' tabs come before the list).
		while (!(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid')?.startsWith('detail-tab-'))) && presses++ < 80) await app.page.keyboard.press('Tab');
		await app.page.keyboard.press('ArrowRight');
		expect(await byTestId(app.page, 'detail-tab-decoded').getAttribute('aria-selected')).toBe('true');
		while ((await role()) !== 'treeitem' && presses++ < 100) await app.page.keyboard.press('Tab');
		expect(await role()).toBe('treeitem');
		const before = await app.page.evaluate(() => document.activeElement?.textContent);
		await app.page.keyboard.press('ArrowDown');
		expect(await role()).toBe('treeitem');
		expect(await app.page.evaluate(() => document.activeElement?.textContent)).not.toBe(before);
		expect(presses).toBeLessThan(100);
	});
});

describe('hostile content and narrow screens', () => {
	test('hostile markup stays text in the list, every detail tab and every view', async () => {
		const dialogs: string[] = [];
		app.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const before = await activeElements(app.page);
		await openFiles(app.page, [{ name: 'hostile.har', content: hostileHar(), type: 'application/json' }]);
		await waitForReport(app.page);
		for (const tab of ['findings', 'decoded', 'headers', 'cookies', 'timing', 'raw']) {
			await byTestId(app.page, `detail-tab-${tab}`).click();
			await app.page.waitForTimeout(100);
		}
		expect(await byTestId(app.page, 'report').innerText()).toContain('<img src=x onerror=');
		for (const view of ['flow', 'leaks', 'identifiers', 'timeline']) {
			await openView(app.page, view);
			await app.page.waitForTimeout(100);
		}
		expect(await app.page.locator('#view-panel-timeline').count()).toBe(1);
		await openView(app.page, 'leaks');
		expect(await byTestId(app.page, 'view-leaks').innerText()).toContain('<script>');
		expect(await activeElements(app.page)).toBe(before);
		expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(dialogs).toEqual([]);
	});

	test('at 390 px nothing scrolls sideways, in the list, the detail or any view', async () => {
		await app.page.setViewportSize({ width: 390, height: 844 });
		await trySample(app.page);
		const sideways = () => app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(await sideways()).toBe(0);
		await byTestId(app.page, 'exchange-row').first().click();
		await byTestId(app.page, 'back-to-list').waitFor({ state: 'visible' });
		for (const tab of ['findings', 'decoded', 'headers', 'timing', 'raw']) {
			await byTestId(app.page, `detail-tab-${tab}`).click();
			expect(await sideways(), `detail tab ${tab}`).toBe(0);
		}
		await byTestId(app.page, 'back-to-list').click();
		await byTestId(app.page, 'request-list').waitFor({ state: 'visible' });
		for (const view of ['flow', 'leaks', 'identifiers', 'timeline']) {
			await openView(app.page, view);
			expect(await sideways(), `view ${view}`).toBe(0);
		}
	});
});
