/**
 * The library over a real IndexedDB implementation (fake-indexeddb, in memory): migrations from every earlier
 * version keep every capture with its bytes; sealing, opening, damage and a full disk behave as the UI promises.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { closeDatabase, StoreError } from '../../../src/lib/store/db';
import { DB_NAME, DB_VERSION, MIGRATIONS } from '../../../src/lib/store/schema';
import { WrongKeyError } from '../../../src/lib/store/crypto';
import {
	DamagedError,
	deleteOlderThan,
	keepCapture,
	Keys,
	listLibrary,
	lockLibrary,
	openCapture,
	readSetting,
	unlockForGood,
	unlockLibrary,
	updateDetails,
	writeSetting
} from '../../../src/lib/store/library-store';
import type { CaptureDetails } from '../../../src/lib/store/schema';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const details = (name: string): CaptureDetails => ({ name, format: 'har', summary: { requests: 3, sites: 2, findings: 5, companies: 1 } });

async function wipe(): Promise<void> {
	await closeDatabase();
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
	});
}

/** Version 1 exactly as the code before v2 made and filled it (its upgrade and its writes, copied). */
async function makeV1Database(): Promise<void> {
	const db = await openDB(DB_NAME, 1, {
		upgrade(db) {
			const meta = db.createObjectStore('capture-meta', { keyPath: 'id' });
			meta.createIndex('savedAt', 'savedAt');
			db.createObjectStore('capture-bytes', { keyPath: 'id' });
			db.createObjectStore('settings', { keyPath: 'key' });
		}
	});
	const captures = [
		{ id: 'a', name: 'first.har', savedAt: '2024-01-01T10:00:00.000Z', format: 'har', exchanges: 12, text: '{"log":{"entries":[1]}}' },
		{ id: 'b', name: 'second.txt', savedAt: '2024-02-01T10:00:00.000Z', format: 'payload', exchanges: 1, text: 'eyJhIjoxfQ==' }
	];
	for (const c of captures) {
		const bytes = bytesOf(c.text);
		await db.put('capture-meta', { id: c.id, name: c.name, savedAt: c.savedAt, size: bytes.length, format: c.format, exchanges: c.exchanges });
		await db.put('capture-bytes', { id: c.id, bytes });
	}
	// A record some other bug wrote: migration must keep it (listed as damaged), not drop it or stop on it.
	await db.put('capture-meta', { id: 'broken', savedAt: 42 });
	await db.put('settings', { key: 'known-values', value: [{ type: 'device.imei', value: '490154203237518' }] });
	db.close();
}

beforeEach(wipe);
afterEach(wipe);

describe('schema migrations', () => {
	test('there is one step per version', () => {
		expect(MIGRATIONS).toHaveLength(DB_VERSION);
	});

	test('from nothing (version 0): an empty library', async () => {
		expect(await listLibrary(new Keys())).toEqual([]);
	});

	test('from version 1: every kept capture survives with its bytes, name and count; settings too; a bad record is listed as damaged', async () => {
		await makeV1Database();
		const keys = new Keys();
		const entries = await listLibrary(keys);
		expect(entries.map((e) => e.id)).toEqual(['b', 'a', 'broken']);
		const first = entries.find((e) => e.id === 'a');
		expect(first).toMatchObject({ kind: 'open', size: 23, details: { name: 'first.har', format: 'har', summary: { requests: 12, sites: null, findings: null, companies: null } } });
		expect(entries.find((e) => e.id === 'broken')).toMatchObject({ kind: 'damaged' });
		expect(new TextDecoder().decode((await openCapture('a', keys)).bytes)).toBe('{"log":{"entries":[1]}}');
		expect(new TextDecoder().decode((await openCapture('b', keys)).bytes)).toBe('eyJhIjoxfQ==');
		expect(await readSetting('known-values', keys)).toEqual({ state: 'value', value: [{ type: 'device.imei', value: '490154203237518' }] });
		const db = await openDB(DB_NAME);
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames]).toContain('keyring');
		db.close();
	});
});

describe('kept captures', () => {
	test('keep, list newest first, rename, open', async () => {
		const keys = new Keys();
		await keepCapture({ details: details('one.har'), bytes: bytesOf('1'), passphrase: null }, keys);
		await new Promise((r) => setTimeout(r, 5));
		const second = await keepCapture({ details: details('two.har'), bytes: bytesOf('22'), passphrase: null }, keys);
		expect((await listLibrary(keys)).map((e) => e.kind === 'open' && e.details.name)).toEqual(['two.har', 'one.har']);
		await updateDetails(second.id, keys, (d) => ({ ...d, name: 'renamed.har' }));
		const opened = await openCapture(second.id, keys);
		expect(opened.details.name).toBe('renamed.har');
		expect(opened.bytes).toEqual(bytesOf('22'));
	});

	test('a capture with its own passphrase: listed as locked, wrong passphrase refused, right one opens; nothing in plain on disk', async () => {
		const meta = await keepCapture({ details: details('secret.har'), bytes: bytesOf('imei=490154203237518'), passphrase: 'hunter2 but longer' }, new Keys());
		const fresh = new Keys();
		expect(await listLibrary(fresh)).toEqual([expect.objectContaining({ kind: 'locked', id: meta.id, lock: 'capture', size: 20 })]);
		await expect(openCapture(meta.id, fresh)).rejects.toBeInstanceOf(WrongKeyError);
		await expect(openCapture(meta.id, fresh, 'hunter3 but longer')).rejects.toBeInstanceOf(WrongKeyError);
		const opened = await openCapture(meta.id, fresh, 'hunter2 but longer');
		expect(new TextDecoder().decode(opened.bytes)).toBe('imei=490154203237518');
		// Opened once, its key stays for the session: the list shows its name.
		expect(await listLibrary(fresh)).toEqual([expect.objectContaining({ kind: 'open', details: details('secret.har') })]);

		const db = await openDB(DB_NAME);
		const stored = JSON.stringify([await db.getAll('capture-meta'), await db.getAll('capture-bytes')], (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
		db.close();
		expect(stored).not.toContain('secret.har');
		expect(stored).not.toContain('490154203237518');
	});

	test('sealed bytes that were changed on disk are reported as damage, not as a wrong passphrase', async () => {
		const keys = new Keys();
		const meta = await keepCapture({ details: details('x.har'), bytes: bytesOf('some bytes'), passphrase: 'a passphrase' }, keys);
		await closeDatabase();
		const db = await openDB(DB_NAME);
		const record = await db.get('capture-bytes', meta.id);
		record.sealed.data[0] ^= 1;
		await db.put('capture-bytes', record);
		db.close();
		await expect(openCapture(meta.id, new Keys(), 'a passphrase')).rejects.toBeInstanceOf(DamagedError);
	});

	test('a missing bytes record is damage; the other captures still list and open', async () => {
		const keys = new Keys();
		const good = await keepCapture({ details: details('good.har'), bytes: bytesOf('good'), passphrase: null }, keys);
		const bad = await keepCapture({ details: details('bad.har'), bytes: bytesOf('bad'), passphrase: null }, keys);
		await closeDatabase();
		const db = await openDB(DB_NAME);
		await db.delete('capture-bytes', bad.id);
		db.close();
		await expect(openCapture(bad.id, keys)).rejects.toThrow(/bytes are missing/);
		expect((await openCapture(good.id, keys)).bytes).toEqual(bytesOf('good'));
	});

	test('auto-delete removes only captures older than N days', async () => {
		const keys = new Keys();
		await keepCapture({ details: details('new.har'), bytes: bytesOf('n'), passphrase: null }, keys);
		const inTenDays = new Date(Date.now() + 10 * 86_400_000);
		expect(await deleteOlderThan(30, inTenDays)).toBe(0);
		expect(await deleteOlderThan(7, inTenDays)).toBe(1);
		expect(await listLibrary(keys)).toEqual([]);
	});

	test('a full disk: the capture is not kept at all (no record without its bytes), and the error says quota', async () => {
		const keys = new Keys();
		await keepCapture({ details: details('kept.har'), bytes: bytesOf('kept'), passphrase: null }, keys);
		const proto = IDBObjectStore.prototype;
		const put = proto.put;
		proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if (this.name === 'capture-bytes') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
		try {
			const failure = await keepCapture({ details: details('big.har'), bytes: bytesOf('big'), passphrase: null }, keys).catch((e: unknown) => e);
			expect(failure).toBeInstanceOf(StoreError);
			expect((failure as StoreError).problem).toBe('quota');
		} finally {
			proto.put = put;
		}
		const listed = await listLibrary(keys);
		expect(listed.map((e) => e.kind === 'open' && e.details.name)).toEqual(['kept.har']);
	});
});

describe('the library passphrase', () => {
	test('locking seals captures and settings; a new session sees them locked; wrong passphrase refused; unlocking shows them; removing it restores plain', async () => {
		const keys = new Keys();
		const meta = await keepCapture({ details: details('plain.har'), bytes: bytesOf('plain bytes'), passphrase: null }, keys);
		await writeSetting('known-values', [{ type: 'contact.email', value: 'me@example.com' }], keys);
		await writeSetting('auto-delete-days', 30, keys);
		await lockLibrary('library passphrase', keys);

		const db = await openDB(DB_NAME);
		const stored = JSON.stringify([await db.getAll('capture-meta'), await db.getAll('capture-bytes'), await db.getAll('settings')], (_k, v: unknown) =>
			v instanceof Uint8Array ? new TextDecoder().decode(v) : v
		);
		db.close();
		expect(stored).not.toContain('plain.har');
		expect(stored).not.toContain('plain bytes');
		expect(stored).not.toContain('me@example.com');

		const session = new Keys();
		expect(await listLibrary(session)).toEqual([expect.objectContaining({ kind: 'locked', lock: 'library' })]);
		expect(await readSetting('known-values', session)).toEqual({ state: 'locked' });
		expect(await readSetting('auto-delete-days', session)).toEqual({ state: 'value', value: 30 });
		await expect(keepCapture({ details: details('new.har'), bytes: bytesOf('n'), passphrase: null }, session)).rejects.toThrow(/locked/);
		await expect(unlockLibrary('not the passphrase', session)).rejects.toBeInstanceOf(WrongKeyError);

		await unlockLibrary('library passphrase', session);
		expect(await listLibrary(session)).toEqual([expect.objectContaining({ kind: 'open', lock: 'library', details: details('plain.har') })]);
		expect((await openCapture(meta.id, session)).bytes).toEqual(bytesOf('plain bytes'));
		expect(await readSetting('known-values', session)).toEqual({ state: 'value', value: [{ type: 'contact.email', value: 'me@example.com' }] });
		const added = await keepCapture({ details: details('added.har'), bytes: bytesOf('added'), passphrase: null }, session);
		expect(await listLibrary(new Keys())).toEqual(expect.arrayContaining([expect.objectContaining({ id: added.id, kind: 'locked' })]));

		await unlockForGood(session);
		const after = new Keys();
		expect((await listLibrary(after)).every((e) => e.kind === 'open' && e.lock === null)).toBe(true);
		expect(await readSetting('known-values', after)).toEqual({ state: 'value', value: [{ type: 'contact.email', value: 'me@example.com' }] });
	});
});
