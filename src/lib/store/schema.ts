/**
 * The shape of the 'telltale' IndexedDB database, version by version, and the step that takes a database from each
 * version to the next. A step runs inside the upgrade transaction only (no other awaits), and never drops a record
 * it does not understand: a record that does not have the old shape is left as it is and listed as damaged.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { isKeyParams, isSealed, type KeyParams, type Sealed } from './crypto';

export const DB_NAME = 'telltale';
export const DB_VERSION = 2;

export const META = 'capture-meta';
export const BYTES = 'capture-bytes';
export const SETTINGS = 'settings';
/** New in v2: how the library's key is made, and a sealed check value that tells a wrong passphrase. */
export const KEYRING = 'keyring';

/** What the list shows without reopening a capture; null where a capture kept before v2 never said. */
export interface CaptureSummary {
	requests: number;
	sites: number | null;
	findings: number | null;
	companies: number | null;
}

/** What a locked capture hides: its name, its format and what was found in it. */
export interface CaptureDetails {
	name: string;
	format: string;
	summary: CaptureSummary;
}

export interface CaptureLock {
	/** 'library': the library's passphrase opens it; 'capture': a passphrase of its own. */
	scope: 'library' | 'capture';
	params: KeyParams;
}

/** capture-meta, v2. `details` when in plain, `sealedDetails` when locked. Listing never reads the bytes. */
export interface CaptureMetaRecord {
	id: string;
	savedAt: string;
	/** Bytes of the capture itself (not of its ciphertext). */
	size: number;
	lock: CaptureLock | null;
	details?: CaptureDetails;
	sealedDetails?: Sealed;
}

/** capture-bytes, v2 (unchanged from v1 for captures in plain). */
export type CaptureBytesRecord = { id: string; bytes: Uint8Array } | { id: string; sealed: Sealed };

/** settings: a value in plain, or sealed with the library's key. */
export type SettingRecord = { key: string; value: unknown } | { key: string; sealed: Sealed; params: KeyParams };

export interface KeyringRecord {
	id: 'library';
	params: KeyParams;
	check: Sealed;
}

/** capture-meta as version 1 wrote it. */
export interface CaptureMetaV1 {
	id: string;
	name: string;
	savedAt: string;
	size: number;
	format: string;
	exchanges: number;
}

type Db = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Migration steps: `MIGRATIONS[n]` takes a database at version n to version n + 1. */
export const MIGRATIONS: ReadonlyArray<(db: Db, tx: UpgradeTx) => Promise<void>> = [
	// 0 → 1: the first shape. Metadata and bytes live apart so listing kept captures never loads their contents.
	async (db) => {
		const meta = db.createObjectStore(META, { keyPath: 'id' });
		meta.createIndex('savedAt', 'savedAt');
		db.createObjectStore(BYTES, { keyPath: 'id' });
		db.createObjectStore(SETTINGS, { keyPath: 'key' });
	},
	// 1 → 2: a summary and an optional lock per capture (name and format move under `details`), and the keyring.
	async (db, tx) => {
		db.createObjectStore(KEYRING, { keyPath: 'id' });
		let cursor = await tx.objectStore(META).openCursor();
		while (cursor) {
			const old = cursor.value as unknown;
			if (isCaptureMetaV1(old)) await cursor.update(fromV1(old));
			cursor = await cursor.continue();
		}
	}
];

export function fromV1(old: CaptureMetaV1): CaptureMetaRecord {
	return {
		id: old.id,
		savedAt: old.savedAt,
		size: old.size,
		lock: null,
		details: { name: old.name, format: old.format, summary: { requests: old.exchanges, sites: null, findings: null, companies: null } }
	};
}

export async function migrate(db: Db, oldVersion: number, newVersion: number, tx: UpgradeTx): Promise<void> {
	for (let version = oldVersion; version < newVersion; version++) {
		const step = MIGRATIONS[version];
		if (!step) throw new Error(`No migration from version ${version}`);
		await step(db, tx);
	}
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isCountOrNull = (value: unknown): boolean => value === null || isCount(value);

function isCaptureMetaV1(value: unknown): value is CaptureMetaV1 {
	const v = value as Partial<CaptureMetaV1> | null;
	return typeof v === 'object' && v !== null && isString(v.id) && isString(v.name) && isString(v.savedAt) && isCount(v.size) && isString(v.format) && isCount(v.exchanges);
}

export function isCaptureSummary(value: unknown): value is CaptureSummary {
	const v = value as Partial<CaptureSummary> | null;
	return typeof v === 'object' && v !== null && isCount(v.requests) && isCountOrNull(v.sites) && isCountOrNull(v.findings) && isCountOrNull(v.companies);
}

export function isCaptureDetails(value: unknown): value is CaptureDetails {
	const v = value as Partial<CaptureDetails> | null;
	return typeof v === 'object' && v !== null && isString(v.name) && isString(v.format) && isCaptureSummary(v.summary);
}

function isCaptureLock(value: unknown): value is CaptureLock {
	const v = value as Partial<CaptureLock> | null;
	return typeof v === 'object' && v !== null && (v.scope === 'library' || v.scope === 'capture') && isKeyParams(v.params);
}

/** Whether a capture-meta record can be listed: plain with its details, or locked with sealed details. */
export function isCaptureMetaRecord(value: unknown): value is CaptureMetaRecord {
	const v = value as Partial<CaptureMetaRecord> | null;
	if (typeof v !== 'object' || v === null || !isString(v.id) || !isString(v.savedAt) || Number.isNaN(Date.parse(v.savedAt)) || !isCount(v.size)) return false;
	if (v.lock === null) return isCaptureDetails(v.details);
	return isCaptureLock(v.lock) && isSealed(v.sealedDetails);
}

export function isCaptureBytesRecord(value: unknown): value is CaptureBytesRecord {
	const v = value as { id?: unknown; bytes?: unknown; sealed?: unknown } | null;
	return typeof v === 'object' && v !== null && isString(v.id) && (v.bytes instanceof Uint8Array || isSealed(v.sealed));
}

export function isKeyringRecord(value: unknown): value is KeyringRecord {
	const v = value as Partial<KeyringRecord> | null;
	return typeof v === 'object' && v !== null && v.id === 'library' && isKeyParams(v.params) && isSealed(v.check);
}
