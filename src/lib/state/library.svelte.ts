/**
 * The library: captures the user chose to keep in this browser (IndexedDB), listed by metadata only, optionally
 * locked with a passphrase. Every failure becomes a message that says what happened and what to do; nothing already
 * kept is touched by a failed write.
 */
import type { ReportOverview } from '../workers/protocol';
import { WrongKeyError } from '../store/crypto';
import { deleteAll, deleteCapture, onDatabaseEvents, storeErrorOf, StoreError } from '../store/db';
import {
	DamagedError,
	deleteOlderThan,
	keepCapture,
	Keys,
	libraryLock,
	listLibrary,
	lockLibrary,
	openCapture,
	rawRecords,
	readSetting,
	unlockForGood,
	unlockLibrary,
	updateDetails,
	writeSetting,
	type LibraryEntry
} from '../store/library-store';
import type { CaptureSummary } from '../store/schema';
import { clearSession } from '../store/session';
import { formatBytes } from '../core/shared/bytes';

export type { LibraryEntry } from '../store/library-store';
export type { CaptureSummary } from '../store/schema';

export type LibraryStatus = 'loading' | 'ready' | 'unavailable' | 'blocked' | 'superseded';
/** none: no passphrase; locked: one, and its key is not in memory; unlocked: the key is in memory until Lock. */
export type LockState = 'none' | 'locked' | 'unlocked';

/** How long a deleted capture can be brought back; it is removed from IndexedDB only after this. */
export const UNDO_MS = 10_000;
const AUTO_DELETE_KEY = 'auto-delete-days';

export const MESSAGES = {
	unavailable: 'Your browser does not let Telltale store data here (private window?). Captures can still be analysed; nothing will be kept.',
	blocked: 'Telltale is open in another tab with an older version; close it to continue.',
	superseded: 'A newer version of Telltale is open in another tab; reload this tab to use the library.',
	wrongCapture: 'That passphrase does not open this capture.',
	wrongLibrary: 'That passphrase does not open this library.'
} as const;

export interface StorageEstimate {
	usage: number;
	quota: number;
}

interface PendingDeletion {
	entry: LibraryEntry;
	timer: ReturnType<typeof setTimeout>;
}

/** What the list shows about a capture, taken from its report. */
export function summaryOf(report: ReportOverview): CaptureSummary {
	const companies = new Set((report.summary.destinations ?? []).map((d) => d.company).filter((c) => c !== null));
	return { requests: report.input.exchanges, sites: report.summary.sites.length, findings: report.summary.findings, companies: companies.size };
}

export class Library {
	/** Every entry in IndexedDB, newest first, including those waiting out their undo window. */
	private all = $state.raw<LibraryEntry[]>([]);
	status = $state<LibraryStatus>('loading');
	lock = $state<LockState>('none');
	/** A failure or a note about the library as a whole, in words for people. */
	message = $state<string | null>(null);
	/** Why the last Keep failed (null: it did not). */
	keepError = $state<string | null>(null);
	/** Deleted, waiting out the undo window. */
	pending = $state.raw<LibraryEntry[]>([]);
	storage = $state.raw<StorageEstimate | null>(null);
	/** Whether the browser promised not to evict this site's storage (null: the browser cannot say). */
	persisted = $state<boolean | null>(null);
	autoDeleteDays = $state<number | null>(null);
	/** How many captures the auto-delete removed at start-up. */
	autoDeleted = $state(0);
	/** A key derivation or a re-encryption running: "Unlocking…". */
	working = $state<string | null>(null);
	/** The library's dialog is shown (the header button, the start page's link). */
	panelOpen = $state(false);
	/** Called when the library's key comes or goes, so settings sealed with it are read again or dropped. */
	onkeys: (() => void) | null = null;

	readonly keys = new Keys();
	private readonly timers = new Map<string, PendingDeletion>();
	/** Files made from locked captures: the page does not hold them in plain for a reload. */
	private readonly lockedFiles = new WeakSet<File>();
	private starting: Promise<void> | null = null;

	/** Entries shown in the list: not those waiting out their undo window. */
	get entries(): LibraryEntry[] {
		return this.all.filter((entry) => !this.pending.some((p) => p.id === entry.id));
	}

	get available(): boolean {
		return this.status !== 'unavailable' && this.status !== 'superseded';
	}

	/** Whether the open capture may be held in plain for a reload (not when it, or the library, is locked). */
	holdsInPlain(file: File | null): boolean {
		return this.lock === 'none' && (file === null || !this.lockedFiles.has(file));
	}

	/** Once per page: auto-delete, then the list, the storage estimate and the persistence state. */
	start(): Promise<void> {
		this.starting ??= this.startOnce();
		return this.starting;
	}

	private async startOnce(): Promise<void> {
		onDatabaseEvents({
			blocked: (waiting) => {
				if (waiting) this.status = 'blocked';
				else if (this.status === 'blocked') this.status = 'loading';
			},
			superseded: () => (this.status = 'superseded')
		});
		if (typeof window !== 'undefined') window.addEventListener('pagehide', () => this.flushDeletions());
		try {
			this.lock = (await libraryLock()) ? 'locked' : 'none';
			const days = await readSetting<number>(AUTO_DELETE_KEY, this.keys);
			this.autoDeleteDays = days.state === 'value' && Number.isInteger(days.value) && days.value > 0 ? days.value : null;
			if (this.autoDeleteDays !== null) this.autoDeleted = await deleteOlderThan(this.autoDeleteDays);
			this.status = 'ready';
		} catch (error) {
			this.fail(error);
		}
		await this.refresh();
		void this.refreshStorage();
	}

	async refresh(): Promise<void> {
		if (!this.starting) return this.start();
		try {
			this.all = await listLibrary(this.keys);
			if (this.status === 'loading' || this.status === 'blocked') this.status = 'ready';
		} catch (error) {
			this.fail(error);
		}
	}

	async refreshStorage(): Promise<void> {
		const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
		if (!storage) return;
		try {
			const estimate = await storage.estimate();
			this.storage = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
			this.persisted = typeof storage.persisted === 'function' ? await storage.persisted() : null;
		} catch {
			this.storage = null;
		}
	}

	/** Asks the browser not to evict the library when space runs low; returns whether it agreed. */
	async requestPersistence(): Promise<boolean> {
		try {
			this.persisted = (await navigator.storage.persist()) === true;
		} catch {
			this.persisted = false;
		}
		return this.persisted;
	}

	async keep(entry: { name: string; bytes: Uint8Array; format: string; summary: CaptureSummary }, passphrase: string | null = null): Promise<boolean> {
		this.keepError = null;
		if (passphrase !== null) this.working = 'Locking this capture…';
		try {
			await keepCapture({ details: { name: entry.name, format: entry.format, summary: entry.summary }, bytes: entry.bytes, passphrase }, this.keys);
			return true;
		} catch (error) {
			this.keepError = await this.keepFailure(error);
			return false;
		} finally {
			this.working = null;
			await this.refresh();
			void this.refreshStorage();
		}
	}

	private async keepFailure(error: unknown): Promise<string> {
		const failure = error instanceof Error && !(error instanceof DOMException) && !(error instanceof StoreError) ? error : storeErrorOf(error);
		if (failure instanceof StoreError && failure.problem === 'quota') {
			await this.refreshStorage();
			const used = this.storage ? ` (used ${formatBytes(this.storage.usage)} of ${formatBytes(this.storage.quota)})` : '';
			return `Not kept: the browser's storage for Telltale is full${used}. Delete kept captures or free space on this disk, then keep it again. Nothing already kept was changed.`;
		}
		if (failure instanceof StoreError) return `Not kept: ${this.describe(failure)}`;
		return `Not kept: ${failure.message}`;
	}

	/** A kept capture as a file to analyse; null with `message` or a thrown WrongKeyError's words on failure. */
	async open(id: string, passphrase?: string): Promise<{ file: File } | { error: string; wrongPassphrase?: boolean }> {
		const entry = this.all.find((e) => e.id === id);
		this.working = passphrase !== undefined ? 'Unlocking…' : null;
		try {
			if (passphrase !== undefined && entry?.kind === 'locked' && entry.lock === 'library') {
				await this.unlock(passphrase);
				if (this.lock !== 'unlocked') return { error: MESSAGES.wrongLibrary, wrongPassphrase: true };
			}
			const opened = await openCapture(id, this.keys, passphrase);
			const file = new File([opened.bytes as Uint8Array<ArrayBuffer>], opened.details.name);
			if (entry && entry.kind !== 'damaged' && entry.lock !== null) this.lockedFiles.add(file);
			if (entry?.kind === 'locked') await this.refresh();
			return { file };
		} catch (error) {
			if (error instanceof WrongKeyError) return { error: passphrase === undefined ? 'This capture is locked: enter its passphrase.' : MESSAGES.wrongCapture, wrongPassphrase: true };
			if (error instanceof DamagedError) {
				await this.refresh();
				return { error: `This capture cannot be opened: ${error.message}` };
			}
			return { error: this.describe(storeErrorOf(error)) };
		} finally {
			this.working = null;
		}
	}

	/** Fills in what a capture kept before summaries existed lacks, once it has been opened and analysed. */
	async completeSummary(id: string, summary: CaptureSummary): Promise<void> {
		const entry = this.all.find((e) => e.id === id);
		if (entry?.kind !== 'open' || entry.details.summary.sites !== null) return;
		try {
			await updateDetails(id, this.keys, (details) => ({ ...details, summary }));
			await this.refresh();
		} catch {
			// The list keeps showing what it had; nothing depends on it.
		}
	}

	async rename(id: string, name: string): Promise<string | null> {
		const trimmed = name.trim();
		if (trimmed === '') return 'A name cannot be empty.';
		try {
			await updateDetails(id, this.keys, (details) => ({ ...details, name: trimmed }));
			await this.refresh();
			return null;
		} catch (error) {
			return error instanceof WrongKeyError ? 'Unlock this capture to rename it.' : `Not renamed: ${this.describe(storeErrorOf(error))}`;
		}
	}

	/** Hides the capture at once and deletes it after the undo window (or when the page goes away). */
	remove(id: string): void {
		const entry = this.all.find((e) => e.id === id);
		if (!entry || this.timers.has(id)) return;
		const timer = setTimeout(() => void this.deleteNow(id), UNDO_MS);
		this.timers.set(id, { entry, timer });
		this.pending = [...this.pending, entry];
	}

	undo(): void {
		for (const { timer } of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
		this.pending = [];
	}

	private async deleteNow(id: string): Promise<void> {
		const pending = this.timers.get(id);
		if (!pending) return;
		this.timers.delete(id);
		try {
			await deleteCapture(pending.entry.kind === 'damaged' ? pending.entry.key : id);
		} catch (error) {
			this.message = `Not deleted: ${this.describe(storeErrorOf(error))}`;
		}
		this.pending = this.pending.filter((e) => e.id !== id);
		await this.refresh();
		void this.refreshStorage();
	}

	/** Runs the deletions still waiting: leaving the page ends the undo window. */
	flushDeletions(): void {
		for (const [id, { timer }] of this.timers) {
			clearTimeout(timer);
			void this.deleteNow(id);
		}
	}

	/** Deletes every kept capture at once (no undo: the confirmation said so); with `settings`, the settings and the lock too. */
	async removeAll(settings: boolean): Promise<void> {
		this.undo();
		try {
			await deleteAll(settings);
			if (settings) {
				this.keys.forget();
				this.lock = 'none';
				this.autoDeleteDays = null;
				this.onkeys?.();
			}
			this.message = null;
		} catch (error) {
			this.message = `Not deleted: ${this.describe(storeErrorOf(error))}`;
		}
		await this.refresh();
		void this.refreshStorage();
	}

	/** Gives the library a passphrase: every capture and setting is sealed with it. */
	async setPassphrase(passphrase: string): Promise<string | null> {
		this.working = 'Locking the library…';
		try {
			await lockLibrary(passphrase, this.keys);
			this.lock = 'unlocked';
			// The open capture was held in plain for a reload; with a locked library it is not.
			await clearSession();
			return null;
		} catch (error) {
			return `Not locked: ${error instanceof StoreError || error instanceof DOMException ? this.describe(storeErrorOf(error)) : (error as Error).message}`;
		} finally {
			this.working = null;
			this.onkeys?.();
			await this.refresh();
		}
	}

	/** Returns null when unlocked, else why not. */
	async unlock(passphrase: string): Promise<string | null> {
		this.working = 'Unlocking…';
		try {
			await unlockLibrary(passphrase, this.keys);
			this.lock = 'unlocked';
			this.onkeys?.();
			await this.refresh();
			return null;
		} catch (error) {
			return error instanceof WrongKeyError ? MESSAGES.wrongLibrary : `Not unlocked: ${(error as Error).message}`;
		} finally {
			this.working = null;
		}
	}

	/** Forgets every key in memory: locked captures show no name again, and sealed settings are dropped from the page. */
	lockNow(): void {
		this.keys.forget();
		if (this.lock === 'unlocked') this.lock = 'locked';
		this.onkeys?.();
		void this.refresh();
	}

	/** Takes the passphrase away (the library must be unlocked): everything goes back to plain. */
	async removePassphrase(): Promise<string | null> {
		this.working = 'Removing the passphrase…';
		try {
			await unlockForGood(this.keys);
			this.lock = 'none';
			return null;
		} catch (error) {
			return `Not changed: ${(error as Error).message}`;
		} finally {
			this.working = null;
			this.onkeys?.();
			await this.refresh();
		}
	}

	async setAutoDelete(days: number | null): Promise<void> {
		try {
			await writeSetting(AUTO_DELETE_KEY, days, this.keys);
			this.autoDeleteDays = days;
			if (days !== null) {
				const deleted = await deleteOlderThan(days);
				if (deleted > 0) this.message = `${deleted} capture${deleted === 1 ? ' was' : 's were'} older than ${days} days and deleted.`;
				await this.refresh();
			}
		} catch (error) {
			this.message = `Not saved: ${this.describe(storeErrorOf(error))}`;
		}
	}

	/** The records of a damaged capture as they are stored, for the user to keep a copy before deleting. */
	async exportRaw(entry: LibraryEntry): Promise<Blob | null> {
		try {
			const raw = await rawRecords(entry.kind === 'damaged' ? entry.key : entry.id);
			if (raw.bytes) return new Blob([raw.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
			return new Blob([JSON.stringify(raw.meta, null, 2)], { type: 'application/json' });
		} catch (error) {
			this.message = `Not exported: ${this.describe(storeErrorOf(error))}`;
			return null;
		}
	}

	private fail(error: unknown): void {
		const failure = storeErrorOf(error);
		if (failure.problem === 'unavailable') this.status = 'unavailable';
		else if (failure.problem === 'superseded') this.status = 'superseded';
		else this.message = this.describe(failure);
	}

	describe(error: StoreError): string {
		switch (error.problem) {
			case 'unavailable':
				return MESSAGES.unavailable;
			case 'blocked':
				return MESSAGES.blocked;
			case 'superseded':
				return MESSAGES.superseded;
			case 'quota':
				return 'the browser\'s storage for Telltale is full. Delete kept captures or free space on this disk.';
			default:
				return error.message;
		}
	}
}
