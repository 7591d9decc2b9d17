import { generateHar } from '../bench/capture.bench';
import { withBuiltApp } from '../bench/built-app';
import { newContext } from '../e2e/support/browser';
const out = '/work/scratch/shots/';
import { mkdirSync, readFileSync } from 'node:fs';
mkdirSync(out, { recursive: true });
const which = process.argv[2] ?? 'sample';
const har = which === '20k' ? generateHar() : new Uint8Array(readFileSync('src/lib/samples/xiaomi-browser.har'));
await withBuiltApp('capture.har', har, async ({ browser, origin, harPath }) => {
	for (const [w, h, scheme] of [[1440, 900, 'light'], [1440, 900, 'dark'], [768, 1000, 'light'], [390, 844, 'dark']] as const) {
		const context = await newContext(browser, { viewport: { width: w, height: h }, colorScheme: scheme });
		const page = await context.newPage();
		page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 300)); });
		page.on('pageerror', (e) => console.log('pageerror', e.message));
		await page.goto(`${origin}/`);
		await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
		const t0 = Date.now();
		await page.setInputFiles('[data-testid="file-input"]', harPath);
		await page.waitForSelector('[data-testid="exchange-row"]', { timeout: 600_000 });
		console.log(w, scheme, 'report in', Date.now() - t0, 'ms');
		await page.waitForTimeout(800);
		await page.screenshot({ path: `${out}${which}-${w}-${scheme}-top.png` });
		await page.locator('#workspace').scrollIntoViewIfNeeded();
		await page.evaluate(() => document.getElementById('workspace')?.scrollIntoView());
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${out}${which}-${w}-${scheme}-workspace.png` });
		const sw = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
		console.log('scrollWidth vs innerWidth', sw);
		await context.close();
	}
});
