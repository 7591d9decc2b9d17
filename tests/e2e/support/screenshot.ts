/** Saves PNGs under test-results/screens/ (gitignored) so people can look at what the tests saw. */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENS_DIR = fileURLToPath(new URL('../../../test-results/screens/', import.meta.url));

/** What a person sees first (the viewport), or with fullPage the whole scrolled page. Returns the path and size. */
export async function saveScreenshot(page: Page, name: string, { fullPage = false } = {}): Promise<{ path: string; bytes: number }> {
	mkdirSync(SCREENS_DIR, { recursive: true });
	const path = join(SCREENS_DIR, `${name}.png`);
	// Wait for web fonts and pending layout so the picture shows what a person would see.
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	await page.screenshot({ path, fullPage, animations: 'disabled' });
	return { path, bytes: statSync(path).size };
}
