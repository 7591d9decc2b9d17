/**
 * The jobs the Export menu and Compare start, run in a worker of their own (never the holder of the loaded analysis,
 * which keeps answering the page; cancelling terminates the job's worker). Each reads the capture's input again, as
 * the command line does: `streamReport` analyses it exchange by exchange into a sink, so an export is the CLI's
 * output for the same input and settings, and a comparison is `telltale compare`'s. Text comes out in pieces and is
 * gathered into Blobs, never one string.
 */
import { streamReport } from '../core/report/stream-report';
import { ReportJson, type ReportSink } from '../core/report/report-json';
import { EvidenceHtml } from '../core/report/evidence/html-sink';
import { EvidenceMarkdown } from '../core/report/evidence/markdown-sink';
import { hashedSource, type Provenance } from '../core/report/evidence/provenance';
import { CaptureDigest, type Digest } from '../core/report/capture-digest';
import { compareCaptures, type Comparison } from '../core/report/compare';
import { InputError, isInputError } from '../core/errors';
import { VERSION } from '../core/version';
import { sanitizeCapture, type MaskKind } from '../core/sanitize/index';
import type { AnalysisSettings, Phase, WorkerRequest, WorkerResponse } from './protocol';
import {
	exportFileName,
	exportMimeType,
	PREVIEW_MAX_CHANGES,
	type ExportFormat,
	type JobSource,
	type SanitizeChange,
	type SanitizeChoice,
	type SanitizePreview
} from './export-protocol';

export type JobRequest = Extract<WorkerRequest, { type: 'export' | 'export-har' | 'preview-sanitize' | 'compare' }>;

const JOB_TYPES: ReadonlySet<string> = new Set<JobRequest['type']>(['export', 'export-har', 'preview-sanitize', 'compare']);

export function isJobRequest(request: WorkerRequest): request is JobRequest {
	return JOB_TYPES.has(request.type);
}

export type OnProgress = (phase: Phase, done: number, total: number, step?: string) => void;

/** An input that can be read more than once, chunk by chunk. */
export interface Readable {
	name: string;
	size: number;
	open(): AsyncIterable<Uint8Array>;
}

/** Pasted text is handed over in slices of this size, so progress moves and no pass holds a second copy. */
const TEXT_SLICE = 1 << 20;

export function readable(source: JobSource): Readable {
	if (source.kind === 'file') {
		const file = source.file;
		return { name: file.name, size: file.size, open: () => streamChunks(file.stream()) };
	}
	const bytes = new TextEncoder().encode(source.text);
	return {
		name: source.name,
		size: bytes.length,
		open: async function* () {
			for (let at = 0; at < bytes.length; at += TEXT_SLICE) yield bytes.subarray(at, at + TEXT_SLICE);
		}
	};
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

/** `open` with every pass counted: the first pass (streamReport counts the exchanges) is `reading`, the next `decoding`. */
function withProgress(open: () => AsyncIterable<Uint8Array>, size: number, onProgress: OnProgress, step?: string): () => AsyncIterable<Uint8Array> {
	let pass = 0;
	return () => {
		const phase: Phase = pass++ === 0 ? 'reading' : 'decoding';
		const source = open();
		return (async function* () {
			let done = 0;
			onProgress(phase, 0, size, step);
			for await (const chunk of source) {
				yield chunk;
				done += chunk.length;
				onProgress(phase, done, size, step);
			}
		})();
	};
}

/** Text and bytes gathered into Blobs of about a megabyte: the export is never one string, and the browser may keep big Blobs on disk. */
export class BlobWriter {
	private readonly blobs: Blob[] = [];
	private pending: BlobPart[] = [];
	private pendingSize = 0;
	private written = 0;

	constructor(private readonly flushAt = 1 << 20) {}

	write(part: string | Uint8Array): void {
		if (part.length === 0) return;
		this.pending.push(part as BlobPart);
		this.pendingSize += part.length;
		this.written += part.length;
		if (this.pendingSize >= this.flushAt) this.flush();
	}

	/** Characters and bytes written so far (a string counts its UTF-16 units). */
	get length(): number {
		return this.written;
	}

	finish(type: string): Blob {
		this.flush();
		return new Blob(this.blobs, { type });
	}

	private flush(): void {
		if (this.pending.length === 0) return;
		this.blobs.push(new Blob(this.pending));
		this.pending = [];
		this.pendingSize = 0;
	}
}

/**
 * Past this size the SHA-256 is computed while the report's first pass reads the input (the command line's way, in
 * JavaScript), since WebCrypto digests one buffer and would hold the whole file a second time.
 */
export const WEBCRYPTO_MAX_BYTES = 256 * 1024 * 1024;

/** The input's SHA-256 with WebCrypto, or null when it is better hashed while streaming (too big, or no WebCrypto here). */
export async function webCryptoSha256(source: JobSource, size: number): Promise<string | null> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle || size > WEBCRYPTO_MAX_BYTES) return null;
	const bytes = source.kind === 'file' ? await source.file.arrayBuffer() : new TextEncoder().encode(source.text);
	const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An evidence report (HTML, Markdown) or the JSON report of the input, as `telltale analyze --format` writes it. */
export async function writeReport(
	source: JobSource,
	format: ExportFormat,
	settings: AnalysisSettings,
	analysedAt: string,
	onProgress: OnProgress
): Promise<{ blob: Blob; fileName: string }> {
	const input = readable(source);
	let open = input.open;
	let sink: ReportSink = new ReportJson();
	if (format !== 'json') {
		onProgress('hashing', 0, input.size);
		const sha256 = await webCryptoSha256(source, input.size);
		const hashed = sha256 === null ? hashedSource(input.open) : null;
		if (hashed) open = hashed.open;
		const provenance = (): Provenance => ({ name: input.name, size: input.size, sha256: sha256 ?? hashed?.digest()?.sha256 ?? null, version: VERSION, analysedAt });
		sink = format === 'md' ? new EvidenceMarkdown(provenance) : new EvidenceHtml(provenance);
	}
	const writer = new BlobWriter();
	await streamReport(withProgress(open, input.size, onProgress), {
		name: input.name,
		size: input.size,
		known: settings.known,
		userLists: settings.userLists,
		sink,
		write: (text) => writer.write(text)
	});
	return { blob: writer.finish(exportMimeType(format)), fileName: exportFileName(input.name, format) };
}

async function digestOf(source: JobSource, settings: AnalysisSettings, step: string, onProgress: OnProgress): Promise<Digest> {
	const input = readable(source);
	const sink = new CaptureDigest(input.name);
	try {
		await streamReport(withProgress(input.open, input.size, onProgress, step), {
			name: input.name,
			size: input.size,
			known: settings.known,
			userLists: settings.userLists,
			sink,
			write: () => undefined
		});
	} catch (error) {
		// Which of the two captures is wrong matters as much as what is wrong with it.
		if (isInputError(error)) throw new InputError(`${step} (${input.name}): ${error.message}`, (error as InputError).location);
		throw error;
	}
	return sink.result();
}

/** Both captures digested as `telltale compare` does, then compared; the first's digest comes back to be reused. */
export async function compareSources(
	a: JobSource | { kind: 'digest'; digest: Digest },
	b: JobSource,
	settings: AnalysisSettings,
	onProgress: OnProgress
): Promise<{ comparison: Comparison; digestA: Digest }> {
	const digestA = a.kind === 'digest' ? a.digest : await digestOf(a, settings, 'First capture', onProgress);
	const digestB = await digestOf(b, settings, 'Second capture', onProgress);
	return { comparison: compareCaptures(digestA, digestB), digestA };
}

/** What the deep sanitizer gives: the HAR's text in pieces, and every value it masked. */
export interface SanitizedCapture {
	chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
	/** The changes in capture order: perhaps only the first of them (see `counts`). */
	changes: Iterable<SanitizeChange> | AsyncIterable<SanitizeChange>;
	/** Every change counted, by kind, once `changes` has been read: when the list is cut, these are the true totals. */
	counts?: () => { total: number; byKind: { what: string; count: number }[] };
}

/**
 * The deep sanitizer (`core/sanitize`), used by both the preview and the export. It takes the capture's bytes whole (it
 * reads them twice: once to plan what to mask, once to write), so the input is gathered first. `changes` is complete only
 * once `chunks` has been read to its end; asked for first (the preview), it runs the writing pass itself and keeps nothing.
 */
export async function sanitizeInput(input: Readable, choice: SanitizeChoice): Promise<SanitizedCapture> {
	const bytes = await gather(input);
	// The preview shows the first PREVIEW_MAX_CHANGES; the counts below cover every change.
	const run = sanitizeCapture({ name: input.name, bytes }, { mask: choice.mask, keepTypes: choice.keepTypes, maxChanges: PREVIEW_MAX_CHANGES });
	let written = false;
	function* chunks(): Generator<string> {
		for (const chunk of run.chunks()) yield chunk;
		written = true;
	}
	function* changes(): Generator<SanitizeChange> {
		if (!written) for (const chunk of run.chunks()) void chunk;
		const { report } = run;
		for (const change of report.changes) yield { exchange: change.exchange, where: change.path, what: maskKindLabel(change.kind), placeholder: `${change.placeholder} (was ${change.hint})` };
		for (const whole of report.replacedWhole) yield { exchange: whole.exchange, where: whole.path, what: 'whole value replaced', placeholder: `${whole.placeholder} (${whole.reason})` };
	}
	function counts(): { total: number; byKind: { what: string; count: number }[] } {
		const { report } = run;
		const byKind = new Map<string, number>();
		for (const [kind, count] of Object.entries(report.changesByKind)) byKind.set(maskKindLabel(kind as MaskKind), (byKind.get(maskKindLabel(kind as MaskKind)) ?? 0) + count);
		if (report.replacedWhole.length > 0) byKind.set('whole value replaced', (byKind.get('whole value replaced') ?? 0) + report.replacedWhole.length);
		return { total: report.changeCount + report.replacedWhole.length, byKind: [...byKind].map(([what, count]) => ({ what, count })).sort((x, y) => y.count - x.count || x.what.localeCompare(y.what)) };
	}
	return { chunks: chunks(), changes: changes(), counts };
}

/** The sanitizer's kinds in words: a finding type as it is, a credential by what it is. */
function maskKindLabel(kind: MaskKind): string {
	return kind === 'cookie' ? 'cookie' : kind === 'credential' ? 'credential' : kind === 'jwt-signature' ? 'JWT signature' : kind === 'whole' ? 'whole value replaced' : kind;
}

async function gather(input: Readable): Promise<Uint8Array> {
	const bytes = new Uint8Array(input.size);
	let at = 0;
	for await (const chunk of input.open()) {
		bytes.set(chunk.subarray(0, Math.max(0, bytes.length - at)), at);
		at += chunk.length;
	}
	if (at !== input.size) throw new InputError(`The capture changed while it was being read (${at} bytes read, ${input.size} expected). Open it again and retry.`);
	return bytes;
}

export async function writeSanitizedHar(source: JobSource, choice: SanitizeChoice): Promise<{ blob: Blob; fileName: string }> {
	const input = readable(source);
	const sanitized = await sanitizeInput(input, choice);
	const writer = new BlobWriter();
	for await (const chunk of sanitized.chunks) writer.write(chunk);
	return { blob: writer.finish(exportMimeType('har')), fileName: exportFileName(input.name, 'har') };
}

/** The sanitizer's changes summed up: the total, how many of each kind, and the first few in capture order. */
export async function previewChanges(changes: SanitizedCapture['changes']): Promise<SanitizePreview> {
	const kinds = new Map<string, number>();
	const first: SanitizeChange[] = [];
	let total = 0;
	for await (const change of changes) {
		total++;
		kinds.set(change.what, (kinds.get(change.what) ?? 0) + 1);
		if (first.length < PREVIEW_MAX_CHANGES) first.push(change);
	}
	const byKind = [...kinds].map(([what, count]) => ({ what, count })).sort((x, y) => y.count - x.count || x.what.localeCompare(y.what));
	return { total, changes: first, byKind };
}

export async function previewSanitize(source: JobSource, choice: SanitizeChoice): Promise<SanitizePreview> {
	const sanitized = await sanitizeInput(readable(source), choice);
	const listed = await previewChanges(sanitized.changes);
	return sanitized.counts ? { ...listed, ...sanitized.counts() } : listed;
}

/** Progress messages are throttled: a big input must not flood the page. */
const PROGRESS_INTERVAL_MS = 50;

/** Runs one job and answers it: progress, then its result or its error (through `fail`, the worker's error reply). */
export async function runJob(request: JobRequest, post: (message: WorkerResponse) => void, fail: (id: number, error: unknown) => void): Promise<void> {
	const { id } = request;
	let last = 0;
	const onProgress: OnProgress = (phase, done, total, step) => {
		const now = performance.now();
		if (now - last < PROGRESS_INTERVAL_MS && done > 0 && done < total) return;
		last = now;
		post({ type: 'progress', id, phase, done, total, unit: 'bytes', ...(step ? { step } : {}) });
	};
	try {
		if (request.type === 'export') {
			const { blob, fileName } = await writeReport(request.source, request.format, request.settings, request.analysedAt, onProgress);
			post({ type: 'file', id, blob, fileName });
		} else if (request.type === 'export-har') {
			const { blob, fileName } = await writeSanitizedHar(request.source, request.choice);
			post({ type: 'file', id, blob, fileName });
		} else if (request.type === 'preview-sanitize') {
			post({ type: 'sanitize-preview', id, preview: await previewSanitize(request.source, request.choice) });
		} else {
			const { comparison, digestA } = await compareSources(request.a, request.b, request.settings, onProgress);
			post({ type: 'compared', id, comparison, digestA });
		}
	} catch (error) {
		fail(id, error);
	}
}
