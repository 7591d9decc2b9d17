/**
 * Offline after first load: once the service worker controls the page it has precached the whole build (worker chunks
 * included), so with the static server gone the app still reloads, starts its worker and decodes.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { BUILD_DIR, serveBuild, type AppServer } from './support/server';
import {
	collectPageErrors,
	decodedTreeText,
	isControlledByServiceWorker,
	layerChainText,
	openApp,
	pasteAnywhere,
	waitForActiveServiceWorker,
	waitForReady,
	waitForReport
} from './support/app';
import { base64Json } from './support/payloads';

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

/** URL paths ("/_app/immutable/…") of every JavaScript file the build emitted for the app itself. */
function builtAppScripts(): string[] {
	return filesUnder(join(BUILD_DIR, '_app'))
		.filter((file) => file.endsWith('.js'))
		.map((file) => '/' + relative(BUILD_DIR, file).split(sep).join('/'));
}

let server: AppServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	[server, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
	await server?.close();
});

describe('offline', () => {
	test('after the first load the app reloads and decodes with the server stopped', async () => {
		context = await newContext(browser);
		const page = await context.newPage();
		const pageErrors = collectPageErrors(page);
		await openApp(page, server.origin);
		await waitForActiveServiceWorker(page);

		const cachedPaths = await page.evaluate(async () => {
			const paths: string[] = [];
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
			}
			return paths;
		});
		const appScripts = builtAppScripts();
		const workerScripts = appScripts.filter((path) => /worker/i.test(path));
		expect(workerScripts.length, 'the build emits the analysis worker as its own chunk').toBeGreaterThan(0);
		expect(appScripts.filter((path) => !cachedPaths.includes(path)), 'built scripts missing from the precache').toEqual([]);
		expect(cachedPaths).toEqual(expect.arrayContaining(['/', '/about']));

		await server.close();
		await expect(fetch(server.url), 'the static server is really gone').rejects.toThrow();

		await page.reload();
		await waitForReady(page);
		expect(await isControlledByServiceWorker(page), 'the reloaded page is served by the service worker').toBe(true);
		await pasteAnywhere(page, base64Json({ mode: 'offline', query: 'decoded without a server' }));
		await waitForReport(page);
		expect(await layerChainText(page)).toContain('base64 › json');
		expect(await decodedTreeText(page)).toContain('decoded without a server');

		// A new tab on another route also opens from the cache.
		const about = await context.newPage();
		await openApp(about, server.origin, '/about');
		expect(pageErrors).toEqual([]);
	});
});
