/** Debian's Chromium, driven by playwright-core. No browser is ever downloaded: see scripts/ensure-chromium.mjs. */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Everything Chromium would fetch on its own (updates, safe browsing, sync) is off, so the only network traffic in a
// test is the app's, which is what the egress test judges.
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh profile per test; a fixed viewport and locale keep screenshots and text comparable between runs. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	return browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US', timezoneId: 'UTC', ...options });
}
