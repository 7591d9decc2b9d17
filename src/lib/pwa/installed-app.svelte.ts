/**
 * Everything that reaches Telltale from outside the page once it is installed: files opened with it (launchQueue), items
 * shared to it (the service worker's share inbox), and new versions of the app itself (held until the user reloads).
 * A launched or shared capture opens exactly as a dropped or pasted one would.
 */
import { consumeLaunches, type LaunchedFiles } from './launch-queue';
import { ServiceWorkerUpdates } from './service-worker-updates.svelte';
import { leftOutNote } from './left-out';
import { SHARED_QUERY, takeShared, type SharedInput } from './shared-inbox';

/** What the installed app opens things with: the workspace's own entry points (drop → analyzeFile, paste → analyzeText). */
export interface CaptureOpener {
	analyzeFile(file: File): Promise<void>;
	analyzeText(text: string, name?: string): Promise<void>;
}

export interface InstalledAppOptions {
	/** Shows the start page (where a capture's report lives), replacing the current history entry when asked. */
	goHome(replace: boolean): Promise<void>;
}

export class InstalledApp {
	readonly updates = new ServiceWorkerUpdates();
	/** A short note about the last launch or share (files left out, or why it could not be opened). */
	note = $state<string | null>(null);

	constructor(
		private readonly opener: CaptureOpener,
		private readonly options: InstalledAppOptions
	) {}

	/** Called once per page load, from the layout. */
	start(): void {
		if (import.meta.env.PROD) void this.updates.register();
		consumeLaunches((launched) => void this.openLaunched(launched));
		if (new URLSearchParams(location.search).has(SHARED_QUERY)) void this.openShared();
	}

	dismissNote(): void {
		this.note = null;
	}

	private async openLaunched({ files, unreadable }: LaunchedFiles): Promise<void> {
		const [first, ...rest] = files;
		this.note = leftOutNote(first?.name ?? null, [...rest.map((file) => file.name), ...unreadable]);
		if (!first) return;
		await this.options.goHome(false);
		await this.opener.analyzeFile(first);
	}

	private async openShared(): Promise<void> {
		const shared = await takeShared();
		// The query has done its work: a reload or a kept link must not look for the share again.
		await this.options.goHome(true);
		if (shared) await this.open(shared);
	}

	private async open(shared: SharedInput): Promise<void> {
		if (shared.kind === 'error') {
			this.note = shared.message;
			return;
		}
		this.note = leftOutNote(shared.kind === 'file' ? shared.file.name : shared.name, shared.ignored);
		if (shared.kind === 'file') await this.opener.analyzeFile(shared.file);
		else await this.opener.analyzeText(shared.text, shared.name);
	}
}
