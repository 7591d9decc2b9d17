/**
 * What another app shared with the installed Telltale (the manifest's `share_target`). The service worker receives the
 * POST itself (static/share-target.js), so the shared text or file never reaches a server; it leaves the share in a
 * Cache Storage "inbox" of its own and redirects to `/?shared=1`, where the page takes it out, opens it, and empties
 * the inbox. The names below are the service worker's: static/share-target.js spells them the same (a test checks).
 */

export const SHARE_TARGET_PATH = '/share-target';
export const SHARE_INBOX_CACHE = 'telltale-share-inbox';
export const SHARE_INBOX_META = '/share-target/inbox/meta.json';
export const SHARE_INBOX_FILE = '/share-target/inbox/file';
/** The query the service worker redirects to; the page removes it once the share is taken. */
export const SHARED_QUERY = 'shared';

/** What the service worker wrote, as JSON. Every member may be missing: the inbox is read defensively. */
export interface ShareMeta {
	title?: string;
	text?: string;
	url?: string;
	/** The first shared file, whose bytes are stored beside the meta. */
	file?: { name: string; type: string } | null;
	/** Names of further shared files: Telltale opens one capture at a time. */
	ignoredFiles?: string[];
	/** The share could not be read (a broken form). */
	error?: string;
}

export type SharedInput =
	| { kind: 'file'; file: File; ignored: string[] }
	| { kind: 'text'; text: string; name: string; ignored: string[] }
	| { kind: 'error'; message: string };

/**
 * Which part of a share is the capture: a file first; otherwise the text; a URL alone is decoded too (its query often
 * is the payload). The title is the sending app's caption, decoded only when nothing else came.
 */
export function sharedInput(meta: ShareMeta, fileBytes: Blob | null): SharedInput {
	if (meta.error) return { kind: 'error', message: `The shared item could not be read: ${meta.error}` };
	const ignored = Array.isArray(meta.ignoredFiles) ? meta.ignoredFiles.filter((name) => typeof name === 'string') : [];
	if (meta.file && fileBytes) {
		const file = new File([fileBytes], meta.file.name || 'shared file', { type: meta.file.type || '' });
		return { kind: 'file', file, ignored };
	}
	const text = str(meta.text);
	const url = str(meta.url);
	if (text.trim() !== '') {
		// Some apps put the link in `url` and a caption in `text`: a link the text does not contain is decoded with it.
		const withUrl = url.trim() !== '' && !text.includes(url.trim()) ? `${text}\n${url}` : text;
		return { kind: 'text', text: withUrl, name: 'shared text', ignored };
	}
	if (url.trim() !== '') return { kind: 'text', text: url, name: 'shared link', ignored };
	const title = str(meta.title);
	if (title.trim() !== '') return { kind: 'text', text: title, name: 'shared title', ignored };
	return { kind: 'error', message: 'The share arrived empty: no text, link or file came with it.' };
}

/** Takes the waiting share out of the inbox (and empties it), or null when there is none. */
export async function takeShared(): Promise<SharedInput | null> {
	if (typeof caches === 'undefined' || !(await caches.has(SHARE_INBOX_CACHE))) return null;
	try {
		const inbox = await caches.open(SHARE_INBOX_CACHE);
		const metaResponse = await inbox.match(SHARE_INBOX_META);
		if (!metaResponse) return null;
		const meta = (await metaResponse.json()) as ShareMeta;
		const fileResponse = meta.file ? await inbox.match(SHARE_INBOX_FILE) : undefined;
		return sharedInput(meta, fileResponse ? await fileResponse.blob() : null);
	} catch (error) {
		return { kind: 'error', message: `The shared item could not be read from this browser's storage: ${error instanceof Error ? error.message : String(error)}` };
	} finally {
		// Taken once: a reload must not open it again, and nothing shared stays behind.
		await caches.delete(SHARE_INBOX_CACHE).catch(() => false);
	}
}

function str(value: unknown): string {
	return typeof value === 'string' ? value : '';
}
