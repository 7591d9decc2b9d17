/**
 * The library people trust: keep, rename, search, delete with undo, delete everything after a confirmation; the
 * optional passphrase (per capture and for the whole library) with its wrong-passphrase path; and the failures a
 * browser can throw at it (a full disk, IndexedDB refused, an older tab blocking the upgrade), each named, nothing
 * already kept lost. A kept capture also reopens with the server gone (the service worker serves the app).
 */
import { describe, expect, test } from 'vitest';
import { useAppPage } from './support/lifecycle';
import { byTestId, collectPageErrors, decodeFromBox, layerChainText, openApp, waitForActiveServiceWorker, waitForReady, waitForReport } from './support/app';
import { closeLibrary, keepOpenCapture, libraryItems, openLibrary, storedText } from './support/library';
import { launchChromium, newContext } from './support/browser';
import { serveBuild } from './support/server';
import { base64Json } from './support/payloads';

const app = useAppPage();
const SAMPLE = 'xiaomi-browser-sample.har';
const SAMPLE_IMEI = '490154203237518';

async function keepSample(): Promise<void> {
	await byTestId(app.page, 'try-sample').click();
	await waitForReport(app.page);
	await keepOpenCapture(app.page);
}

async function reload(): Promise<void> {
	await app.page.reload();
	await waitForReady(app.page);
}

describe('the library', () => {
	test('keep, list with a summary, rename (Enter saves, Esc cancels), search, delete with undo, and the open report stays', async () => {
		await keepSample();
		const dialog = await openLibrary(app.page);
		const item = libraryItems(app.page).first();
		expect(await item.innerText()).toMatch(/3 requests · \d+ sites? · \d+ findings? · \d+ compan/);
		expect(await byTestId(app.page, 'storage-estimate').innerText()).toMatch(/Telltale uses .+ of the .+ this browser allows it/);
		expect(await byTestId(app.page, 'persistence-state').innerText()).toMatch(/browser/);

		await item.getByRole('button', { name: /^Rename/ }).click();
		await byTestId(app.page, 'rename-input').fill('first try');
		await app.page.keyboard.press('Escape');
		expect(await dialog.isVisible(), 'Esc leaves the rename, not the dialog').toBe(true);
		expect(await item.innerText()).toContain(SAMPLE);
		await item.getByRole('button', { name: /^Rename/ }).click();
		await byTestId(app.page, 'rename-input').fill('Phone browser, May');
		await app.page.keyboard.press('Enter');
		await expect.poll(() => item.innerText()).toContain('Phone browser, May');

		await byTestId(app.page, 'library-search').fill('browser, m');
		expect(await libraryItems(app.page).count()).toBe(1);
		await byTestId(app.page, 'library-search').fill('nothing like it');
		expect(await libraryItems(app.page).count()).toBe(0);
		await byTestId(app.page, 'library-search').fill('');

		await item.getByRole('button', { name: /^Delete/ }).click();
		await expect.poll(() => libraryItems(app.page).count()).toBe(0);
		expect(await byTestId(app.page, 'undo-toast').innerText()).toContain('Phone browser, May');
		await byTestId(app.page, 'undo-delete').click();
		await expect.poll(() => libraryItems(app.page).count()).toBe(1);

		await closeLibrary(app.page);
		expect(await byTestId(app.page, 'report').isVisible(), 'the report under the dialog is still open').toBe(true);

		await openLibrary(app.page);
		await libraryItems(app.page).first().getByRole('button', { name: /^Delete/ }).click();
		await closeLibrary(app.page);
		// The toast outlives the dialog, then the undo window closes and the record goes for good.
		await byTestId(app.page, 'undo-toast').waitFor({ state: 'visible' });
		await byTestId(app.page, 'undo-toast').waitFor({ state: 'detached', timeout: 15_000 });
		await reload();
		await openLibrary(app.page);
		expect(await byTestId(app.page, 'library-empty').isVisible()).toBe(true);
	});

	test('a kept capture opens from the library while on another page (About)', async () => {
		await keepSample();
		await byTestId(app.page, 'close-capture').click();
		await openApp(app.page, app.server.origin, '/about');
		await openLibrary(app.page);
		await libraryItems(app.page).first().locator('[data-testid="library-open"]').click();
		await waitForReport(app.page);
		expect(new URL(app.page.url()).pathname).toBe('/');
		expect(await byTestId(app.page, 'exchange-row').count()).toBe(3);
	});

	test('delete everything asks first and names what will go; with settings, the identifiers go too', async () => {
		await keepSample();
		await decodeFromBox(app.page, base64Json({ hello: 'library' }));
		await waitForReport(app.page);
		await keepOpenCapture(app.page);
		await byTestId(app.page, 'settings-panel').locator('summary').click();
		await byTestId(app.page, 'known-type').selectOption('device.imei');
		await byTestId(app.page, 'known-value').fill(SAMPLE_IMEI);
		await byTestId(app.page, 'known-add').click();

		await openLibrary(app.page);
		expect(await libraryItems(app.page).count()).toBe(2);
		await byTestId(app.page, 'delete-everything').click();
		const what = byTestId(app.page, 'delete-everything-what');
		expect(await what.innerText()).toMatch(/This deletes 2 kept captures \([\d.]+ (?:B|KiB|MiB)\).*Your identifiers and tracker lists stay\./);
		await byTestId(app.page, 'delete-settings-too').check();
		expect(await what.innerText()).toMatch(/2 kept captures .*your 1 identifier and 0 tracker lists/);
		await byTestId(app.page, 'delete-everything-cancel').click();
		expect(await libraryItems(app.page).count(), 'Cancel deletes nothing').toBe(2);

		await byTestId(app.page, 'delete-everything').click();
		await byTestId(app.page, 'delete-everything-confirm-button').click();
		await expect.poll(() => libraryItems(app.page).count()).toBe(0);
		expect(await byTestId(app.page, 'settings-panel').innerText()).toContain('0 identifiers');
		await reload();
		await openLibrary(app.page);
		expect(await libraryItems(app.page).count()).toBe(0);
		expect(await byTestId(app.page, 'settings-panel').innerText()).toContain('0 identifiers');
	});
});

describe('encryption at rest', () => {
	test('a capture kept with its own passphrase: stored encrypted, listed as locked, wrong passphrase refused, right one opens', async () => {
		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		await byTestId(app.page, 'keep-locked').click();
		await byTestId(app.page, 'keep-passphrase').fill('blue lantern 42');
		await byTestId(app.page, 'keep-passphrase-repeat').fill('blue lantern 42');
		await byTestId(app.page, 'keep-locked-submit').click();
		await app.page.waitForFunction(() => document.querySelector('[data-testid="keep-capture"]')?.textContent?.includes('Kept in this browser'), undefined, { timeout: 15_000 });

		const stored = await storedText(app.page);
		expect(stored).not.toContain(SAMPLE);
		expect(stored).not.toContain(SAMPLE_IMEI);
		expect(stored).not.toContain('sa.api.intl.miui.com');

		await byTestId(app.page, 'close-capture').click();
		await reload();
		await openLibrary(app.page);
		const item = libraryItems(app.page).first();
		expect(await item.getAttribute('data-kind')).toBe('locked');
		expect(await item.innerText()).toMatch(/Locked capture, \d{4}-\d\d-\d\d \d\d:\d\d, [\d.]+ KiB/);
		expect(await item.innerText()).not.toContain(SAMPLE);

		await byTestId(app.page, 'library-open').click();
		await byTestId(app.page, 'capture-passphrase').fill('blue lantern 41');
		await byTestId(app.page, 'capture-unlock').click();
		await expect.poll(() => byTestId(app.page, 'library-item-error').innerText().catch(() => ''), { timeout: 15_000 }).toBe('That passphrase does not open this capture.');

		await byTestId(app.page, 'capture-passphrase').fill('blue lantern 42');
		await byTestId(app.page, 'capture-unlock').click();
		await waitForReport(app.page);
		expect(await byTestId(app.page, 'exchange-row').count()).toBe(3);
	});

	test('a library passphrase seals captures and identifiers; locked after a reload; wrong passphrase refused; unlocking brings both back', async () => {
		await byTestId(app.page, 'settings-panel').locator('summary').click();
		await byTestId(app.page, 'known-type').selectOption('device.imei');
		await byTestId(app.page, 'known-value').fill(SAMPLE_IMEI);
		await byTestId(app.page, 'known-add').click();
		await keepSample();

		await openLibrary(app.page);
		await byTestId(app.page, 'library-lock').locator('summary').click();
		await byTestId(app.page, 'library-passphrase').fill('harbour of lights');
		await byTestId(app.page, 'library-passphrase-repeat').fill('harbour of lights');
		await byTestId(app.page, 'library-set-passphrase').click();
		await app.page.waitForFunction(() => document.querySelector('[data-testid="library-lock"]')?.getAttribute('data-state') === 'unlocked', undefined, { timeout: 20_000 });
		const stored = await storedText(app.page);
		expect(stored).not.toContain(SAMPLE);
		expect(stored).not.toContain(SAMPLE_IMEI);

		await reload();
		expect(await byTestId(app.page, 'settings-locked').isVisible()).toBe(false); // inside the closed <details>
		expect(await byTestId(app.page, 'settings-panel').innerText()).toContain('locked with the library');
		await openLibrary(app.page);
		expect(await libraryItems(app.page).first().getAttribute('data-kind')).toBe('locked');
		await byTestId(app.page, 'library-unlock-passphrase').fill('harbour of light');
		await byTestId(app.page, 'library-unlock').click();
		await expect.poll(() => byTestId(app.page, 'library-lock-error').innerText().catch(() => ''), { timeout: 15_000 }).toBe('That passphrase does not open this library.');
		await byTestId(app.page, 'library-unlock-passphrase').fill('harbour of lights');
		await byTestId(app.page, 'library-unlock').click();
		await expect.poll(() => libraryItems(app.page).first().innerText(), { timeout: 15_000 }).toContain(SAMPLE);
		await closeLibrary(app.page);
		await expect.poll(() => byTestId(app.page, 'settings-panel').innerText()).toContain('1 identifier');

		await openLibrary(app.page);
		await byTestId(app.page, 'library-lock-now').click();
		await expect.poll(() => libraryItems(app.page).first().getAttribute('data-kind')).toBe('locked');
	});
});

describe('failures, each named, nothing already kept lost', () => {
	test('a full disk: the capture is not kept, the message says so with the numbers, and what was kept before stays', async () => {
		await decodeFromBox(app.page, base64Json({ kept: 'before the disk filled' }));
		await waitForReport(app.page);
		await keepOpenCapture(app.page);
		await app.page.context().addInitScript(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
				if (this.name === 'capture-bytes') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return put.apply(this, args);
			};
		});
		await reload();
		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		await byTestId(app.page, 'keep-capture').click();
		const error = byTestId(app.page, 'keep-error');
		await error.waitFor({ state: 'visible', timeout: 10_000 });
		expect(await error.innerText()).toMatch(/^Not kept: the browser's storage for Telltale is full \(used .+ of .+\)\. Delete kept captures/);
		await openLibrary(app.page);
		expect(await libraryItems(app.page).count()).toBe(1);
		expect(await libraryItems(app.page).first().innerText()).not.toContain(SAMPLE);
	});

	test('IndexedDB refused (as in some private windows): the app says nothing will be kept, and still analyses', async () => {
		await app.page.context().addInitScript(() => {
			IDBFactory.prototype.open = function () {
				throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
			};
		});
		await reload();
		const notice = byTestId(app.page, 'library-notice');
		await notice.waitFor({ state: 'visible', timeout: 10_000 });
		expect(await notice.innerText()).toBe(
			'Your browser does not let Telltale store data here (private window?). Captures can still be analysed; nothing will be kept.'
		);
		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		expect(await byTestId(app.page, 'keep-capture').count()).toBe(0);
		await openLibrary(app.page);
		expect(await byTestId(app.page, 'library-status').innerText()).toContain('nothing will be kept');
	});

	test('an older tab blocks the upgrade: the app says so, goes on when it closes, and the capture it kept survives the migration', async () => {
		const browser = app.page.context().browser()!;
		const context = await newContext(browser, { serviceWorkers: 'block' });
		try {
			const older = await context.newPage();
			// A page of the same origin that is not the app, holding a version 1 connection it never closes.
			await older.goto(new URL('/icon.svg', app.server.origin).href);
			await older.evaluate(
				() =>
					new Promise<void>((resolve, reject) => {
						const request = indexedDB.open('telltale', 1);
						request.onupgradeneeded = () => {
							const db = request.result;
							db.createObjectStore('capture-meta', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
							db.createObjectStore('capture-bytes', { keyPath: 'id' });
							db.createObjectStore('settings', { keyPath: 'key' });
						};
						request.onerror = () => reject(request.error);
						request.onsuccess = () => {
							const db = request.result;
							db.onversionchange = null;
							(window as unknown as { olderConnection: IDBDatabase }).olderConnection = db;
							const bytes = new TextEncoder().encode('eyJvbGQiOiJ2ZXJzaW9uIG9uZSJ9');
							const tx = db.transaction(['capture-meta', 'capture-bytes'], 'readwrite');
							tx.objectStore('capture-meta').put({ id: 'v1', name: 'kept-by-v1.txt', savedAt: '2024-03-01T09:00:00.000Z', size: bytes.length, format: 'payload', exchanges: 1 });
							tx.objectStore('capture-bytes').put({ id: 'v1', bytes });
							tx.oncomplete = () => resolve();
							tx.onerror = () => reject(tx.error);
						};
					})
			);
			const page = await context.newPage();
			const errors = collectPageErrors(page);
			await openApp(page, app.server.origin);
			const notice = byTestId(page, 'library-notice');
			await notice.waitFor({ state: 'visible', timeout: 10_000 });
			expect(await notice.innerText()).toBe('Telltale is open in another tab with an older version; close it to continue.');

			await older.evaluate(() => (window as unknown as { olderConnection: IDBDatabase }).olderConnection.close());
			await notice.waitFor({ state: 'detached', timeout: 10_000 });
			const kept = byTestId(page, 'kept-captures');
			await kept.waitFor({ state: 'visible', timeout: 10_000 });
			await kept.getByRole('button', { name: /^kept-by-v1\.txt/ }).click();
			await waitForReport(page);
			expect(await layerChainText(page)).toContain('base64 › json');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describe('offline', () => {
	test('a kept capture reopens from the library with the static server stopped', async () => {
		const [server, browser] = await Promise.all([serveBuild(), launchChromium()]);
		try {
			const context = await newContext(browser);
			const page = await context.newPage();
			const errors = collectPageErrors(page);
			await openApp(page, server.origin);
			await waitForActiveServiceWorker(page);
			await page.reload();
			await waitForReady(page);
			await byTestId(page, 'try-sample').click();
			await waitForReport(page);
			await keepOpenCapture(page);
			await byTestId(page, 'close-capture').click();

			await server.close();
			await expect(fetch(server.url), 'the static server is really gone').rejects.toThrow();
			await page.reload();
			await waitForReady(page);
			await openLibrary(page);
			await libraryItems(page).first().locator('[data-testid="library-open"]').click();
			await waitForReport(page);
			expect(await byTestId(page, 'exchange-row').count()).toBe(3);
			expect(errors).toEqual([]);
		} finally {
			await browser.close();
			await server.close().catch(() => undefined);
		}
	});
});
