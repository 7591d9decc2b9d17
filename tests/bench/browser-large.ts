/**
 * A 300 MB capture in Chromium: the realistic capture generator (batches of 1–50 events, five SDKs) at about
 * 51,000 requests, opened in the production build. It records the time to the overview and the peak resident set
 * of the renderer process that runs the page and its analysis worker (VmHWM in /proc, which a crash cannot hide),
 * against the file's size. Not a timed test: numbers and a verdict (the overview shows every exchange).
 */
import { readFileSync } from 'node:fs';
import { generateRealisticHar } from './realistic-capture';
import { newContext } from '../e2e/support/browser';
import { withBuiltApp } from './built-app';
import type { Machine } from './harness';

/** About 300 MB of HAR (the generator writes about 5.9 KB a request). */
const ENTRIES = 51_000;
const OVERVIEW_TIMEOUT_MS = 30 * 60 * 1000;

export const BROWSER_LARGE_ID = 'browser-large-300mb';

export interface BrowserLargeResult {
	fileBytes: number;
	overviewMs: number;
	exchanges: number;
	/** Peak resident set of the renderer processes (page and worker), from /proc/<pid>/status VmHWM. */
	rendererPeakBytes: number;
	error: string | null;
	pass: boolean;
}

export async function runBrowserLarge(): Promise<BrowserLargeResult> {
	const { bytes } = generateRealisticHar({ entries: ENTRIES });
	return withBuiltApp('realistic-300mb.har', bytes, async ({ browser, origin, harPath }) => {
		const page = await (await newContext(browser)).newPage();
		await page.goto(`${origin}/`);
		await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
		const cdp = await browser.newBrowserCDPSession();
		const startedAt = Date.now();
		await page.setInputFiles('[data-testid="file-input"]', harPath);
		let error: string | null = null;
		let exchanges = 0;
		try {
			await page.waitForSelector('[data-testid="report"], [role="alert"]', { timeout: OVERVIEW_TIMEOUT_MS });
			const text = (await page.textContent('[data-testid="report"]').catch(() => null)) ?? '';
			const match = /([\d,]+) requests?\b/.exec(text);
			exchanges = match ? Number(match[1]!.replace(/,/g, '')) : 0;
			if (exchanges === 0) error = (await page.textContent('[role="alert"]').catch(() => null)) ?? 'no overview';
		} catch (e) {
			error = e instanceof Error ? e.message.split('\n', 1)[0]! : String(e);
		}
		const overviewMs = Date.now() - startedAt;
		const rendererPeakBytes = await rendererPeak(cdp);
		return { fileBytes: bytes.length, overviewMs, exchanges, rendererPeakBytes, error, pass: error === null && exchanges === ENTRIES };
	});
}

/** The largest peak resident set among the renderer processes Chromium reports. */
async function rendererPeak(cdp: import('playwright-core').CDPSession): Promise<number> {
	const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
	let peak = 0;
	for (const { type, id } of processInfo) {
		if (type !== 'renderer') continue;
		const status = readFileSync(`/proc/${id}/status`, 'utf8');
		const kib = /VmHWM:\s+(\d+) kB/.exec(status);
		if (kib) peak = Math.max(peak, Number(kib[1]) * 1024);
	}
	return peak;
}

export function browserLargeSection(r: BrowserLargeResult, m: Machine): string {
	const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
	return [
		`<!-- bench:${BROWSER_LARGE_ID} -->`,
		'### Chromium: a 300 MB capture reaches the overview',
		'',
		`The realistic capture generator at ${ENTRIES.toLocaleString('en-US')} requests (${mb(r.fileBytes)}), opened in the production build in Debian's Chromium through the "Open file" input. The analysis worker streams the file, analyses the exchanges itself (a capture this big is not spread over the pool, which would take the peak from about 4× to 6× the file) and keeps each exchange's finding count, not its findings (they are analysed again when an exchange is opened). Memory: the peak resident set (VmHWM) of the renderer process that runs the page and the worker.`,
		'',
		'| file | time to overview | exchanges shown | renderer peak RSS | × file | result |',
		'| --- | --- | --- | --- | --- | --- |',
		`| ${mb(r.fileBytes)} | ${(r.overviewMs / 1000).toFixed(0)} s | ${r.exchanges.toLocaleString('en-US')} | ${mb(r.rendererPeakBytes)} | ${(r.rendererPeakBytes / r.fileBytes).toFixed(2)}× | ${r.pass ? 'PASS' : `FAIL${r.error ? `: ${r.error}` : ''}`} |`,
		'',
		`One run. ${m.date}, Node ${m.node}, ${m.cpu} (${m.cores} cores), ${m.memory} RAM, ${m.os}.`,
		`<!-- /bench:${BROWSER_LARGE_ID} -->`
	].join('\n');
}
