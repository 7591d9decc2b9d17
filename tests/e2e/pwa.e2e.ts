/**
 * The installed app: a manifest Chromium can install from (every icon really the size it claims), a service worker that
 * controls the page and precaches every file, files opened with the app (launchQueue, simulated: see support/pwa.ts),
 * shares answered by the service worker without reaching the server, and updates that wait for the user's word.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { BUILD_DIR, serveBuildRecording, type RecordingServer } from './support/server';
import { EgressRecorder } from './support/egress';
import {
	byTestId,
	collectPageErrors,
	decodedTreeText,
	isControlledByServiceWorker,
	openApp,
	waitForActiveServiceWorker,
	waitForReady,
	waitForReport
} from './support/app';
import { base64Json, entryCount, smallTrackerHar } from './support/payloads';
import { hasNativeLaunchQueue, installLaunchQueueShim, launchFiles, pngSize, webpSize } from './support/pwa';

interface ManifestIcon {
	src: string;
	sizes: string;
	type?: string;
	purpose?: string;
}

interface Manifest {
	id?: string;
	name?: string;
	short_name?: string;
	description?: string;
	start_url?: string;
	scope?: string;
	display?: string;
	display_override?: string[];
	categories?: string[];
	theme_color?: string;
	background_color?: string;
	icons?: ManifestIcon[];
	screenshots?: { src: string; sizes: string; type?: string; form_factor?: string; label?: string }[];
	file_handlers?: { action: string; accept: Record<string, string[]> }[];
	share_target?: {
		action: string;
		method?: string;
		enctype?: string;
		params: { title?: string; text?: string; url?: string; files?: { name: string; accept: string[] }[] };
	};
	launch_handler?: { client_mode: string | string[] };
}

const CAPTURE_EXTENSIONS = ['.har', '.har.gz', '.zhar', '.xml', '.txt', '.curl'];

let server: RecordingServer;
let browser: Browser;
let context: BrowserContext | undefined;
let pageErrors: string[] = [];

beforeAll(async () => {
	[server, browser] = await Promise.all([serveBuildRecording(), launchChromium()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

beforeEach(() => {
	pageErrors = [];
});

afterEach(async () => {
	await context?.close();
	context = undefined;
	expect(pageErrors, 'uncaught exceptions in the page').toEqual([]);
});

async function openPage(options: Parameters<typeof newContext>[1] = {}): Promise<{ page: Page; recorder: EgressRecorder }> {
	context = await newContext(browser, options);
	const recorder = new EgressRecorder(server.origin);
	await recorder.attach(context);
	const page = await context.newPage();
	pageErrors = collectPageErrors(page);
	return { page, recorder };
}

async function fetchBytes(path: string): Promise<{ status: number; type: string; bytes: Uint8Array }> {
	const response = await fetch(new URL(path, server.origin));
	return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) };
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Pathnames of every entry in every cache of the page's origin. */
function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
		}
		return paths;
	});
}

function markWindow(page: Page): Promise<void> {
	return page.evaluate(() => void ((window as unknown as { __e2eMarker?: string }).__e2eMarker = 'still the same page'));
}

function windowMarker(page: Page): Promise<string | null> {
	return page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker ?? null);
}

describe('manifest and service worker', () => {
	test('the manifest is installable and complete, every icon is the size it claims, and the service worker precaches the whole build', async () => {
		const { page, recorder } = await openPage();
		await openApp(page, server.origin);
		// Set before the first service worker claims the page: that claim must not reload it.
		await markWindow(page);
		await waitForActiveServiceWorker(page);
		await expect.poll(() => isControlledByServiceWorker(page), { timeout: 10_000 }).toBe(true);
		expect(await windowMarker(page), 'the first install did not reload the page').toBe('still the same page');

		const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(manifestHref).toBeTruthy();
		const manifestFile = await fetchBytes(manifestHref!);
		expect(manifestFile.status).toBe(200);
		expect(manifestFile.type).toContain('application/manifest+json');
		const manifest = JSON.parse(new TextDecoder().decode(manifestFile.bytes)) as Manifest;

		expect(manifest).toMatchObject({ id: '/', name: 'Telltale', short_name: 'Telltale', start_url: '/', scope: '/', display: 'standalone' });
		expect(manifest.description?.length).toBeGreaterThan(20);
		expect(manifest.display_override).toContain('standalone');
		expect(manifest.categories?.length).toBeGreaterThan(0);
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
		// The dark theme colour lives in the page: the manifest has one.
		expect(await page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]').count()).toBe(1);
		expect(await page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]').count()).toBe(1);

		const icons = manifest.icons ?? [];
		const pngIcons = icons.filter((icon) => icon.type === 'image/png');
		const anySizes = pngIcons.filter((icon) => (icon.purpose ?? 'any').split(' ').includes('any')).map((icon) => icon.sizes);
		expect(anySizes).toEqual(expect.arrayContaining(['48x48', '72x72', '96x96', '128x128', '144x144', '192x192', '256x256', '384x384', '512x512']));
		const maskableSizes = pngIcons.filter((icon) => icon.purpose?.split(' ').includes('maskable')).map((icon) => icon.sizes);
		expect(maskableSizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		expect(icons.some((icon) => icon.type === 'image/svg+xml' && icon.sizes === 'any')).toBe(true);
		for (const icon of icons) {
			const file = await fetchBytes(icon.src);
			expect(file.status, `${icon.src} loads`).toBe(200);
			if (icon.type === 'image/png') {
				const size = pngSize(file.bytes);
				expect(size, `${icon.src} is a PNG`).not.toBeNull();
				expect(`${size!.width}x${size!.height}`, `${icon.src} is the size the manifest says`).toBe(icon.sizes);
			} else {
				expect(file.type, `${icon.src} is an SVG`).toContain('image/svg+xml');
				expect(new TextDecoder().decode(file.bytes)).toMatch(/^<svg[\s>]/);
			}
		}

		const screenshots = manifest.screenshots ?? [];
		expect(screenshots.map((shot) => shot.form_factor).sort()).toEqual(['narrow', 'wide']);
		for (const shot of screenshots) {
			expect(shot.label?.length, `${shot.src} has a label`).toBeGreaterThan(5);
			const file = await fetchBytes(shot.src);
			expect(file.status, `${shot.src} loads`).toBe(200);
			const size = shot.type === 'image/png' ? pngSize(file.bytes) : webpSize(file.bytes);
			expect(size, `${shot.src} is a ${shot.type}`).not.toBeNull();
			expect(`${size!.width}x${size!.height}`, `${shot.src} is the size the manifest says`).toBe(shot.sizes);
			const [width, height] = [size!.width, size!.height];
			expect(shot.form_factor === 'wide' ? width > height : height > width, `${shot.src} has the shape of its form factor`).toBe(true);
		}

		const handlers = manifest.file_handlers ?? [];
		expect(handlers.length).toBeGreaterThan(0);
		expect(handlers.every((handler) => handler.action === '/')).toBe(true);
		const extensions = handlers.flatMap((handler) => Object.values(handler.accept).flat());
		expect(extensions).toEqual(expect.arrayContaining(CAPTURE_EXTENSIONS));
		for (const handler of handlers) for (const type of Object.keys(handler.accept)) expect(type).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);

		expect(manifest.share_target).toMatchObject({
			action: '/share-target',
			method: 'POST',
			enctype: 'multipart/form-data',
			params: { title: 'title', text: 'text', url: 'url' }
		});
		const sharedFiles = manifest.share_target?.params.files ?? [];
		expect(sharedFiles.map((files) => files.name)).toEqual(['files']);
		expect(sharedFiles[0]?.accept).toEqual(expect.arrayContaining(CAPTURE_EXTENSIONS));
		const clientMode = [manifest.launch_handler?.client_mode ?? []].flat();
		expect(clientMode[0]).toBe('focus-existing');

		// Everything the build holds is precached (the service worker's own two scripts are the browser's to keep).
		const served = filesUnder(BUILD_DIR)
			.map((file) => '/' + relative(BUILD_DIR, file).split(sep).join('/'))
			.filter((path) => path !== '/sw.js' && !/^\/workbox-[\w-]+\.js$/.test(path))
			.map((path) => path.replace(/\.html$/, '').replace(/^\/index$/, '/'));
		const cached = await cachedPaths(page);
		expect(served.filter((path) => !cached.includes(path)), 'files of the build missing from the precache').toEqual([]);
		expect(cached).toEqual(expect.arrayContaining(['/share-target.js', '/icons/icon-maskable-512.png', '/screenshots/overview-wide.webp']));
		expect(recorder.problems()).toEqual([]);
	});
});

describe('files opened with the app (launchQueue)', () => {
	test('a launched file opens as a dropped one would; several open the first and name the rest; a later launch reaches the open window', async () => {
		context = await newContext(browser, { serviceWorkers: 'block' });
		await installLaunchQueueShim(context);
		const page = await context.newPage();
		pageErrors = collectPageErrors(page);
		await openApp(page, server.origin);
		// Reported, not asserted: whether this Chromium has the API itself does not change what is tested.
		console.info(`launchQueue native in this Chromium: ${await hasNativeLaunchQueue(page)}`);

		const har = smallTrackerHar();
		await launchFiles(page, [{ name: 'launched.har', content: har, type: 'application/json' }]);
		await waitForReport(page);
		await expect.poll(() => byTestId(page, 'exchange-row').count(), { timeout: 30_000 }).toBe(entryCount(har));
		await expect.poll(() => page.title()).toContain('launched.har');
		expect(await byTestId(page, 'launch-note').count(), 'one file: nothing to say').toBe(0);

		// launch_handler focus-existing: a second launch goes to this window, whose consumer is still set.
		await markWindow(page);
		const payload = base64Json({ launched: 'second launch', query: 'opened in the same window' });
		await launchFiles(page, [
			{ name: 'payload.txt', content: payload, type: 'text/plain' },
			{ name: 'other.har', content: har, type: 'application/json' },
			{ name: 'third.curl', content: 'curl https://example.test', type: 'text/plain' }
		]);
		await expect.poll(() => page.title()).toContain('payload.txt');
		await waitForReport(page);
		expect(await decodedTreeText(page)).toContain('opened in the same window');
		const note = byTestId(page, 'launch-note');
		await expect.poll(() => note.textContent()).toContain('“other.har”, “third.curl” were not opened');
		expect(await windowMarker(page), 'the same window, not a new load').toBe('still the same page');

		// From another page of the app, a launch brings the start page back with the file open.
		await page.goto(new URL('/about', server.origin).href);
		await waitForReady(page);
		await launchFiles(page, [{ name: 'from-about.har', content: har, type: 'application/json' }]);
		await expect.poll(() => new URL(page.url()).pathname).toBe('/');
		await expect.poll(() => page.title()).toContain('from-about.har');
		await waitForReport(page);
	});
});

describe('share target', () => {
	test('a shared text is answered by the service worker, never reaches the server, and opens decoded', async () => {
		const { page, recorder } = await openPage();
		await openApp(page, server.origin);
		await waitForActiveServiceWorker(page);
		await expect.poll(() => isControlledByServiceWorker(page), { timeout: 10_000 }).toBe(true);

		const secret = 'shared through the share sheet';
		const sharedText = base64Json({ shared: secret, imei: '490154203237518' });
		const serverLogBefore = server.requests.length;
		const pageRequests: string[] = [];
		page.on('request', (request) => {
			const url = new URL(request.url());
			pageRequests.push(`${request.method()} ${url.pathname}${url.search}`);
		});

		// What the OS does for a share: a multipart POST navigation to the share target.
		await page.evaluate(
			({ text }) => {
				const form = document.createElement('form');
				form.method = 'POST';
				form.enctype = 'multipart/form-data';
				form.action = '/share-target';
				for (const [name, value] of Object.entries({ title: 'A payload', text, url: '' })) {
					const input = document.createElement('input');
					input.type = 'hidden';
					input.name = name;
					input.value = value;
					form.append(input);
				}
				document.body.append(form);
				form.submit();
			},
			{ text: sharedText }
		);
		await waitForReady(page);
		await waitForReport(page);
		expect(await decodedTreeText(page)).toContain(secret);
		await expect.poll(() => page.title()).toContain('shared text');
		expect(new URL(page.url()).search, 'the ?shared query is gone once the share is taken').toBe('');

		// Playwright does not report a navigation its service worker answered, so the POST itself is not in any browser-side
		// log. Its answer is: the page went to /?shared=1, the 303 that only the service worker's handler gives (the server
		// answers a POST with 405).
		expect(pageRequests, 'the service worker answered the POST with its redirect').toContain('GET /?shared=1');
		const reachedServer = server.requests.slice(serverLogBefore);
		expect(reachedServer.filter((request) => request.method !== 'GET' || request.path.startsWith('/share-target')), 'requests for the share that reached the server').toEqual([]);
		expect(await page.evaluate(() => caches.has('telltale-share-inbox')), 'the inbox is emptied once the share is opened').toBe(false);

		// A reload does not open the share again.
		await page.goto(new URL('/', server.origin).href);
		await waitForReady(page);
		await page.waitForTimeout(500);
		expect(await byTestId(page, 'report').count()).toBe(0);
		expect(recorder.problems()).toEqual([]);
	});

	test('shared files: the first opens as a dropped file would, the others are named', async () => {
		const { page, recorder } = await openPage();
		await openApp(page, server.origin);
		await waitForActiveServiceWorker(page);
		await expect.poll(() => isControlledByServiceWorker(page), { timeout: 10_000 }).toBe(true);

		const har = smallTrackerHar();
		const serverLogBefore = server.requests.length;
		await page.evaluate(
			({ content }) => {
				const form = document.createElement('form');
				form.method = 'POST';
				form.enctype = 'multipart/form-data';
				form.action = '/share-target';
				const input = document.createElement('input');
				input.type = 'file';
				input.name = 'files';
				input.multiple = true;
				const files = new DataTransfer();
				files.items.add(new File([content], 'shared.har', { type: 'application/json' }));
				files.items.add(new File(['curl https://example.test'], 'also.curl', { type: 'text/plain' }));
				input.files = files.files;
				form.append(input);
				document.body.append(form);
				form.submit();
			},
			{ content: har }
		);
		await waitForReady(page);
		await waitForReport(page);
		await expect.poll(() => byTestId(page, 'exchange-row').count(), { timeout: 30_000 }).toBe(entryCount(har));
		await expect.poll(() => page.title()).toContain('shared.har');
		await expect.poll(() => byTestId(page, 'launch-note').textContent()).toContain('“also.curl” was not opened');
		expect(server.requests.slice(serverLogBefore).filter((request) => request.method !== 'GET' || request.path.startsWith('/share-target'))).toEqual([]);
		expect(recorder.problems()).toEqual([]);
	});
});

describe('updates', () => {
	test('a new version waits: a notice offers Reload, the page is not reloaded until the user asks, then the new version serves it', async () => {
		const { page, recorder } = await openPage();
		await openApp(page, server.origin);
		await waitForActiveServiceWorker(page);
		await expect.poll(() => isControlledByServiceWorker(page), { timeout: 10_000 }).toBe(true);
		await markWindow(page);

		// A new version of the app: the same worker plus a line that answers "which version are you?".
		const original = readFileSync(join(BUILD_DIR, 'sw.js'), 'utf8');
		server.replaceScript(
			'/sw.js',
			`${original}\n// e2e: the next version\nself.addEventListener('message', (event) => { if (event.data === 'e2e-version?') event.source.postMessage('e2e-next'); });\n`
		);
		try {
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				await registration?.update();
			});
			const notice = byTestId(page, 'update-notice');
			await notice.waitFor({ state: 'visible', timeout: 60_000 });
			expect(await notice.textContent()).toContain('A new version of Telltale is ready');
			expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

			// Left alone, nothing happens: the page stays, the old version still serves it.
			await page.waitForTimeout(2_000);
			expect(await windowMarker(page), 'not reloaded by itself').toBe('still the same page');
			expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

			// "Not now" hides the notice and changes nothing else.
			await byTestId(page, 'update-dismiss').click();
			await notice.waitFor({ state: 'hidden' });
			expect(await windowMarker(page)).toBe('still the same page');

			// A new load (here a second tab) sees the version still waiting and offers it again; Reload there applies it.
			const second = await context!.newPage();
			second.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
			await openApp(second, server.origin);
			await byTestId(second, 'update-notice').waitFor({ state: 'visible', timeout: 30_000 });
			await markWindow(second);
			const reloaded = second.waitForEvent('load', { timeout: 30_000 });
			await byTestId(second, 'update-reload').click();
			await reloaded;
			await waitForReady(second);
			expect(await windowMarker(second), 'Reload reloaded the page').toBeNull();
			const version = await second.evaluate(
				() =>
					new Promise<string>((resolve) => {
						navigator.serviceWorker.addEventListener('message', (event) => resolve(String(event.data)), { once: true });
						navigator.serviceWorker.controller?.postMessage('e2e-version?');
						setTimeout(() => resolve('no answer: the old version still serves the page'), 5_000);
					})
			);
			expect(version).toBe('e2e-next');
			expect(await byTestId(second, 'update-notice').count()).toBe(0);
			// The first tab was not reloaded by another tab's update either.
			expect(await windowMarker(page)).toBe('still the same page');
		} finally {
			server.replaceScript('/sw.js', readFileSync(join(BUILD_DIR, 'sw.js'), 'utf8'));
		}
		expect(recorder.problems()).toEqual([]);
	});
});
