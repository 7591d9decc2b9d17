/**
 * What the user set up for every analysis: their own identifiers (searched for in plain, encoded and hashed
 * forms) and tracker lists they imported. Kept only in this browser's IndexedDB and handed to the worker.
 */
import type { KnownValue } from '../core/classify/known-values';
import type { UserTrackerList } from '../core/classify/destinations/user-list';
import type { AnalysisSettings } from '../workers/protocol';
import { parseTrackerList } from '../workers/analysis-client';
import { readSetting, writeSetting } from '../store/db';

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

	async load(): Promise<void> {
		try {
			this.known = (await readSetting<KnownValue[]>(KNOWN_KEY)) ?? [];
			this.lists = (await readSetting<ImportedList[]>(LISTS_KEY)) ?? [];
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
			await writeSetting(key, value);
		} catch {
			// Kept in memory for this page when IndexedDB is unavailable.
		}
	}
}
