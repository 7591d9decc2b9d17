/**
 * The workspace: what is loaded, what is running, what went wrong. A failed or cancelled job never
 * replaces what was already loaded (non-negotiable 4).
 */
import { AnalysisClient, type ExchangeDetail, type JobInput, type LoadedAnalysis, type Progress } from '../workers/analysis-client';
import type { AnalysisSettings, ReportOverview } from '../workers/protocol';
import type { JobSource } from '../workers/export-protocol';
import type { LeakGroup } from '../core/report/capture-index';
import type { ExchangeQuery } from '../core/report/exchange-query';
import { RequestList } from './request-list.svelte';
import { clearSession, loadSession, saveSession, startSession } from '../store/session';
import { fromHash, toHash, type Sort, type WorkspaceLocation, type WorkspaceView } from './url-state';

/** How the URL is written: a new history entry, or the current one replaced (typing, arrow keys). */
export type HistoryMode = 'push' | 'replace';

export interface Banner {
	kind: 'input' | 'bug' | 'info';
	message: string;
	location?: string;
	/** One thing the user can do about it (e.g. show the entries read before a truncation). */
	action?: { label: string; run: () => void };
}

export class Workspace {
	/** Big, immutable results: kept raw so Svelte does not proxy them. */
	report = $state.raw<ReportOverview | null>(null);
	selected = $state(0);
	/** The selected exchange in full (findings and decoded trees), fetched from the analysis's worker; null while it arrives. */
	detail = $state.raw<ExchangeDetail | null>(null);
	/** Why the selected exchange could not be shown in full (the worker failed on it, or did not answer). */
	detailError = $state<string | null>(null);
	busy = $state(false);
	busyLabel = $state('');
	progress = $state.raw<Progress | null>(null);
	banner = $state.raw<Banner | null>(null);
	lastMillis = $state<number | null>(null);
	/** Which capture-wide view is open. */
	view = $state<WorkspaceView>('requests');
	readonly list = new RequestList();
	/** Every value found, by type; fetched from the worker when "What leaked" is first opened. */
	leaks = $state.raw<LeakGroup[] | null>(null);
	/** Text typed in the paste box, kept across pages (About and back) and jobs. */
	draft = $state('');
	/** Whether the capture just opened may be held in plain for a reload (the library says no for locked ones). */
	holdForReload: (file: File | null) => boolean = () => true;
	/** Writes the workspace's location to the URL; the page sets it (the state does not touch the router). */
	onlocation: ((hash: string, mode: HistoryMode) => void) | null = null;
	/** A location asked for before its capture was loaded (a reload): applied once it is. */
	private pendingLocation: WorkspaceLocation | null = null;
	/** The hash this workspace last wrote. */
	private writtenHash: string | null = null;

	/** The input behind the loaded report, so the user can keep it in this browser. */
	private source: JobInput | null = null;
	private loaded: LoadedAnalysis | null = null;
	/** A partial result offered in the banner, not yet shown. */
	private pending: LoadedAnalysis | null = null;
	private readonly client = new AnalysisClient();
	private job = 0;

	constructor(private readonly settings: () => AnalysisSettings = () => ({ known: [], userLists: [] })) {}

	analyzeText(text: string, name = 'pasted text'): Promise<void> {
		if (text.trim() === '') {
			this.banner = { kind: 'input', message: 'Nothing to decode: the pasted text is empty.' };
			return Promise.resolve();
		}
		return this.run({ type: 'analyze-text', name, text, settings: this.settings() }, `Decoding ${name}`);
	}

	analyzeFile(file: File): Promise<void> {
		return this.run({ type: 'analyze-file', file, settings: this.settings() }, `Reading ${file.name}`);
	}

	cancel(): void {
		this.client.cancel();
	}

	/** Selects a request; `mode` says how the URL records it (null: not at all). */
	select(index: number, mode: HistoryMode | null = 'push'): void {
		const changed = this.selected !== index;
		this.selected = index;
		if (changed && mode) this.writeLocation(mode);
		this.detail = null;
		this.detailError = null;
		const loaded = this.loaded;
		loaded?.detail(index).then(
			(detail) => {
				if (this.loaded === loaded && this.selected === index) this.detail = detail;
			},
			(error: unknown) => {
				if (this.loaded === loaded && this.selected === index) this.detailError = error instanceof Error ? error.message : String(error);
			}
		);
	}

	/** The bytes of the loaded input, for keeping it in IndexedDB. */
	async sourceBytes(): Promise<{ name: string; bytes: Uint8Array } | null> {
		const source = this.source;
		if (!source) return null;
		if (source.type === 'analyze-file') return { name: source.file.name, bytes: new Uint8Array(await source.file.arrayBuffer()) };
		return { name: source.name, bytes: new TextEncoder().encode(source.text) };
	}

	/** The loaded capture's input, for a job that reads it again (an export, a comparison); null when nothing is loaded. */
	jobSource(): JobSource | null {
		const source = this.source;
		if (!source) return null;
		return source.type === 'analyze-file' ? { kind: 'file', file: source.file } : { kind: 'text', name: source.name, text: source.text };
	}

	/** Filters the request list (and shows it), recording the filter in the URL. */
	filter(query: ExchangeQuery, mode: HistoryMode = 'push'): Promise<void> {
		this.view = 'requests';
		const done = this.list.apply(query);
		this.writeLocation(mode);
		return done;
	}

	sortBy(sort: Sort): void {
		this.list.setSort(sort);
		this.writeLocation('replace');
	}

	show(view: WorkspaceView): void {
		if (this.view === view) return;
		this.view = view;
		if (view === 'leaks') void this.loadLeaks();
		this.writeLocation('push');
	}

	location(): WorkspaceLocation {
		return { view: this.view, exchange: this.report ? this.selected : null, query: this.list.query, sort: this.list.sort };
	}

	/** Back, Forward or a typed hash: go where the URL says, without writing it again. */
	applyHash(hash: string): void {
		// The workspace's own writes come back through the router: they say nothing new.
		if (this.report && hash === this.writtenHash) return;
		this.writtenHash = hash;
		const location = fromHash(hash);
		if (!this.report) {
			this.pendingLocation = hash === '' ? null : location;
			return;
		}
		this.applyLocation(location);
	}

	private applyLocation(location: WorkspaceLocation): void {
		const report = this.report;
		if (!report) return;
		this.view = location.view;
		if (location.view === 'leaks') void this.loadLeaks();
		this.list.setSort(location.sort);
		if (sameQuery(location.query, this.list.query) === false) void this.list.apply(location.query);
		if (location.exchange !== null && location.exchange < report.exchanges.length && location.exchange !== this.selected) this.select(location.exchange, null);
	}

	private writeLocation(mode: HistoryMode): void {
		if (!this.report) return;
		this.writtenHash = toHash(this.location());
		this.onlocation?.(this.writtenHash, mode);
	}

	private async loadLeaks(): Promise<void> {
		const loaded = this.loaded;
		if (!loaded || this.leaks) return;
		try {
			const groups = await loaded.leaks();
			if (this.loaded === loaded) this.leaks = groups;
		} catch (error) {
			if (this.loaded === loaded) this.banner = { kind: 'bug', message: `The list of values found could not be made: ${error instanceof Error ? error.message : String(error)}` };
		}
	}

	/**
	 * After a reload: opens the capture that was open, at the place the URL names. Only within one browser session,
	 * and only when the URL names a place (a fresh start shows the start page).
	 */
	async restore(hash: string): Promise<void> {
		const reloaded = await startSession();
		if (!reloaded || hash === '' || this.report || this.busy) return;
		const input = await loadSession();
		if (!input) return;
		this.applyHash(hash);
		if (input.kind === 'text') await this.analyzeText(input.text, input.name);
		else await this.analyzeFile(new File([input.file], input.name));
	}

	/** Closes the capture: the page returns to its start, nothing else changes. */
	close(): void {
		void clearSession();
		this.loaded?.dispose();
		this.loaded = null;
		this.source = null;
		this.report = null;
		this.detail = null;
		this.leaks = null;
		this.view = 'requests';
		this.list.reset([], null);
		this.onlocation?.('', 'push');
	}

	dismissBanner(): void {
		this.banner = null;
	}

	dispose(): void {
		this.client.dispose();
		this.discardPending();
		this.loaded?.dispose();
		this.loaded = null;
	}

	private discardPending(): void {
		this.pending?.dispose();
		this.pending = null;
	}

	private load(loaded: LoadedAnalysis, input: JobInput, millis: number): void {
		// The benchmark measures from here to just after the next frame is painted: the overview's render cost.
		performance.mark('telltale:report-arrived');
		requestAnimationFrame(() => setTimeout(() => performance.measure('telltale:overview-rendered', 'telltale:report-arrived')));
		this.loaded?.dispose();
		this.loaded = loaded;
		this.source = input;
		this.report = loaded.report;
		this.lastMillis = millis;
		this.leaks = null;
		this.list.reset(loaded.report.exchanges, (query, onChunk) => loaded.query(query, onChunk));
		const pending = this.pendingLocation;
		this.pendingLocation = null;
		this.view = 'requests';
		this.selected = -1;
		if (pending) {
			this.select(pending.exchange !== null && pending.exchange < loaded.report.exchanges.length ? pending.exchange : firstInteresting(loaded.report), null);
			this.applyLocation(pending);
			this.writeLocation('replace');
		} else this.select(firstInteresting(loaded.report), 'push');
	}

	private async run(input: JobInput, label: string): Promise<void> {
		const job = ++this.job;
		this.discardPending();
		this.busy = true;
		this.busyLabel = label;
		this.progress = null;
		this.banner = null;
		const outcome = await this.client.run(input, (progress) => (this.progress = progress));
		// A newer job may have replaced this one; only the job that is still current updates the state.
		if (job !== this.job) {
			if (outcome.kind === 'result' || outcome.kind === 'partial') outcome.loaded.dispose();
			return;
		}
		if (outcome.kind === 'cancelled') {
			this.banner = { kind: 'info', message: 'Cancelled. Nothing that was loaded before has changed.' };
		} else if (outcome.kind === 'result') {
			this.load(outcome.loaded, input, outcome.millis);
			if (this.holdForReload(input.type === 'analyze-file' ? input.file : null)) {
				void saveSession(input.type === 'analyze-file' ? { kind: 'file', file: input.file, name: input.file.name } : { kind: 'text', text: input.text, name: input.name });
			} else void clearSession();
			if (outcome.warnings.length > 0) this.banner = { kind: 'info', message: outcome.warnings.join(' ') };
		} else if (outcome.kind === 'partial') {
			// What is loaded stays; the entries read before the problem are one click away.
			this.discardPending();
			this.pending = outcome.loaded;
			const count = outcome.loaded.report.exchanges.length;
			this.banner = {
				kind: 'input',
				message: outcome.message,
				...(outcome.location ? { location: outcome.location } : {}),
				action: {
					label: `Show the ${count.toLocaleString('en-US')} complete ${count === 1 ? 'entry' : 'entries'}`,
					run: () => {
						if (this.pending !== outcome.loaded) return;
						this.pending = null;
						this.banner = null;
						this.load(outcome.loaded, input, outcome.millis);
					}
				}
			};
		} else if (outcome.kind === 'input-error') {
			this.banner = { kind: 'input', message: outcome.message, ...(outcome.location ? { location: outcome.location } : {}) };
		} else {
			this.banner = { kind: 'bug', message: `Telltale failed on this input (a bug, not your mistake): ${outcome.message}` };
		}
		this.busy = false;
		this.progress = null;
	}
}

/** Whether two queries ask the same (their keys may have been written in a different order). */
function sameQuery(a: ExchangeQuery, b: ExchangeQuery): boolean {
	const hashOf = (query: ExchangeQuery) => toHash({ view: 'requests', exchange: null, query, sort: { key: 'index', descending: false } });
	return hashOf(a) === hashOf(b) && (a.exchanges?.length ?? 0) === (b.exchanges?.length ?? 0);
}

/** Opens on the exchange that reveals the most: the longest layer chain, then the most findings. */
function firstInteresting(report: ReportOverview): number {
	let best = 0;
	report.exchanges.forEach((exchange, index) => {
		const current = report.exchanges[best]!;
		const score = (e: typeof exchange) => e.layers.length * 1000 + e.findingCount;
		if (score(exchange) > score(current)) best = index;
	});
	return best;
}
