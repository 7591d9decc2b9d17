/**
 * The workspace: what is loaded, what is running, what went wrong. A failed or cancelled job never
 * replaces what was already loaded (non-negotiable 4).
 */
import type { Analysis } from '../core/model';
import { AnalysisClient, type Progress } from '../workers/analysis-client';

export interface Banner {
	kind: 'input' | 'bug' | 'info';
	message: string;
	location?: string;
}

export class Workspace {
	/** Big, immutable results: kept raw so Svelte does not proxy every decoded node. */
	analysis = $state.raw<Analysis | null>(null);
	selected = $state(0);
	busy = $state(false);
	busyLabel = $state('');
	progress = $state.raw<Progress | null>(null);
	banner = $state.raw<Banner | null>(null);
	lastMillis = $state<number | null>(null);

	private readonly client = new AnalysisClient();
	private job = 0;

	get selectedExchange() {
		return this.analysis?.report.exchanges[this.selected] ?? null;
	}

	get selectedParts() {
		return this.analysis?.parts[this.selected] ?? [];
	}

	analyzeText(text: string, name = 'pasted text'): Promise<void> {
		if (text.trim() === '') {
			this.banner = { kind: 'input', message: 'Nothing to decode: the pasted text is empty.' };
			return Promise.resolve();
		}
		return this.run({ type: 'analyze-text', name, text }, `Decoding ${name}`);
	}

	analyzeFile(file: File): Promise<void> {
		return this.run({ type: 'analyze-file', file }, `Reading ${file.name}`);
	}

	cancel(): void {
		this.client.cancel();
	}

	select(index: number): void {
		this.selected = index;
	}

	dismissBanner(): void {
		this.banner = null;
	}

	dispose(): void {
		this.client.dispose();
	}

	private async run(input: Parameters<AnalysisClient['run']>[0], label: string): Promise<void> {
		const job = ++this.job;
		this.busy = true;
		this.busyLabel = label;
		this.progress = null;
		this.banner = null;
		const outcome = await this.client.run(input, (progress) => (this.progress = progress));
		// A newer job may have replaced this one; only the job that is still current updates the state.
		if (job !== this.job) return;
		if (outcome.kind === 'cancelled') {
			this.banner = { kind: 'info', message: 'Cancelled. Nothing that was loaded before has changed.' };
		} else if (outcome.kind === 'result') {
			this.analysis = outcome.analysis;
			this.selected = firstInteresting(outcome.analysis);
			this.lastMillis = outcome.millis;
		} else if (outcome.kind === 'input-error') {
			this.banner = { kind: 'input', message: outcome.message, ...(outcome.location ? { location: outcome.location } : {}) };
		} else {
			this.banner = { kind: 'bug', message: `Telltale failed on this input (a bug, not your mistake): ${outcome.message}` };
		}
		this.busy = false;
		this.progress = null;
	}
}

/** Opens on the exchange that reveals the most: the longest layer chain. */
function firstInteresting(analysis: Analysis): number {
	let best = 0;
	analysis.report.exchanges.forEach((exchange, index) => {
		if (exchange.layers.length > (analysis.report.exchanges[best]?.layers.length ?? 0)) best = index;
	});
	return best;
}
