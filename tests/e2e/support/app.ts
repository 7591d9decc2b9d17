/** How a person uses the app, in the terms of its UI contract (data-testid attributes); shared by every e2e file. */
import type { Locator, Page } from 'playwright-core';

export const READY_TIMEOUT = 30_000;
export const RESULT_TIMEOUT = 30_000;

/** Opens a page of the app and waits until it has hydrated (the app sets <html data-ready="true">). */
export async function openApp(page: Page, origin: string, path = '/'): Promise<void> {
	await page.goto(new URL(path, origin).href);
	await waitForReady(page);
}

export async function waitForReady(page: Page): Promise<void> {
	await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: READY_TIMEOUT });
}

export function byTestId(page: Page, id: string): Locator {
	return page.locator(`[data-testid="${id}"]`);
}

/**
 * Ctrl/Cmd+V with the focus outside any text field: the browser fires `paste` at the focused element or, with nothing
 * focused, at <body>, and it bubbles to document and window. Clipboard permissions are awkward headless, so the test
 * builds the event the browser would fire.
 */
export async function pasteAnywhere(page: Page, text: string): Promise<void> {
	await page.evaluate((clipboardText) => {
		if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
		const clipboardData = new DataTransfer();
		clipboardData.setData('text/plain', clipboardText);
		const target = document.activeElement ?? document.body;
		target.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true }));
	}, text);
}

export interface DroppedFile {
	name: string;
	content: string;
	type?: string;
}

/** Starts dragging files over the window (dragenter + dragover on <body>), as the OS does when a file enters it. */
export async function dragFilesOver(page: Page, files: DroppedFile[]): Promise<void> {
	await page.evaluate((dropped) => {
		const dataTransfer = new DataTransfer();
		for (const file of dropped) dataTransfer.items.add(new File([file.content], file.name, { type: file.type ?? '' }));
		(window as unknown as { __e2eDrag: DataTransfer }).__e2eDrag = dataTransfer;
		const init = { dataTransfer, bubbles: true, cancelable: true, composed: true };
		document.body.dispatchEvent(new DragEvent('dragenter', init));
		document.body.dispatchEvent(new DragEvent('dragover', init));
	}, files);
}

/** Releases the files dragged by dragFilesOver onto the window. */
export async function dropDraggedFiles(page: Page): Promise<void> {
	await page.evaluate(() => {
		const holder = window as unknown as { __e2eDrag?: DataTransfer };
		const dataTransfer = holder.__e2eDrag;
		if (!dataTransfer) throw new Error('dropDraggedFiles called without dragFilesOver');
		delete holder.__e2eDrag;
		const init = { dataTransfer, bubbles: true, cancelable: true, composed: true };
		document.body.dispatchEvent(new DragEvent('dragover', init));
		document.body.dispatchEvent(new DragEvent('drop', init));
	});
}

export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
	await dragFilesOver(page, files);
	await dropDraggedFiles(page);
}

/** Chooses files through the "Open file" button's hidden <input type="file">. */
export async function openFiles(page: Page, files: DroppedFile[]): Promise<void> {
	await byTestId(page, 'file-input').setInputFiles(
		files.map((file) => ({ name: file.name, mimeType: file.type ?? 'application/octet-stream', buffer: Buffer.from(file.content) }))
	);
}

/** Types into the paste box and presses Decode. */
export async function decodeFromBox(page: Page, text: string): Promise<void> {
	await byTestId(page, 'paste-input').fill(text);
	await byTestId(page, 'decode-button').click();
}

export async function waitForReport(page: Page): Promise<void> {
	await byTestId(page, 'report').waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
	// Attached, not visible: under 900 px the detail (and its layer chain) shows once a request is opened.
	await byTestId(page, 'layer-chain').first().waitFor({ state: 'attached', timeout: RESULT_TIMEOUT });
}

/** "form›base64 ›  gzip" → "form › base64 › gzip": the breadcrumb's spacing is presentation, the order is the claim. */
export function normalizeChain(text: string): string {
	return text.replace(/\s*›\s*/g, ' › ').replace(/\s+/g, ' ').trim();
}

export async function layerChainText(page: Page): Promise<string> {
	return normalizeChain(await byTestId(page, 'layer-chain').first().innerText());
}

export async function decodedTreeText(page: Page): Promise<string> {
	return byTestId(page, 'decoded-tree').first().innerText();
}

/** Collects uncaught exceptions in the page: "never crashes" is part of every flow. */
export function collectPageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
	return errors;
}

/**
 * Waits until the service worker has installed (precached the build) and activated. The page that registered it may
 * stay uncontrolled until the next navigation unless the worker claims its clients; every later load is controlled.
 */
export async function waitForActiveServiceWorker(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('the service worker did not activate within 60 s')), 60_000);
				void navigator.serviceWorker.ready.then((registration) => {
					const worker = registration.active;
					if (worker?.state === 'activated') return done();
					worker?.addEventListener('statechange', () => worker.state === 'activated' && done());
				});
				function done() {
					clearTimeout(timer);
					resolve();
				}
			})
	);
}

export function isControlledByServiceWorker(page: Page): Promise<boolean> {
	return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/**
 * Opens every collapsed node of the decoded tree (deep structure starts folded), so its text holds every decoded value.
 * The tree is the detail's Decoded tab, which an exchange with findings does not open on.
 */
export async function expandDecodedTree(page: Page): Promise<void> {
	const tab = byTestId(page, 'detail-tab-decoded');
	if ((await tab.count()) > 0) await tab.first().click();
	// A collapsed node is a treeitem with aria-expanded="false"; its row's arrow opens it.
	const collapsed = byTestId(page, 'decoded-tree').first().locator('[aria-expanded="false"]');
	for (let round = 0; round < 200; round++) {
		if ((await collapsed.count()) === 0) return;
		await collapsed.first().locator(':scope > .line > .toggle').click();
	}
	throw new Error('the decoded tree kept offering collapsed nodes after 200 clicks');
}
