/**
 * The library over the database: kept captures and settings, in plain or sealed with a passphrase's key. DOM-free
 * (IndexedDB and WebCrypto only), so unit tests run it in Node over fake-indexeddb. Keys live in memory only
 * (Keys); a passphrase is used to derive a key and then dropped.
 */
import { deriveKey, newKeyParams, saltId, seal, sealJson, unseal, unsealJson, WrongKeyError, type KeyParams } from './crypto';
import * as db from './db';
import {
	isCaptureBytesRecord,
	isCaptureDetails,
	isCaptureMetaRecord,
	isKeyringRecord,
	type CaptureDetails,
	type CaptureLock,
	type CaptureMetaRecord,
	type KeyringRecord,
	type SettingRecord
} from './schema';

/** The value the library's key must open: tells a wrong passphrase before any capture is touched. */
const CHECK_TEXT = 'telltale library key';

/** Keys derived this session, by the salt they came from. Forgotten on Lock and with the page. */
export class Keys {
	library: { params: KeyParams; key: CryptoKey } | null = null;
	private readonly bySalt = new Map<string, CryptoKey>();

	get(params: KeyParams): CryptoKey | undefined {
		return this.bySalt.get(saltId(params));
	}

	remember(params: KeyParams, key: CryptoKey): void {
		this.bySalt.set(saltId(params), key);
	}

	forget(): void {
		this.library = null;
		this.bySalt.clear();
	}
}

export type LibraryEntry =
	| { kind: 'open'; id: string; savedAt: string; size: number; details: CaptureDetails; lock: CaptureLock['scope'] | null }
	| { kind: 'locked'; id: string; savedAt: string; size: number; lock: CaptureLock['scope'] }
	| { kind: 'damaged'; id: string; key: IDBValidKey; savedAt: string | null; size: number | null; reason: string };

/** A record that cannot be read as a kept capture. */
export class DamagedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DamagedError';
	}
}

/** Whether the library has a passphrase, and its parameters (null: none). */
export async function libraryLock(): Promise<KeyringRecord | null> {
	const record = await db.readKeyring();
	if (record === undefined) return null;
	if (!isKeyringRecord(record)) throw new DamagedError('The record of the library\'s passphrase is damaged.');
	return record;
}

/** Derives the library's key; WrongKeyError when the passphrase is not the library's. */
export async function unlockLibrary(passphrase: string, keys: Keys): Promise<void> {
	const lock = await libraryLock();
	if (!lock) throw new Error('The library has no passphrase');
	const key = await deriveKey(passphrase, lock.params);
	if (new TextDecoder().decode(await unseal(key, lock.check)) !== CHECK_TEXT) throw new WrongKeyError();
	keys.library = { params: lock.params, key };
	keys.remember(lock.params, key);
}

/**
 * Gives the library a passphrase and seals with it every capture in plain and every setting. Each record is sealed
 * before its write, and replaced in one put: a failure half-way leaves some records in plain, none lost.
 */
export async function lockLibrary(passphrase: string, keys: Keys, iterations?: number): Promise<void> {
	if (await libraryLock()) throw new Error('The library already has a passphrase');
	const params = newKeyParams(iterations);
	const key = await deriveKey(passphrase, params);
	await db.putKeyring({ id: 'library', params, check: await seal(key, new TextEncoder().encode(CHECK_TEXT)) });
	keys.library = { params, key };
	keys.remember(params, key);
	const lock: CaptureLock = { scope: 'library', params };
	for (const raw of await db.readAllMeta()) {
		if (!isCaptureMetaRecord(raw) || raw.lock !== null || !raw.details) continue;
		const bytes = await db.readBytes(raw.id);
		if (!isCaptureBytesRecord(bytes) || !('bytes' in bytes)) continue;
		const sealedBytes = await seal(key, bytes.bytes);
		await db.putCapture({ id: raw.id, savedAt: raw.savedAt, size: raw.size, lock, sealedDetails: await sealJson(key, raw.details) }, { id: raw.id, sealed: sealedBytes });
	}
	for (const record of await db.readAllSettingRecords()) {
		const setting = record as Partial<{ key: string; value: unknown; sealed: unknown }>;
		if (typeof setting.key !== 'string' || !('value' in setting) || isPlainSetting(setting.key)) continue;
		await db.putSettingRecord({ key: setting.key, sealed: await sealJson(key, setting.value), params });
	}
}

/** Takes the passphrase away: every record sealed with the library's key goes back to plain. */
export async function unlockForGood(keys: Keys): Promise<void> {
	const library = keys.library;
	if (!library) throw new Error('Unlock the library first');
	const id = saltId(library.params);
	for (const raw of await db.readAllMeta()) {
		if (!isCaptureMetaRecord(raw) || raw.lock?.scope !== 'library' || saltId(raw.lock.params) !== id || !raw.sealedDetails) continue;
		const bytes = await db.readBytes(raw.id);
		if (!isCaptureBytesRecord(bytes) || !('sealed' in bytes)) continue;
		const details = await unsealJson(library.key, raw.sealedDetails);
		if (!isCaptureDetails(details)) continue;
		await db.putCapture({ id: raw.id, savedAt: raw.savedAt, size: raw.size, lock: null, details }, { id: raw.id, bytes: await unseal(library.key, bytes.sealed) });
	}
	for (const record of await db.readAllSettingRecords()) {
		const setting = record as SettingRecord;
		if ('sealed' in setting) await db.putSettingRecord({ key: setting.key, value: await unsealJson(library.key, setting.sealed) });
	}
	await db.putKeyring(null);
	keys.library = null;
}

/** Every kept capture, newest first: readable ones with their details, locked ones without, damaged ones named. */
export async function listLibrary(keys: Keys): Promise<LibraryEntry[]> {
	const entries = await Promise.all((await db.readAllMeta()).map((raw) => entryOf(raw, keys)));
	return entries.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
}

async function entryOf(raw: unknown, keys: Keys): Promise<LibraryEntry> {
	if (!isCaptureMetaRecord(raw)) return damaged(raw, 'Its record is not one Telltale can read.');
	if (raw.lock === null) return { kind: 'open', id: raw.id, savedAt: raw.savedAt, size: raw.size, details: raw.details!, lock: null };
	const key = keys.get(raw.lock.params);
	if (!key) return { kind: 'locked', id: raw.id, savedAt: raw.savedAt, size: raw.size, lock: raw.lock.scope };
	try {
		const details = await unsealJson(key, raw.sealedDetails!);
		if (!isCaptureDetails(details)) return damaged(raw, 'Its details opened but are not in the expected shape.');
		return { kind: 'open', id: raw.id, savedAt: raw.savedAt, size: raw.size, details, lock: raw.lock.scope };
	} catch {
		// The key that opens its siblings (same salt) does not open this one: changed or damaged on disk.
		return damaged(raw, 'Its sealed details do not open with the key that opens the others: the record is damaged.');
	}
}

function damaged(raw: unknown, reason: string): LibraryEntry {
	const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const key = record.id as IDBValidKey;
	return {
		kind: 'damaged',
		id: String(record.id),
		key,
		savedAt: typeof record.savedAt === 'string' ? record.savedAt : null,
		size: typeof record.size === 'number' ? record.size : null,
		reason
	};
}

export interface KeepRequest {
	details: CaptureDetails;
	bytes: Uint8Array;
	/** null: in plain (or with the library's key when it has a passphrase); otherwise this capture's own passphrase. */
	passphrase: string | null;
}

export async function keepCapture(request: KeepRequest, keys: Keys): Promise<CaptureMetaRecord> {
	const base = { id: crypto.randomUUID(), savedAt: new Date().toISOString(), size: request.bytes.length };
	let lock: { scope: CaptureLock['scope']; params: KeyParams; key: CryptoKey } | null = null;
	if (request.passphrase !== null) {
		const params = newKeyParams();
		const key = await deriveKey(request.passphrase, params);
		keys.remember(params, key);
		lock = { scope: 'capture', params, key };
	} else if (await libraryLock()) {
		if (!keys.library) throw new Error('The library is locked: unlock it to keep captures.');
		lock = { scope: 'library', ...keys.library };
	}
	if (!lock) {
		const meta: CaptureMetaRecord = { ...base, lock: null, details: request.details };
		await db.putCapture(meta, { id: base.id, bytes: request.bytes });
		return meta;
	}
	const meta: CaptureMetaRecord = { ...base, lock: { scope: lock.scope, params: lock.params }, sealedDetails: await sealJson(lock.key, request.details) };
	await db.putCapture(meta, { id: base.id, sealed: await seal(lock.key, request.bytes) });
	return meta;
}

/**
 * A kept capture's details and bytes. A locked one needs its key in `keys`, or `passphrase` (WrongKeyError when it
 * does not open it). DamagedError when a record is missing or unreadable.
 */
export async function openCapture(id: string, keys: Keys, passphrase?: string): Promise<{ details: CaptureDetails; bytes: Uint8Array }> {
	const [meta, bytes] = await Promise.all([db.readMeta(id), db.readBytes(id)]);
	if (meta === undefined) throw new DamagedError('This capture is no longer in the library.');
	if (!isCaptureMetaRecord(meta)) throw new DamagedError('Its record is not one Telltale can read.');
	if (!isCaptureBytesRecord(bytes)) throw new DamagedError('Its bytes are missing from the library.');
	if (meta.lock === null) {
		if (!('bytes' in bytes)) throw new DamagedError('Its bytes are sealed but its record says it is not locked.');
		return { details: meta.details!, bytes: bytes.bytes };
	}
	if (!('sealed' in bytes)) throw new DamagedError('Its record says it is locked but its bytes are in plain.');
	let key = keys.get(meta.lock.params);
	const derived = !key;
	if (!key) {
		if (passphrase === undefined) throw new WrongKeyError();
		key = await deriveKey(passphrase, meta.lock.params);
	}
	// The details are small: a wrong key fails there at once. A failure after that is damage, not the passphrase.
	let details: unknown;
	try {
		details = await unsealJson(key, meta.sealedDetails!);
	} catch (error) {
		// A key this session already opened records of the same salt with: the record changed, the key is right.
		if (error instanceof WrongKeyError && !derived) throw new DamagedError('Its details do not open with the key that opens the others: the record is damaged.');
		throw error;
	}
	if (!isCaptureDetails(details)) throw new DamagedError('Its details opened but are not in the expected shape.');
	let plain: Uint8Array;
	try {
		plain = await unseal(key, bytes.sealed);
	} catch (error) {
		if (error instanceof WrongKeyError) throw new DamagedError('Its bytes do not open with the key that opens its details: they are damaged.');
		throw error;
	}
	if (derived) keys.remember(meta.lock.params, key);
	return { details, bytes: plain };
}

/** Updates a capture's details (a new name, a summary filled in after opening), sealed again with a fresh IV. */
export async function updateDetails(id: string, keys: Keys, change: (details: CaptureDetails) => CaptureDetails): Promise<void> {
	const meta = await db.readMeta(id);
	if (!isCaptureMetaRecord(meta)) throw new DamagedError('Its record is not one Telltale can read.');
	if (meta.lock === null) return db.putMeta({ ...meta, details: change(meta.details!) });
	const key = keys.get(meta.lock.params);
	if (!key) throw new WrongKeyError();
	const details = await unsealJson(key, meta.sealedDetails!);
	if (!isCaptureDetails(details)) throw new DamagedError('Its details opened but are not in the expected shape.');
	await db.putMeta({ ...meta, sealedDetails: await sealJson(key, change(details)) });
}

/** The raw records of a capture, for saving a damaged one to a file (bytes as stored: plain or ciphertext). */
export async function rawRecords(key: IDBValidKey): Promise<{ meta: unknown; bytes: Uint8Array | null }> {
	const [meta, bytes] = await Promise.all([db.readMeta(key as string), db.readBytes(key as string)]);
	const record = bytes as { bytes?: unknown; sealed?: { data?: unknown } } | undefined;
	const payload = record?.bytes instanceof Uint8Array ? record.bytes : record?.sealed?.data instanceof Uint8Array ? record.sealed.data : null;
	return { meta, bytes: payload };
}

/** Deletes the captures kept before `days` days ago; returns how many. */
export async function deleteOlderThan(days: number, now: Date = new Date()): Promise<number> {
	const cutoff = now.getTime() - days * 86_400_000;
	let deleted = 0;
	for (const raw of await db.readAllMeta()) {
		const record = raw as { id?: IDBValidKey; savedAt?: unknown };
		const saved = typeof record.savedAt === 'string' ? Date.parse(record.savedAt) : NaN;
		if (record.id === undefined || Number.isNaN(saved) || saved >= cutoff) continue;
		await db.deleteCapture(record.id);
		deleted++;
	}
	return deleted;
}

/** Settings that must be readable while the library is locked (they say nothing about the user). */
const PLAIN_SETTINGS = new Set(['auto-delete-days']);
const isPlainSetting = (key: string) => PLAIN_SETTINGS.has(key);

export type SettingRead<T> = { state: 'absent' } | { state: 'value'; value: T } | { state: 'locked' } | { state: 'damaged' };

export async function readSetting<T>(key: string, keys: Keys): Promise<SettingRead<T>> {
	const record = (await db.readSettingRecord(key)) as Partial<{ value: unknown; sealed: unknown; params: KeyParams }> | undefined;
	if (record === undefined) return { state: 'absent' };
	if ('value' in record) return { state: 'value', value: record.value as T };
	if (!record.params || !record.sealed) return { state: 'damaged' };
	const keyFor = keys.get(record.params);
	if (!keyFor) return { state: 'locked' };
	try {
		return { state: 'value', value: (await unsealJson(keyFor, record.sealed as never)) as T };
	} catch {
		return { state: 'damaged' };
	}
}

/** Writes a setting, sealed with the library's key when the library has a passphrase (it must be unlocked then). */
export async function writeSetting(key: string, value: unknown, keys: Keys): Promise<void> {
	if (isPlainSetting(key) || !(await libraryLock())) return db.putSettingRecord({ key, value });
	if (!keys.library) throw new Error('The library is locked: unlock it to change your settings.');
	await db.putSettingRecord({ key, sealed: await sealJson(keys.library.key, value), params: keys.library.params });
}
