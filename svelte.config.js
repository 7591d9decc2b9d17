import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** sha256 of the `style` attribute SvelteKit 2 puts on its #svelte-announcer element (write_root.js). */
const KIT_ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// Kit's own service worker is off: @vite-pwa/sveltekit generates one that precaches the whole build.
		serviceWorker: { register: false },
		prerender: { entries: ['*'], handleHttpError: 'fail' },
		// The privacy promise, enforced by the browser: only the app's own origin, ever.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'connect-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				// Kit's route announcer carries one fixed inline style attribute; 'unsafe-hashes' with its hash allows exactly
				// that attribute and no other inline style (see docs/ARCHITECTURE.md, "Content-Security-Policy").
				'style-src': ['self', 'unsafe-hashes', KIT_ANNOUNCER_STYLE_HASH],
				'font-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
