/**
 * What the user set up for every analysis: their own identifiers (searched for in plain, encoded and hashed
 * forms) and tracker lists they imported. Kept only in this browser's IndexedDB and handed to the worker; sealed
 * with the library's key when the library has a passphrase, and then unreadable (and dropped from the page) while
 * it is locked.
 */
import type { KnownValue } from '../core/classify/known-values';
import type { UserTrackerList } from '../core/classify/destinations/user-list';
import type { AnalysisSettings } from '../workers/protocol';
import { parseTrackerList } from '../workers/analysis-client';
import { readSetting, writeSetting, type Keys } from '../store/library-store';

export interface ImportedList {
	id: string;
	name: string;
	importedAt: string;
	list: UserTrackerList;
}

const KNOWN_KEY = 'known-values';
const LISTS_KEY = 'tracker-lists';

export class Settings {
	known = $state.raw<KnownValue[]>([]);
	lists = $state.raw<ImportedList[]>([]);
	error = $state<string | null>(null);
	/** Sealed with the library's passphrase and the library is locked: nothing is loaded and nothing can change. */
	locked = $state(false);

	constructor(private readonly keys: Keys) {}

	async load(): Promise<void> {
		try {
			const [known, lists] = await Promise.all([readSetting<KnownValue[]>(KNOWN_KEY, this.keys), readSetting<ImportedList[]>(LISTS_KEY, this.keys)]);
			this.locked = known.state === 'locked' || lists.state === 'locked';
			this.known = known.state === 'value' && Array.isArray(known.value) ? known.value : [];
			this.lists = lists.state === 'value' && Array.isArray(lists.value) ? lists.value : [];
			if (known.state === 'damaged' || lists.state === 'damaged') this.error = 'Some saved settings could not be read (their record is damaged); add them again.';
		} catch {
			// Without IndexedDB the settings live for this page only.
		}
	}

	forAnalysis(): AnalysisSettings {
		return { known: this.known, userLists: this.lists.map((l) => l.list) };
	}

	async addKnown(value: KnownValue): Promise<void> {
		const trimmed = { type: value.type, value: value.value.trim() };
		if (trimmed.value === '') return;
		if (this.known.some((k) => k.type === trimmed.type && k.value === trimmed.value)) return;
		this.known = [...this.known, trimmed];
		await this.persist(KNOWN_KEY, this.known);
	}

	async removeKnown(index: number): Promise<void> {
		this.known = this.known.filter((_, i) => i !== index);
		await this.persist(KNOWN_KEY, this.known);
	}

	async importList(file: File): Promise<void> {
		this.error = null;
		try {
			const list = await parseTrackerList(await file.text());
			const entry: ImportedList = { id: crypto.randomUUID(), name: file.name, importedAt: new Date().toISOString(), list };
			this.lists = [...this.lists, entry];
			await this.persist(LISTS_KEY, this.lists);
		} catch (error) {
			this.error = `${file.name}: ${error instanceof Error ? error.message : String(error)}`;
		}
	}

	async removeList(id: string): Promise<void> {
		this.lists = this.lists.filter((l) => l.id !== id);
		await this.persist(LISTS_KEY, this.lists);
	}

	private async persist(key: string, value: unknown): Promise<void> {
		try {
			await writeSetting(key, value, this.keys);
		} catch (error) {
			// Kept in memory for this page when IndexedDB is unavailable; a full disk or a locked library is said.
			const name = error instanceof Error ? error.name : '';
			if (name === 'StoreError' && (error as { problem?: string }).problem === 'unavailable') return;
			this.error = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
		}
	}
}
