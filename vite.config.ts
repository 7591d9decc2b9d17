import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { ICON_SIZES, MASKABLE_SIZES, SCREENSHOTS } from './scripts/pwa-images.mjs';

/**
 * The capture files an installed Telltale offers to open (file_handlers) and to receive (share_target). Windows and macOS
 * go by the extensions; Linux desktops by the type, so a .har (JSON) may also offer Telltale for other JSON files.
 */
const CAPTURE_TYPES: Record<string, string[]> = {
	'application/json': ['.har'],
	'application/gzip': ['.har.gz'],
	// mitmproxy's zlib-compressed HAR has no registered type; not application/octet-stream, which would claim every binary.
	'application/x-zhar': ['.zhar'],
	'application/xml': ['.xml'],
	'text/plain': ['.txt', '.curl']
};

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			// A new version waits until the user presses Reload (src/lib/pwa/service-worker-updates.svelte.ts): it never
			// reloads the page under someone's work.
			registerType: 'prompt',
			// Registered from the layout, not an inline script: the CSP allows no inline script but Kit's own.
			injectRegister: false,
			manifest: {
				id: '/',
				name: 'Telltale',
				short_name: 'Telltale',
				description: 'Decode captured app and browser traffic offline and see which personal data it carried.',
				lang: 'en',
				// The manifest has one theme colour; src/app.html gives the dark one with a prefers-color-scheme meta.
				theme_color: '#1d2433',
				background_color: '#f7f7f4',
				display: 'standalone',
				display_override: ['standalone', 'minimal-ui'],
				start_url: '/',
				scope: '/',
				categories: ['developer', 'utilities', 'security', 'productivity'],
				icons: [
					{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
					...ICON_SIZES.map((size) => ({ src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
					...MASKABLE_SIZES.map((size) => ({ src: `/icons/icon-maskable-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'maskable' }))
				],
				screenshots: SCREENSHOTS.map(({ src, width, height, form_factor, label }) => ({
					src,
					sizes: `${width}x${height}`,
					type: 'image/webp',
					form_factor,
					label
				})),
				// "Open with Telltale" for capture files; the page reads them through window.launchQueue.
				file_handlers: [{ action: '/', accept: CAPTURE_TYPES }],
				// Shares are POSTed to the service worker, which answers them itself (static/share-target.js): nothing shared
				// reaches a server.
				share_target: {
					action: '/share-target',
					method: 'POST',
					enctype: 'multipart/form-data',
					params: {
						title: 'title',
						text: 'text',
						url: 'url',
						files: [{ name: 'files', accept: [...Object.keys(CAPTURE_TYPES), ...Object.values(CAPTURE_TYPES).flat()] }]
					}
				},
				// A file opened with Telltale goes to the window already open (its launchQueue), not a new one.
				launch_handler: { client_mode: ['focus-existing', 'auto'] }
			},
			workbox: {
				// Everything the build emits, worker chunks, data files, icons and screenshots included, so the app works offline.
				globPatterns: ['**/*.{js,css,html,svg,png,webp,json,webmanifest,txt,har}'],
				maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
				navigateFallback: '/',
				cleanupOutdatedCaches: true,
				// The share target's POST handler runs inside the generated worker. Imported rather than switching to
				// injectManifest: Workbox keeps generating the precache, navigation fallback, cache cleanup and the
				// SKIP_WAITING message handler, and the one thing we add is a plain 50-line script with nothing to bundle.
				importScripts: ['/share-target.js'],
				// The first visit is controlled at once, so going offline right after it still works. Later versions wait
				// (no skipWaiting) until the page asks them to take over.
				clientsClaim: true,
				skipWaiting: false
			}
		})
	],
	worker: { format: 'es' },
	build: { target: 'es2022' }
});
