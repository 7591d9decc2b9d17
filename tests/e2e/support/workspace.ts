/** Helpers for the request list, which is virtualized: only the rows in view are in the DOM. */
import type { Page } from 'playwright-core';
import { byTestId, RESULT_TIMEOUT } from './app';

/** The number of requests the list shows ("12 of 19 requests"), once no search is running. */
export async function shownRequests(page: Page): Promise<number> {
	const status = byTestId(page, 'filter-status');
	await status.waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
	for (let i = 0; i < 200; i++) {
		const text = await status.innerText();
		const match = /([\d,]+) of [\d,]+ requests/.exec(text);
		if (match && !/Searching/.test(text)) return Number(match[1]!.replace(/,/g, ''));
		await page.waitForTimeout(50);
	}
	throw new Error('the request list kept searching');
}

/** Every row's text in list order, scrolling the list through (rows outside the view are not rendered). */
export async function allRowTexts(page: Page): Promise<string[]> {
	const list = byTestId(page, 'request-list');
	await list.waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
	return list.evaluate(async (element) => {
		const seen = new Map<number, { order: number; text: string }>();
		// No helper functions inside: tsx (the screenshots script) would wrap them in a __name() the page does not have.
		element.scrollTop = 0;
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		for (let guard = 0; guard < 10_000; guard++) {
			for (const row of element.querySelectorAll<HTMLElement>('[data-testid="exchange-row"]')) {
				const top = row.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
				seen.set(Number(row.dataset.index), { order: top, text: row.innerText });
			}
			if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) break;
			element.scrollTop += element.clientHeight;
			await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		}
		return [...seen.values()].sort((a, b) => a.order - b.order).map((row) => row.text);
	});
}

/** Scrolls the list to request `index` (at `position` in the list) as a person would, and clicks it. */
export async function clickRequest(page: Page, index: number, position = index): Promise<void> {
	const list = byTestId(page, 'request-list');
	const found = await list.evaluate(async (element, [at, wanted]) => {
		const rowHeight = element.querySelector<HTMLElement>('[data-testid="exchange-row"]')?.offsetHeight ?? 64;
		// A long jump is taken in a few scrolls, as a wheel or a dragged scrollbar would: the list renders as it goes.
		for (let attempt = 0; attempt < 20; attempt++) {
			if (element.querySelector(`[data-testid="exchange-row"][data-index="${wanted}"]`)) return true;
			element.scrollTop = Math.max(0, at * rowHeight - element.clientHeight / 2);
			element.dispatchEvent(new Event('scroll'));
			await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		}
		return false;
	}, [position, index] as const);
	if (!found) throw new Error(`request ${index} did not appear in the list at position ${position}`);
	const row = page.locator(`[data-testid="exchange-row"][data-index="${index}"]`);
	await row.scrollIntoViewIfNeeded();
	await row.click();
}
