/** The production build served locally and Debian's Chromium, with a capture written to a temp file, for one browser benchmark. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';

const here = dirname(fileURLToPath(import.meta.url));
const BUILD = resolve(here, '../../build');

export interface BuiltApp {
	browser: Browser;
	origin: string;
	/** Where the capture was written. */
	harPath: string;
}

export async function withBuiltApp<T>(fileName: string, har: Uint8Array, run: (app: BuiltApp) => Promise<T>): Promise<T> {
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ is missing: run npm run build first');
	const { startServer } = (await import(resolve(here, '../../scripts/serve.mjs'))) as {
		startServer(o: { root: string; port: number }): Promise<{ origin: string; close(): Promise<void> }>;
	};
	const dir = mkdtempSync(join(tmpdir(), 'telltale-browser-bench-'));
	const harPath = join(dir, fileName);
	writeFileSync(harPath, har);
	const server = await startServer({ root: BUILD, port: 0 });
	const browser = await launchChromium();
	try {
		return await run({ browser, origin: server.origin, harPath });
	} finally {
		await browser.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Records every long main-thread task of the page's next loads in `window.__longTasks` (start and duration, ms). */
export async function recordLongTasks(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const tasks: Array<{ start: number; duration: number }> = [];
		(window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
}
