/**
 * IndexedDB persistence: only what the user chose to keep, only in this browser. Nothing here is ever sent
 * anywhere; deleting removes it for good. This module moves records in and out and names what went wrong
 * (StoreError); which records are sealed, and with which key, is the library's business (library-store.ts).
 */
import { openDB, type IDBPDatabase } from 'idb';
import { BYTES, DB_NAME, DB_VERSION, KEYRING, META, migrate, SETTINGS, type CaptureBytesRecord, type CaptureMetaRecord, type KeyringRecord, type SettingRecord } from './schema';

export type StoreProblem = 'unavailable' | 'quota' | 'blocked' | 'superseded' | 'failed';

/** A storage failure with the kind the UI words for people. */
export class StoreError extends Error {
	constructor(
		readonly problem: StoreProblem,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'StoreError';
	}
}

/** What the page hears about the database's life: another tab holds an older version, or a newer one wants this one gone. */
export interface DatabaseEvents {
	/** Our upgrade waits for a tab with an older version to close; `false` once it goes on. */
	blocked?: (waiting: boolean) => void;
	/** A newer Telltale in another tab needs this connection closed: it is, and this tab must reload to store again. */
	superseded?: () => void;
}

let events: DatabaseEvents = {};
let opening: Promise<IDBPDatabase> | null = null;
let supersededHere = false;

export function onDatabaseEvents(handlers: DatabaseEvents): void {
	events = handlers;
}

export function database(): Promise<IDBPDatabase> {
	if (supersededHere) return Promise.reject(new StoreError('superseded', 'A newer version of Telltale is open in another tab; reload this tab to use the library.'));
	opening ??= openDatabase().catch((error: unknown) => {
		opening = null;
		throw error instanceof StoreError ? error : new StoreError('unavailable', 'This browser does not let Telltale store data here.', { cause: error });
	});
	return opening;
}

async function openDatabase(): Promise<IDBPDatabase> {
	if (typeof indexedDB === 'undefined') throw new StoreError('unavailable', 'This browser has no IndexedDB.');
	let wasBlocked = false;
	const db = await openDB(DB_NAME, DB_VERSION, {
		upgrade: (db, oldVersion, newVersion, tx) => migrate(db, oldVersion, newVersion ?? DB_VERSION, tx),
		blocked: () => {
			wasBlocked = true;
			events.blocked?.(true);
		},
		blocking: () => {
			// Closing lets the newer tab upgrade; this tab's copy of the code knows only the older shape.
			supersededHere = true;
			opening = null;
			db.close();
			events.superseded?.();
		}
	});
	if (wasBlocked) events.blocked?.(false);
	return db;
}

/** Closes the connection (tests open the database again with other code, as a new page load would). */
export async function closeDatabase(): Promise<void> {
	const db = await opening?.catch(() => null);
	db?.close();
	opening = null;
	supersededHere = false;
}

/** Turns what IndexedDB threw (or aborted with) into a StoreError the UI can word. */
export function storeErrorOf(error: unknown): StoreError {
	if (error instanceof StoreError) return error;
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	if (name === 'QuotaExceededError') return new StoreError('quota', 'The browser\'s storage for Telltale is full.', { cause: error });
	const message = error instanceof Error ? error.message : String(error);
	return new StoreError('failed', `The browser's storage refused the change (${name || 'error'}: ${message}).`, { cause: error });
}

async function attempt<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw storeErrorOf(error);
	}
}

/** Every capture-meta record as stored (unchecked: the caller lists the damaged ones too). */
export function readAllMeta(): Promise<unknown[]> {
	return attempt(async () => (await database()).getAll(META));
}

export function readMeta(id: string): Promise<unknown> {
	return attempt(async () => (await database()).get(META, id));
}

export function readBytes(id: string): Promise<unknown> {
	return attempt(async () => (await database()).get(BYTES, id));
}

/** Both records in one transaction: a capture is kept whole or not at all (a full disk aborts both). */
export function putCapture(meta: CaptureMetaRecord, bytes: CaptureBytesRecord): Promise<void> {
	return attempt(async () => {
		const tx = (await database()).transaction([META, BYTES], 'readwrite');
		const pending: Promise<unknown>[] = [tx.done];
		try {
			pending.push(tx.objectStore(META).put(meta));
			pending.push(tx.objectStore(BYTES).put(bytes));
			await Promise.all(pending);
		} catch (error) {
			// Every request and the transaction reject once aborted: none may go unhandled.
			for (const request of pending) request.catch(() => undefined);
			// A put that throws (rather than failing its request) leaves the transaction open: the meta put would commit.
			try {
				tx.abort();
			} catch {
				// Already aborted by the browser.
			}
			throw error;
		}
	});
}

export function putMeta(meta: CaptureMetaRecord): Promise<void> {
	return attempt(async () => void (await (await database()).put(META, meta)));
}

export function deleteCapture(id: IDBValidKey): Promise<void> {
	return attempt(async () => {
		const tx = (await database()).transaction([META, BYTES], 'readwrite');
		await Promise.all([tx.objectStore(META).delete(id), tx.objectStore(BYTES).delete(id), tx.done]);
	});
}

/** Every kept capture; with `settings`, also the settings and the library's lock. */
export function deleteAll(settings: boolean): Promise<void> {
	return attempt(async () => {
		const stores = settings ? [META, BYTES, SETTINGS, KEYRING] : [META, BYTES];
		const tx = (await database()).transaction(stores, 'readwrite');
		await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
	});
}

export function readSettingRecord(key: string): Promise<unknown> {
	return attempt(async () => (await database()).get(SETTINGS, key));
}

export function readAllSettingRecords(): Promise<unknown[]> {
	return attempt(async () => (await database()).getAll(SETTINGS));
}

export function putSettingRecord(record: SettingRecord): Promise<void> {
	return attempt(async () => void (await (await database()).put(SETTINGS, record)));
}

export function readKeyring(): Promise<unknown> {
	return attempt(async () => (await database()).get(KEYRING, 'library'));
}

export function putKeyring(record: KeyringRecord | null): Promise<void> {
	return attempt(async () => {
		const db = await database();
		if (record) await db.put(KEYRING, record);
		else await db.delete(KEYRING, 'library');
	});
}
