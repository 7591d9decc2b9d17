/** Captures the user chose to keep in this browser (IndexedDB), listed by metadata only. */
import { forgetAllCaptures, forgetCapture, keepCapture, listKeptCaptures, loadKeptCapture, type KeptCaptureMeta } from '../store/db';

export class Library {
	captures = $state.raw<KeptCaptureMeta[]>([]);
	/** False when IndexedDB is unavailable (e.g. some private modes); the app works without it. */
	available = $state(true);

	async refresh(): Promise<void> {
		try {
			this.captures = await listKeptCaptures();
		} catch {
			this.available = false;
		}
	}

	async keep(entry: { name: string; bytes: Uint8Array; format: string; exchanges: number }): Promise<KeptCaptureMeta> {
		const meta = await keepCapture({ ...entry, size: entry.bytes.length });
		await this.refresh();
		return meta;
	}

	async open(id: string): Promise<File | null> {
		const kept = await loadKeptCapture(id);
		return kept ? new File([kept.bytes as Uint8Array<ArrayBuffer>], kept.name) : null;
	}

	async forget(id: string): Promise<void> {
		await forgetCapture(id);
		await this.refresh();
	}

	async forgetAll(): Promise<void> {
		await forgetAllCaptures();
		await this.refresh();
	}
}
