/**
 * The Export menu's state: one export at a time, made in a job worker from the loaded capture's input and saved as a
 * download. A failed or cancelled export says so and changes nothing that is loaded. The sanitized HAR's dialog keeps
 * its preview and its errors here, so they stay in the dialog rather than the page's banner.
 */
import type { Progress } from '../workers/analysis-client';
import type { AnalysisSettings, WorkerResponse } from '../workers/protocol';
import type { ExportFormat, JobSource, SanitizeChoice, SanitizePreview } from '../workers/export-protocol';
import { startJob, type JobOutcome, type RunningJob } from '../workers/job-client';
import type { Banner } from './workspace.svelte';
import { saveBlob } from './download';

export const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
	html: 'HTML evidence report',
	md: 'Markdown report',
	json: 'JSON report'
};

type SavedFile = { blob: Blob; fileName: string };
const fileOf = (message: WorkerResponse): SavedFile | undefined => (message.type === 'file' ? { blob: message.blob, fileName: message.fileName } : undefined);

export type StartJob = typeof startJob;

export class Exporter {
	busy = $state(false);
	label = $state('');
	progress = $state.raw<Progress | null>(null);
	banner = $state.raw<Banner | null>(null);
	/** The name of the last file saved, for the status line. */
	saved = $state<string | null>(null);
	/** The sanitized HAR dialog: its preview, whether one is being made, and what went wrong there. */
	preview = $state.raw<SanitizePreview | null>(null);
	previewing = $state(false);
	sanitizeError = $state<string | null>(null);

	private running: RunningJob<unknown> | null = null;

	constructor(
		private readonly source: () => JobSource | null,
		private readonly settings: () => AnalysisSettings,
		private readonly save: (blob: Blob, fileName: string) => void = saveBlob,
		private readonly start: StartJob = startJob,
		private readonly now: () => Date = () => new Date()
	) {}

	/** Exports the loaded capture as a report and saves it. */
	async export(format: ExportFormat): Promise<void> {
		const source = this.source();
		if (!source) return;
		const outcome = await this.run(`Exporting the ${FORMAT_LABELS[format]}`, () =>
			this.start({ type: 'export', source, format, settings: this.settings(), analysedAt: this.now().toISOString() }, fileOf, (p) => (this.progress = p))
		);
		this.finish(outcome, FORMAT_LABELS[format], (message) => (this.banner = message));
	}

	/** Saves the sanitized HAR; its errors stay in the dialog. Resolves true when a file was saved. */
	async exportSanitized(choice: SanitizeChoice): Promise<boolean> {
		const source = this.source();
		if (!source) return false;
		this.sanitizeError = null;
		const outcome = await this.run('Writing the sanitized HAR', () => this.start({ type: 'export-har', source, choice: snapshot(choice) }, fileOf, (p) => (this.progress = p)));
		this.finish(outcome, 'sanitized HAR', (banner) => (this.sanitizeError = banner.message));
		return outcome.kind === 'done';
	}

	/** What the sanitized HAR would change, for the dialog's preview. */
	async previewSanitized(choice: SanitizeChoice): Promise<void> {
		const source = this.source();
		if (!source) return;
		this.cancel();
		this.previewing = true;
		this.preview = null;
		this.sanitizeError = null;
		const job = this.start(
			{ type: 'preview-sanitize', source, choice: snapshot(choice) },
			(message) => (message.type === 'sanitize-preview' ? message.preview : undefined),
			() => undefined
		);
		this.running = job;
		const outcome = await job.outcome;
		if (this.running === job) this.running = null;
		this.previewing = false;
		if (outcome.kind === 'done') this.preview = outcome.value;
		else if (outcome.kind === 'error') this.sanitizeError = outcome.message;
	}

	clearSanitize(): void {
		this.preview = null;
		this.sanitizeError = null;
	}

	cancel(): void {
		this.running?.cancel();
	}

	dismissBanner(): void {
		this.banner = null;
	}

	private async run<T>(label: string, begin: () => RunningJob<T>): Promise<JobOutcome<T>> {
		this.cancel();
		this.busy = true;
		this.label = label;
		this.progress = null;
		this.banner = null;
		this.saved = null;
		const job = begin();
		this.running = job as RunningJob<unknown>;
		const outcome = await job.outcome;
		// A newer job replaced this one: it owns the busy state now.
		if (this.running !== job) return outcome;
		this.running = null;
		this.busy = false;
		this.progress = null;
		return outcome;
	}

	private finish(outcome: JobOutcome<SavedFile>, what: string, report: (banner: Banner) => void): void {
		if (outcome.kind === 'done') {
			this.save(outcome.value.blob, outcome.value.fileName);
			this.saved = outcome.value.fileName;
		} else if (outcome.kind === 'cancelled') {
			if (!this.busy) this.banner = { kind: 'info', message: `Export cancelled. Nothing that is loaded has changed.` };
		} else {
			const message = `The ${what} could not be made: ${outcome.message}`;
			report({ kind: outcome.input ? 'input' : 'bug', message, ...(outcome.location ? { location: outcome.location } : {}) });
		}
	}
}

/** Plain data for postMessage: the dialog's choice may be a Svelte proxy. */
function snapshot(choice: SanitizeChoice): SanitizeChoice {
	return { mask: choice.mask, keepTypes: [...choice.keepTypes] };
}
