import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
				'style-src': ['self'],
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
