/**
 * The usual e2e setup: one server and one Chromium per file, a fresh context and page per test with the app open,
 * and a check that the page threw nothing. The service worker is blocked: it has its own tests (egress, offline),
 * and here it would only add a background precache to every test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext } from './browser';
import { serveBuild, type AppServer } from './server';
import { collectPageErrors, openApp } from './app';

export interface AppUnderTest {
	readonly server: AppServer;
	readonly page: Page;
}

export function useAppPage(): AppUnderTest {
	let server: AppServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let pageErrors: string[];

	beforeAll(async () => {
		[server, browser] = await Promise.all([serveBuild(), launchChromium()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	beforeEach(async () => {
		context = await newContext(browser, { serviceWorkers: 'block' });
		page = await context.newPage();
		pageErrors = collectPageErrors(page);
		await openApp(page, server.origin);
	});
	afterEach(async () => {
		await context?.close();
		expect(pageErrors, 'uncaught exceptions in the page').toEqual([]);
	});

	return {
		get server() {
			return server;
		},
		get page() {
			return page;
		}
	};
}
