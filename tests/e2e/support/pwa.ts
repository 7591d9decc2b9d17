/** What the PWA tests need beyond a page: image sizes read from file headers, and a stand-in for window.launchQueue. */
import type { BrowserContext, Page } from 'playwright-core';
import type { DroppedFile } from './app';

export interface ImageSize {
	width: number;
	height: number;
}

/** Width and height from a PNG's IHDR chunk (the first chunk, at a fixed offset); null when it is not a PNG. */
export function pngSize(bytes: Uint8Array): ImageSize | null {
	if (bytes.length < 24 || ascii(bytes, 0, 8) !== '\x89PNG\r\n\x1a\n' || ascii(bytes, 12, 16) !== 'IHDR') return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height from a WebP's first chunk (VP8X extended, VP8 lossy or VP8L lossless); null when it is not a WebP. */
export function webpSize(bytes: Uint8Array): ImageSize | null {
	if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 12) !== 'WEBP') return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u24 = (at: number) => view.getUint16(at, true) | (view.getUint8(at + 2) << 16);
	switch (ascii(bytes, 12, 16)) {
		case 'VP8X':
			return { width: u24(24) + 1, height: u24(27) + 1 };
		case 'VP8 ':
			return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
		case 'VP8L': {
			const bits = view.getUint32(21, true);
			return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
		}
		default:
			return null;
	}
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
	return String.fromCharCode(...bytes.subarray(from, to));
}

/**
 * A stand-in for the File Handling API's window.launchQueue, installed before the app's scripts run.
 *
 * Honest about what it simulates: a test cannot make Chromium launch an installed app with a file (that takes an
 * installed PWA and the operating system's "Open with"). The shim replaces `window.launchQueue` with an object whose
 * setConsumer keeps the app's consumer, and `launchFiles` then calls that consumer with LaunchParams holding
 * FileSystemFileHandle-like objects ({ kind: 'file', name, getFile() }), which is all the API hands the page. What is
 * tested is the app's side: that it sets a consumer, reads the handles and opens the file as a drop would.
 */
export async function installLaunchQueueShim(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const holder = window as unknown as { __e2eLaunchConsumer?: (params: unknown) => void; __e2eNativeLaunchQueue?: boolean };
		holder.__e2eNativeLaunchQueue = 'launchQueue' in window;
		Object.defineProperty(window, 'launchQueue', {
			configurable: true,
			value: {
				setConsumer(consumer: (params: unknown) => void) {
					holder.__e2eLaunchConsumer = consumer;
				}
			}
		});
	});
}

/** Waits for the app to set its launch consumer, then launches it with these files. */
export async function launchFiles(page: Page, files: DroppedFile[]): Promise<void> {
	await page.waitForFunction(() => typeof (window as unknown as { __e2eLaunchConsumer?: unknown }).__e2eLaunchConsumer === 'function');
	await page.evaluate((launched) => {
		const consumer = (window as unknown as { __e2eLaunchConsumer: (params: unknown) => void }).__e2eLaunchConsumer;
		const handles = launched.map((file) => ({
			kind: 'file',
			name: file.name,
			getFile: async () => new File([file.content], file.name, { type: file.type ?? '' })
		}));
		consumer({ targetURL: location.origin + '/', files: handles });
	}, files);
}

/** Whether this Chromium has the File Handling API of its own (read by the shim before it replaces it). */
export function hasNativeLaunchQueue(page: Page): Promise<boolean> {
	return page.evaluate(() => (window as unknown as { __e2eNativeLaunchQueue?: boolean }).__e2eNativeLaunchQueue === true);
}
