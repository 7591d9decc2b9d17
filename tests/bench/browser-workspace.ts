/**
 * The workspace at 20,000 requests in Chromium (the production build): how long the overview takes to render once the
 * report arrives, and what scrolling the list, filtering, searching decoded values, opening a request and the capture-wide
 * views cost the main thread. Long tasks are recorded with a PerformanceObserver around each step. Not a timed test:
 * numbers and a verdict against the targets (no task over 50 ms; a search answers within 300 ms; the overview
 * renders within 200 ms of the report arriving).
 */
import type { Page } from 'playwright-core';
import { newContext } from '../e2e/support/browser';
import { NEEDLE_INDEX, NEEDLE_QUERY, workspaceHar } from '../e2e/support/workspace-capture';
import { recordLongTasks, withBuiltApp } from './built-app';
import type { Machine } from './harness';

export const BROWSER_WORKSPACE_ID = 'browser-workspace-20000';
const LONG_TASK_TARGET_MS = 50;
const SEARCH_TARGET_MS = 300;
const OVERVIEW_TARGET_MS = 200;
const SANKEY_TARGET_MS = 200;
/** The search box waits this long after the last key before it asks (FilterBar's SEARCH_DELAY_MS). */
const TYPING_DELAY_MS = 150;

export interface StepResult {
	name: string;
	/** From the action to its visible result. */
	ms: number;
	longestTaskMs: number;
	pass: boolean;
	/** Measured without a target of its own. */
	informational?: boolean;
}

export interface BrowserWorkspaceResult {
	fileBytes: number;
	overviewMs: number;
	steps: StepResult[];
	pass: boolean;
}

async function longestTaskSince(page: Page, since: number): Promise<number> {
	return page.evaluate((start) => {
		const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
		return tasks.filter((t) => t.start + t.duration >= start).reduce((max, t) => Math.max(max, t.duration), 0);
	}, since);
}

async function step(page: Page, name: string, action: () => Promise<void>, done: () => Promise<unknown>, limitMs = Number.POSITIVE_INFINITY, subtractMs = 0): Promise<StepResult> {
	await page.waitForTimeout(300);
	const start = await page.evaluate(() => performance.now());
	await action();
	await done();
	const ms = (await page.evaluate(() => performance.now())) - start - subtractMs;
	await page.waitForTimeout(100);
	const longestTaskMs = await longestTaskSince(page, start);
	return { name, ms, longestTaskMs, pass: longestTaskMs <= LONG_TASK_TARGET_MS && ms <= limitMs };
}

const waitForCount = (page: Page, count: string) => page.waitForFunction((text) => document.querySelector('[data-testid="filter-status"]')?.textContent?.includes(text), count, { timeout: 60_000 });

export async function runBrowserWorkspace(): Promise<BrowserWorkspaceResult> {
	const har = new TextEncoder().encode(workspaceHar());
	return withBuiltApp('workspace-20000.har', har, async ({ browser, origin, harPath }) => {
		const context = await newContext(browser, { viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await recordLongTasks(page);
		await page.goto(`${origin}/`);
		await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
		await page.setInputFiles('[data-testid="file-input"]', harPath);
		await page.waitForSelector('[data-testid="request-list"]', { timeout: 10 * 60_000 });
		await page.waitForFunction(() => performance.getEntriesByName('telltale:overview-rendered').length > 0);
		const overviewMs = await page.evaluate(() => performance.getEntriesByName('telltale:overview-rendered')[0]!.duration);

		const steps: StepResult[] = [];
		const list = page.locator('[data-testid="request-list"]');
		steps.push(
			await step(
				page,
				'scroll the list through 20,000 rows (60 jumps)',
				async () => {
					await list.evaluate(async (element) => {
						// Read once: reading scrollHeight after each jump forced a layout inside the benchmark's own task.
						const height = element.scrollHeight;
						for (let i = 1; i <= 60; i++) {
							element.scrollTop = (height * i) / 60;
							await new Promise((resolve) => requestAnimationFrame(resolve));
						}
					});
				},
				() => page.waitForSelector('[data-testid="exchange-row"][data-index="19999"]')
			)
		);
		steps.push(
			await step(
				page,
				'filter by a receiver',
				async () => {
					await page.locator('[data-testid="facet-companies"] summary').click();
					await page.locator('[data-testid="facet-companies"] [data-value="Mixpanel"]').check();
				},
				() => waitForCount(page, '5,000 of 20,000')
			)
		);
		await page.locator('[data-testid="clear-filters"]').click();
		await waitForCount(page, '20,000 of 20,000');
		steps.push(
			await step(
				page,
				'search the decoded values (answer time, without the 150 ms typing delay)',
				() => page.locator('[data-testid="search"]').fill(NEEDLE_QUERY),
				() => waitForCount(page, '1 of 20,000'),
				SEARCH_TARGET_MS,
				TYPING_DELAY_MS
			)
		);
		steps.push(
			await step(
				page,
				`open request ${NEEDLE_INDEX.toLocaleString('en-US')}`,
				() => page.locator(`[data-testid="exchange-row"][data-index="${NEEDLE_INDEX}"]`).click(),
				() => page.waitForSelector('[data-testid="finding"]')
			)
		);
		await page.locator('[data-testid="clear-filters"]').click();
		await waitForCount(page, '20,000 of 20,000');
		// The issue sets a target for the Sankey (drawn within 200 ms); the other views are measured and reported.
		// Each view is done when its first drawn mark is there (the Sankey's bands, not just its heading).
		const drawn: Record<string, string> = { flow: 'sankey-band', leaks: 'leak-value', identifiers: 'identifier-row', timeline: 'timeline-lane' };
		for (const view of ['flow', 'leaks', 'identifiers', 'timeline']) {
			const tab = page.locator(`[data-testid="view-tab-${view}"]`);
			const result = await step(page, `open the ${view} view`, () => tab.click(), () => page.waitForSelector(`[data-testid="${drawn[view]}"]`));
			steps.push(view === 'flow' ? { ...result, pass: result.ms <= SANKEY_TARGET_MS } : { ...result, pass: true, informational: true });
		}
		await context.close();
		return { fileBytes: har.length, overviewMs, steps, pass: overviewMs <= OVERVIEW_TARGET_MS && steps.every((s) => s.pass) };
	});
}

export function browserWorkspaceSection(r: BrowserWorkspaceResult, m: Machine): string {
	return [
		`<!-- bench:${BROWSER_WORKSPACE_ID} -->`,
		'### Chromium: finding one’s way through 20,000 requests',
		'',
		`A generated capture of 20,000 requests to four receivers (${(r.fileBytes / 1024 / 1024).toFixed(0)} MB), loaded in the production build at 1440 × 900. Each step is timed from the action to its visible result, and every main-thread task over 50 ms during it is recorded (PerformanceObserver). Targets (issue #12): no task over ${LONG_TASK_TARGET_MS} ms while scrolling, filtering, searching or opening a request; a search answers within ${SEARCH_TARGET_MS} ms; the overview renders within ${OVERVIEW_TARGET_MS} ms of the report arriving, the Sankey within ${SANKEY_TARGET_MS} ms of opening its view. The other views are measured for reference.`,
		'',
		'| step | time | longest main-thread task | result |',
		'| --- | --- | --- | --- |',
		`| overview rendered after the report arrived | ${r.overviewMs.toFixed(0)} ms | — | ${r.overviewMs <= OVERVIEW_TARGET_MS ? 'PASS' : 'FAIL'} |`,
		...r.steps.map((s) => `| ${s.name} | ${s.ms.toFixed(0)} ms | ${s.longestTaskMs.toFixed(0)} ms | ${s.informational ? 'measured (no target)' : s.pass ? 'PASS' : 'FAIL'} |`),
		'',
		`One run. ${m.date}, Node ${m.node}, ${m.cpu} (${m.cores} cores), ${m.memory} RAM, ${m.os}.`,
		`<!-- /bench:${BROWSER_WORKSPACE_ID} -->`
	].join('\n');
}
