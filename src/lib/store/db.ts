/**
 * IndexedDB persistence: only what the user chose to keep, only in this browser. Nothing here is ever sent
 * anywhere; deleting removes it for good.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface KeptCaptureMeta {
	id: string;
	name: string;
	savedAt: string;
	size: number;
	format: string;
	exchanges: number;
}

export interface KeptCapture extends KeptCaptureMeta {
	bytes: Uint8Array;
}

interface TelltaleSchema extends DBSchema {
	'capture-meta': { key: string; value: KeptCaptureMeta; indexes: { savedAt: string } };
	'capture-bytes': { key: string; value: { id: string; bytes: Uint8Array } };
	settings: { key: string; value: { key: string; value: unknown } };
}

const DB_NAME = 'telltale';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<TelltaleSchema>> | null = null;

export function database(): Promise<IDBPDatabase<TelltaleSchema>> {
	opening ??= openDB<TelltaleSchema>(DB_NAME, DB_VERSION, {
		upgrade(db) {
			// Metadata and bytes live apart so listing kept captures never loads their contents.
			const meta = db.createObjectStore('capture-meta', { keyPath: 'id' });
			meta.createIndex('savedAt', 'savedAt');
			db.createObjectStore('capture-bytes', { keyPath: 'id' });
			db.createObjectStore('settings', { keyPath: 'key' });
		}
	});
	return opening;
}

export async function listKeptCaptures(): Promise<KeptCaptureMeta[]> {
	const db = await database();
	return (await db.getAllFromIndex('capture-meta', 'savedAt')).reverse();
}

export async function keepCapture(capture: Omit<KeptCapture, 'id' | 'savedAt'>): Promise<KeptCaptureMeta> {
	const db = await database();
	const meta: KeptCaptureMeta = {
		id: crypto.randomUUID(),
		name: capture.name,
		savedAt: new Date().toISOString(),
		size: capture.size,
		format: capture.format,
		exchanges: capture.exchanges
	};
	const tx = db.transaction(['capture-meta', 'capture-bytes'], 'readwrite');
	await Promise.all([tx.objectStore('capture-meta').put(meta), tx.objectStore('capture-bytes').put({ id: meta.id, bytes: capture.bytes }), tx.done]);
	return meta;
}

export async function loadKeptCapture(id: string): Promise<KeptCapture | null> {
	const db = await database();
	const [meta, bytes] = await Promise.all([db.get('capture-meta', id), db.get('capture-bytes', id)]);
	return meta && bytes ? { ...meta, bytes: bytes.bytes } : null;
}

export async function forgetCapture(id: string): Promise<void> {
	const db = await database();
	const tx = db.transaction(['capture-meta', 'capture-bytes'], 'readwrite');
	await Promise.all([tx.objectStore('capture-meta').delete(id), tx.objectStore('capture-bytes').delete(id), tx.done]);
}

export async function forgetAllCaptures(): Promise<void> {
	const db = await database();
	const tx = db.transaction(['capture-meta', 'capture-bytes'], 'readwrite');
	await Promise.all([tx.objectStore('capture-meta').clear(), tx.objectStore('capture-bytes').clear(), tx.done]);
}

export async function readSetting<T>(key: string): Promise<T | undefined> {
	const db = await database();
	return (await db.get('settings', key))?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
	const db = await database();
	await db.put('settings', { key, value });
}
