import { describe, expect, it } from 'vitest';
import { readCaptureStream } from '../../../src/lib/core/capture/stream';
import { isInputError } from '../../../src/lib/core/errors';
import { isPartialCaptureError, type PartialCaptureError } from '../../../src/lib/core/capture/capture-error';
import { gzipSync } from 'fflate';
import { fixture, read } from './helpers';

/** Yields `bytes` in chunks of `size`, then fails as a disk or a vanished file would after `failAfter` bytes. */
async function* failingSource(bytes: Uint8Array, size: number, failAfter: number, error: unknown): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < failAfter; i += size) yield bytes.subarray(i, Math.min(i + size, failAfter));
	throw error;
}

describe('readCaptureStream', () => {
	it('reads a Blob stream (what file.stream() gives the worker) and reports bytes and entries', async () => {
		const bytes = fixture('har/mitmproxy/safari.har');
		const progress: Array<[number, number]> = [];
		const capture = await readCaptureStream(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(), {
			name: 'safari.har',
			size: bytes.length,
			onProgress: (read, entries) => progress.push([read, entries])
		});
		expect(capture).toEqual(read('har/mitmproxy/safari.har'));
		expect(progress.at(-1)).toEqual([bytes.length, 19]);
		for (let i = 1; i < progress.length; i++) {
			expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
			expect(progress[i]![1]).toBeGreaterThanOrEqual(progress[i - 1]![1]);
		}
	});

	describe('a source that fails partway becomes one InputError saying how far reading got', () => {
		const har = fixture('har/mitmproxy/safari.har');
		it.each([
			['a Node read error', har, 4096, 8192, Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }), 'could not read x.har after 8,192 bytes: EIO: i/o error, read'],
			['a browser NotReadableError', har, 1000, 1000, new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError'), 'could not read x.har after 1,000 bytes: The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.'],
			['a thrown string, before any byte', har, 10, 0, 'gone', 'could not read x.har after 0 bytes: gone'],
			['a multi-line message keeps its first line', har, 10, 1, new Error('disk\nstack-ish detail'), 'could not read x.har after 1 byte: disk'],
			['inside a gzip file, before the HAR is sniffed', gzipSync(har), 512, 512, new Error('EIO'), 'could not read x.har after 512 bytes: EIO']
		])('%s', async (_, bytes, size, failAfter, error, message) => {
			const failure = (await readCaptureStream(failingSource(bytes, size, failAfter, error), { name: 'x.har' }).catch((e: unknown) => e)) as Error;
			expect(isInputError(failure)).toBe(true);
			expect(failure.message).toBe(message);
			expect(isPartialCaptureError(failure)).toBe(false);
		});

		it('keeps the entries read before the failure', async () => {
			// Past the 64 KiB the format is sniffed from, before the end of the file.
			expect(har.length).toBeGreaterThan(180_000);
			const failure = (await readCaptureStream(failingSource(har, 4096, 163_840, new Error('EIO: i/o error, read')), { name: 'safari.har' }).catch((e: unknown) => e)) as PartialCaptureError;
			expect(isPartialCaptureError(failure)).toBe(true);
			const n = failure.partial.exchanges.length;
			expect(n).toBeGreaterThan(0);
			expect(failure.message).toBe(`could not read safari.har after 163,840 bytes: EIO: i/o error, read — ${n} complete ${n === 1 ? 'entry was' : 'entries were'} read`);
			expect(failure.partial.exchanges).toEqual(read('har/mitmproxy/safari.har').exchanges.slice(0, n));
		});

		it('passes an abort of the source through unchanged', async () => {
			const abort = new DOMException('The operation was aborted', 'AbortError');
			const failure = await readCaptureStream(failingSource(har, 100, 300, abort), { name: 'x.har' }).catch((e: unknown) => e);
			expect(failure).toBe(abort);
		});
	});
});

describe('readCaptureStream with onExchange', () => {
	const CASES = ['har/mitmproxy/safari.har', 'har/mitmproxy/websocket.har', 'capture/quirks.har.gz', 'capture/quirks.zhar', 'capture/quirks-har.zip', 'capture/chrome-bash.curl.txt', 'capture/burp-items.xml', 'capture/gzip-body.http'];
	it.each(CASES)('%s: hands over every exchange in order and keeps none', async (path) => {
		const bytes = fixture(path);
		const handed: unknown[] = [];
		async function* source(): AsyncGenerator<Uint8Array> {
			for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
		}
		const capture = await readCaptureStream(source(), { name: path.split('/').pop()!, onExchange: (e) => handed.push(e) });
		const whole = read(path);
		expect(handed).toEqual(whole.exchanges);
		expect(capture.exchanges).toEqual([]);
		expect(capture.notes).toEqual(whole.notes);
		expect(capture.format).toBe(whole.format);
	});
});
