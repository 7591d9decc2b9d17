/// <reference lib="webworker" />
/**
 * A thin shell over the core: receives pasted text or the dropped File itself, posts progress and the report,
 * and keeps the decoded trees to hand out one exchange at a time. One worker serves one analysis; cancelling
 * is terminating it, so there is no cancel message.
 */
import { readCapture } from '../core/capture/sniff';
import { analyze } from '../core/report/analyze';
import { isInputError } from '../core/errors';
import type { Analysis } from '../core/model';
import { parseUserTrackerList } from '../core/classify/destinations/user-list';
import type { WorkerRequest, WorkerResponse } from './protocol';

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
	if (request.type === 'get-parts') {
		post({ type: 'parts', id: request.id, exchange: request.exchange, parts: loaded?.parts[request.exchange] ?? [] });
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
	const progress = (phase: 'reading' | 'decoding', done: number, total: number, unit: 'bytes' | 'exchanges') => {
		const now = performance.now();
		if (now - lastProgress < PROGRESS_INTERVAL_MS && done < total) return;
		lastProgress = now;
		post({ type: 'progress', id: request.id, phase, done, total, unit });
	};
	try {
		const input =
			request.type === 'analyze-text'
				? { name: request.name, bytes: encoder.encode(request.text) }
				: { name: request.file.name, bytes: await readFile(request.file, (done, total) => progress('reading', done, total, 'bytes')) };
		const capture = readCapture(input);
		loaded = analyze(capture, {
			known: request.settings.known,
			userLists: request.settings.userLists,
			onProgress: (done, total) => progress('decoding', done, total, 'exchanges')
		});
		post({ type: 'result', id: request.id, report: loaded.report, millis: performance.now() - started });
	} catch (error) {
		postError(request.id, error);
	}
};

function postError(id: number, error: unknown): void {
	if (isInputError(error)) {
		const location = (error as { location?: string }).location;
		post({ type: 'error', id, kind: 'input', message: error.message, ...(location ? { location } : {}) });
	} else {
		post({ type: 'error', id, kind: 'bug', message: error instanceof Error ? error.message : String(error) });
	}
}

async function readFile(file: File, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
	const out = new Uint8Array(file.size);
	let offset = 0;
	const reader = file.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		out.set(value, offset);
		offset += value.length;
		onProgress(offset, file.size);
	}
	return out.subarray(0, offset);
}
