import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'autoUpdate',
			// Registered from the layout, not an inline script: the CSP allows no inline script but Kit's own.
			injectRegister: false,
			manifest: {
				name: 'Telltale',
				short_name: 'Telltale',
				description: 'Decode captured app and browser traffic offline and see which personal data it carried.',
				theme_color: '#1d2433',
				background_color: '#f7f7f4',
				display: 'standalone',
				start_url: '/',
				scope: '/',
				icons: [
					{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' }
				]
			},
			workbox: {
				// Everything the build emits, worker chunks and data files included, so the app works offline.
				globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,txt,har}'],
				maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
				navigateFallback: '/',
				cleanupOutdatedCaches: true,
				// The first visit is controlled too, so going offline right after it still works.
				clientsClaim: true,
				skipWaiting: true
			}
		})
	],
	worker: { format: 'es' },
	build: { target: 'es2022' }
});
