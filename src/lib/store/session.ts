/**
 * The capture that is open, held so a reload of the tab does not lose it. It lives in its own small database, apart
 * from what the user chose to keep: it is replaced by the next capture, removed when the capture is closed, and
 * removed when the app starts in a new browser session (a new tab or window), so it never outlives the work.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type SessionInput = { kind: 'file'; file: Blob; name: string } | { kind: 'text'; text: string; name: string };

interface SessionSchema extends DBSchema {
	open: { key: 'current'; value: SessionInput };
}

/** Survives a reload, not a new tab: the mark that this tab has already started the app. */
const SESSION_MARK = 'telltale.session';

let opening: Promise<IDBPDatabase<SessionSchema>> | null = null;
function database(): Promise<IDBPDatabase<SessionSchema>> {
	opening ??= openDB<SessionSchema>('telltale-session', 1, {
		upgrade(db) {
			db.createObjectStore('open');
		}
	});
	return opening;
}

/** Whether this tab already ran the app before (a reload); marks it if not, and then forgets an older session's capture. */
export async function startSession(): Promise<boolean> {
	let reloaded = false;
	try {
		reloaded = sessionStorage.getItem(SESSION_MARK) !== null;
		sessionStorage.setItem(SESSION_MARK, '1');
	} catch {
		// No sessionStorage (some privacy modes): nothing to restore, and nothing is kept either.
		return false;
	}
	if (!reloaded) await clearSession();
	return reloaded;
}

export async function saveSession(input: SessionInput): Promise<void> {
	try {
		await (await database()).put('open', input, 'current');
	} catch {
		// A reload will not restore this capture; everything else works.
	}
}

export async function loadSession(): Promise<SessionInput | null> {
	try {
		return (await (await database()).get('open', 'current')) ?? null;
	} catch {
		return null;
	}
}

export async function clearSession(): Promise<void> {
	try {
		await (await database()).delete('open', 'current');
	} catch {
		// Nothing was stored.
	}
}
