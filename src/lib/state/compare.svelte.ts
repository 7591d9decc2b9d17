/**
 * Compare: a second capture analysed beside the loaded one, in a job worker, and the comparison shown in place of the
 * workspace until the user goes back. The loaded capture is never replaced: its holder, its place and its filters stay
 * as they were. The first capture's digest is kept, so comparing it with a third capture analyses only the third.
 */
import type { Progress } from '../workers/analysis-client';
import type { AnalysisSettings } from '../workers/protocol';
import { sourceName, type JobSource } from '../workers/export-protocol';
import { startJob, type RunningJob } from '../workers/job-client';
import type { Digest } from '../core/report/capture-digest';
import type { Comparison } from '../core/report/compare';
import type { Banner } from './workspace.svelte';

/** The capture a comparison starts from: its input, and an object that names it (the loaded report) to tell captures apart. */
export interface FirstCapture {
	key: object;
	source: JobSource;
}

export class CompareState {
	/** The last comparison, and the capture it was made for. */
	comparison = $state.raw<Comparison | null>(null);
	/** Whether the compare view is shown instead of the workspace. */
	showing = $state(false);
	busy = $state(false);
	label = $state('');
	progress = $state.raw<Progress | null>(null);
	banner = $state.raw<Banner | null>(null);

	private of: object | null = null;
	private digestA: { key: object; digest: Digest } | null = null;
	private running: RunningJob<unknown> | null = null;

	constructor(
		private readonly first: () => FirstCapture | null,
		private readonly settings: () => AnalysisSettings,
		private readonly start: typeof startJob = startJob
	) {}

	/** Whether the comparison on hand belongs to the capture that is loaded now. */
	isFor(key: object | null): boolean {
		return key !== null && this.of === key && this.comparison !== null;
	}

	/** Analyses `second` and compares the loaded capture with it; shows the comparison when done. */
	async compareWith(second: JobSource): Promise<void> {
		const first = this.first();
		if (!first) return;
		this.cancel();
		this.busy = true;
		this.label = `Comparing ${sourceName(first.source)} with ${sourceName(second)}`;
		this.progress = null;
		this.banner = null;
		const a = this.digestA?.key === first.key ? { kind: 'digest' as const, digest: this.digestA.digest } : first.source;
		const job = this.start(
			{ type: 'compare', a, b: second, settings: this.settings() },
			(message) => (message.type === 'compared' ? { comparison: message.comparison, digestA: message.digestA } : undefined),
			(progress) => (this.progress = progress)
		);
		this.running = job;
		const outcome = await job.outcome;
		if (this.running !== job) return;
		this.running = null;
		this.busy = false;
		this.progress = null;
		if (outcome.kind === 'done') {
			this.digestA = { key: first.key, digest: outcome.value.digestA };
			this.comparison = outcome.value.comparison;
			this.of = first.key;
			this.showing = true;
		} else if (outcome.kind === 'cancelled') {
			this.banner = { kind: 'info', message: 'Comparison cancelled. The loaded capture has not changed.' };
		} else {
			const message = `The comparison could not be made: ${outcome.message}`;
			this.banner = { kind: outcome.input ? 'input' : 'bug', message, ...(outcome.location ? { location: outcome.location } : {}) };
		}
	}

	/** Shows the last comparison again (it is kept until another capture is loaded). */
	show(): void {
		if (this.comparison) this.showing = true;
	}

	/** Back to the single-capture workspace; the comparison stays at hand. */
	back(): void {
		this.showing = false;
	}

	cancel(): void {
		this.running?.cancel();
	}

	/** Says why a comparison could not start (a kept capture that would not open). */
	notify(banner: Banner): void {
		this.banner = banner;
	}

	dismissBanner(): void {
		this.banner = null;
	}
}
