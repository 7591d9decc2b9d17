import { readFileSync } from 'node:fs';
import { withBuiltApp } from '../bench/built-app';
import { newContext } from '../e2e/support/browser';
const har = new Uint8Array(readFileSync('src/lib/samples/xiaomi-browser.har'));
await withBuiltApp('capture.har', har, async ({ browser, origin, harPath }) => {
	const context = await newContext(browser, { viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 500)));
	page.on('pageerror', (e) => console.log('pageerror', e.message, e.stack?.slice(0, 800)));
	await page.addInitScript(() => {
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (message: unknown, ...rest: unknown[]) {
			console.log('to worker', JSON.stringify(message).slice(0, 200));
			this.addEventListener('message', (e: MessageEvent) => { if (e.data?.type === 'query-chunk' || e.data?.type === 'error') console.log('from worker', JSON.stringify(e.data).slice(0, 300)); });
			return (post as any).call(this, message, ...rest);
		};
	});
	await page.goto(`${origin}/`);
	await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
	await page.setInputFiles('[data-testid="file-input"]', harPath);
	await page.waitForSelector('[data-testid="exchange-row"]');
	console.log('hash', await page.evaluate(() => location.hash));
	await page.locator('[data-testid="facet-companies"] summary').click();
	await page.locator('[data-testid="facet-option"]').first().click();
	await page.waitForTimeout(1000);
	console.log('hash', await page.evaluate(() => location.hash), await page.locator('[data-testid="filter-status"]').innerText());
	await page.locator('[data-testid="search"]').fill('symptoms');
	await page.waitForTimeout(1000);
	console.log('hash', await page.evaluate(() => location.hash), await page.locator('[data-testid="filter-status"]').innerText());
});
