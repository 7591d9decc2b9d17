/** The library dialog in the terms of its UI contract (data-testid attributes). */
import type { Locator, Page } from 'playwright-core';
import { byTestId } from './app';

export async function openLibrary(page: Page): Promise<Locator> {
	const dialog = byTestId(page, 'library-dialog');
	if (!(await dialog.isVisible())) await byTestId(page, 'library-button').click();
	await byTestId(page, 'library-panel').waitFor({ state: 'visible', timeout: 10_000 });
	return dialog;
}

export async function closeLibrary(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await byTestId(page, 'library-panel').waitFor({ state: 'detached', timeout: 10_000 });
}

export function libraryItems(page: Page): Locator {
	return byTestId(page, 'library-item');
}

/** Presses Keep and waits until the button says the capture is kept. */
export async function keepOpenCapture(page: Page): Promise<void> {
	await byTestId(page, 'keep-capture').click();
	await page.waitForFunction(() => document.querySelector('[data-testid="keep-capture"]')?.textContent?.includes('Kept in this browser'), undefined, { timeout: 10_000 });
}

/** Every record of the 'telltale' database as text (bytes decoded as UTF-8), to check what is stored in plain. */
export function storedText(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const request = indexedDB.open('telltale');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const out: unknown[] = [];
					for (const name of names) {
						const all = tx.objectStore(name).getAll();
						all.onsuccess = () => out.push(all.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(JSON.stringify(out, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value)));
					};
				};
			})
	);
}
