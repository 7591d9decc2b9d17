/// <reference lib="webworker" />
/**
 * A thin shell over the core: receives pasted text or the dropped File itself, posts progress and the report,
 * and keeps the analysis to hand out one exchange's decoded trees at a time (a response body is decoded
 * when its exchange is first asked for). One worker serves one analysis; cancelling
 * is terminating it, so there is no cancel message.
 */
import { readCapture, readCaptureStream, isPartialCaptureError } from '../core/capture/index';
import { analyze } from '../core/report/analyze';
import { isInputError } from '../core/errors';
import type { Analysis, Capture } from '../core/model';
import { analyzeInPool, poolSize, type PoolOutcome } from './range-pool';
import { runQuery, type ExchangeQuery } from '../core/report/exchange-query';
import { parseUserTrackerList } from '../core/classify/destinations/user-list';
import { exchangeSource } from '../core/report/exchange-source';
import { isJobRequest, runJob } from './export-handlers';
import { OVERVIEW_CHUNK, overviewOf, type AnalysisSettings, type ReportOverview, type WorkerRequest, type WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const encoder = new TextEncoder();
/** Progress messages are throttled: a 20,000-entry HAR must not flood the page. */
const PROGRESS_INTERVAL_MS = 50;

let loaded: Analysis | null = null;

function post(message: WorkerResponse): void {
	self.postMessage(message);
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	// Exports and comparisons: a job worker of their own, which the page terminates to cancel.
	if (isJobRequest(request)) return runJob(request, post, postError);
	if (request.type === 'get-exchange') {
		// A bug while decoding one exchange must answer that request, or the page waits for it forever.
		try {
			const exchange = loaded?.exchangeReport(request.exchange) ?? null;
			const captured = loaded?.exchange(request.exchange) ?? null;
			post({ type: 'exchange', id: request.id, exchange, parts: loaded?.partsOf(request.exchange) ?? [], source: captured ? exchangeSource(captured) : null });
		} catch (error) {
			postError(request.id, error);
		}
		return;
	}
	if (request.type === 'query') {
		answerQuery(request.id, request.query);
		return;
	}
	if (request.type === 'get-leaks') {
		post({ type: 'leaks', id: request.id, groups: loaded?.index?.leakGroups() ?? [] });
		return;
	}
	if (request.type === 'parse-tracker-list') {
		try {
			post({ type: 'tracker-list', id: request.id, list: parseUserTrackerList(request.text) });
		} catch (error) {
			postError(request.id, error);
		}
		return;
	}
	const started = performance.now();
	let lastProgress = 0;
	const progress = (phase: 'reading' | 'decoding', done: number, total: number, unit: 'bytes' | 'exchanges', entries?: number) => {
		const now = performance.now();
		if (now - lastProgress < PROGRESS_INTERVAL_MS && done < total) return;
		lastProgress = now;
		post({ type: 'progress', id: request.id, phase, done, total, unit, ...(entries !== undefined ? { entries } : {}) });
	};
	const analyzeCapture = (capture: Capture) =>
		analyzeWith(capture, request.settings, request.type === 'analyze-file' ? request.file.size : request.text.length, (done, total) => progress('decoding', done, total, 'exchanges'));
	try {
		// Files are streamed: a HAR is parsed entry by entry and never becomes one string.
		const capture =
			request.type === 'analyze-text'
				? readCapture({ name: request.name, bytes: encoder.encode(request.text) })
				: await readCaptureStream(request.file.stream(), {
						name: request.file.name,
						size: request.file.size,
						onProgress: (bytesRead, entries) => progress('reading', bytesRead, request.file.size, 'bytes', entries)
					});
		const outcome = await analyzeCapture(capture);
		loaded = outcome.analysis;
		post({ type: 'result', id: request.id, report: sendExchangesInChunks(request.id, overviewOf(loaded)), millis: performance.now() - started, warnings: outcome.warnings });
	} catch (error) {
		if (isPartialCaptureError(error) && error.partial.exchanges.length > 0) {
			loaded = (await analyzeCapture(error.partial)).analysis;
			const location = error.location;
			post({ type: 'partial', id: request.id, report: sendExchangesInChunks(request.id, overviewOf(loaded)), millis: performance.now() - started, message: error.message, ...(location ? { location } : {}) });
			return;
		}
		postError(request.id, error);
	}
};

/** Posts the exchange overviews in chunks and returns the overview without them (the page reassembles it). */
function sendExchangesInChunks(id: number, overview: ReportOverview): ReportOverview {
	for (let from = 0; from < overview.exchanges.length; from += OVERVIEW_CHUNK) {
		post({ type: 'overview-chunk', id, exchanges: overview.exchanges.slice(from, from + OVERVIEW_CHUNK) });
	}
	return { ...overview, exchanges: [] };
}

/** On a pool of workers when the capture is more than one range and the machine has cores to spare, else here. */
async function analyzeWith(capture: Capture, settings: AnalysisSettings, bytes: number, onProgress: (done: number, total: number) => void): Promise<PoolOutcome> {
	// Findings are analysed again when an exchange is opened: holding every one of a big capture's cost more memory than the capture.
	const options = { known: settings.known, userLists: settings.userLists, keepFindings: false, index: true };
	const size = poolSize(capture.exchanges.length, self.navigator.hardwareConcurrency ?? 1, bytes);
	if (size === 0) return { analysis: analyze(capture, { ...options, onProgress }), warnings: [] };
	return analyzeInPool(capture, options, size, onProgress);
}

/** Streams a query's matches in chunks; a newer query makes an older one stop between chunks. */
let currentQuery = 0;
async function answerQuery(id: number, query: ExchangeQuery): Promise<void> {
	currentQuery = id;
	const analysis = loaded;
	if (!analysis?.index) {
		post({ type: 'query-chunk', id, indexes: [], hits: [], done: true });
		return;
	}
	try {
		const chunks = runQuery(analysis.report.exchanges, analysis.index, query);
		let next = chunks.next();
		while (!next.done) {
			const matches = next.value;
			next = chunks.next();
			post({ type: 'query-chunk', id, indexes: matches.map((m) => m.index), hits: matches.map((m) => m.hit), done: next.done === true });
			// Let a newer query (or a detail request) in between chunks.
			if (!next.done) await new Promise((resolve) => setTimeout(resolve, 0));
			if (currentQuery !== id) {
				// Superseded: close this query so the page stops listening for it.
				post({ type: 'query-chunk', id, indexes: [], hits: [], done: true });
				return;
			}
		}
	} catch (error) {
		postError(id, error);
	}
}

function postError(id: number, error: unknown): void {
	if (isInputError(error)) {
		const location = (error as { location?: string }).location;
		post({ type: 'error', id, kind: 'input', message: error.message, ...(location ? { location } : {}) });
	} else {
		post({ type: 'error', id, kind: 'bug', message: error instanceof Error ? error.message : String(error) });
	}
}
