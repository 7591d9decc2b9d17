/**
 * The workspace: what is loaded, what is running, what went wrong. A failed or cancelled job never
 * replaces what was already loaded (non-negotiable 4).
 */
import { AnalysisClient, type ExchangeDetail, type JobInput, type LoadedAnalysis, type Progress } from '../workers/analysis-client';
import type { AnalysisSettings, ReportOverview } from '../workers/protocol';

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

	select(index: number): void {
		this.selected = index;
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
		this.loaded?.dispose();
		this.loaded = loaded;
		this.source = input;
		this.report = loaded.report;
		this.lastMillis = millis;
		this.select(firstInteresting(loaded.report));
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
