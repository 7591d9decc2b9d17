// @ts-check
/// <reference lib="webworker" />
/*
 * The installed app's share target, run inside the service worker: Workbox's generated sw.js imports this file
 * (workbox.importScripts in vite.config.ts), and it is precached with the rest of the build.
 *
 * Another app shares text, a link or a file → the OS sends a POST to /share-target → this handler answers it here, in
 * the browser: the POST never reaches a server (no server of ours could even accept it). The share is left in a Cache
 * Storage inbox of its own, and the answer is a 303 to /?shared=1, where the page takes it out (src/lib/pwa/shared-inbox.ts,
 * which spells the names below the same way; a unit test checks).
 */
(() => {
	const SHARE_TARGET_PATH = '/share-target';
	const SHARE_INBOX_CACHE = 'telltale-share-inbox';
	const SHARE_INBOX_META = '/share-target/inbox/meta.json';
	const SHARE_INBOX_FILE = '/share-target/inbox/file';
	const SHARED_QUERY = 'shared';

	const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

	sw.addEventListener('fetch', (event) => {
		const url = new URL(event.request.url);
		if (event.request.method !== 'POST' || url.origin !== sw.location.origin || url.pathname !== SHARE_TARGET_PATH) return;
		event.respondWith(receiveShare(event.request));
	});

	/** @param {Request} request */
	async function receiveShare(request) {
		// Only the latest share waits: an older one that was never opened is replaced, not piled up.
		await caches.delete(SHARE_INBOX_CACHE);
		const inbox = await caches.open(SHARE_INBOX_CACHE);
		/** @type {Record<string, unknown>} */
		let meta;
		try {
			const form = await request.formData();
			const files = form.getAll('files').filter((value) => value instanceof File);
			const [first, ...rest] = files;
			if (first) await inbox.put(SHARE_INBOX_FILE, new Response(first, { headers: { 'Content-Type': first.type || 'application/octet-stream' } }));
			meta = {
				title: text(form.get('title')),
				text: text(form.get('text')),
				url: text(form.get('url')),
				file: first ? { name: first.name, type: first.type } : null,
				ignoredFiles: rest.map((file) => file.name)
			};
		} catch (error) {
			meta = { error: error instanceof Error ? error.message : String(error) };
		}
		await inbox.put(SHARE_INBOX_META, new Response(JSON.stringify(meta), { headers: { 'Content-Type': 'application/json' } }));
		return Response.redirect(new URL(`/?${SHARED_QUERY}=1`, sw.location.origin).href, 303);
	}

	/** @param {FormDataEntryValue | null} value */
	function text(value) {
		return typeof value === 'string' ? value : '';
	}
})();
