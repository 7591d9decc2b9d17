import { describe, expect, it } from 'vitest';
import { readCaptureStream } from '../../../src/lib/core/capture/stream';
import { CancelledError } from '../../../src/lib/core/errors';
import { fixture, read } from './helpers';

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

	it('stops with CancelledError when asked', async () => {
		const bytes = fixture('har/mitmproxy/firefox.har');
		let chunks = 0;
		async function* source(): AsyncGenerator<Uint8Array> {
			for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
		}
		const result = readCaptureStream(source(), { name: 'firefox.har', isCancelled: () => ++chunks > 3 });
		await expect(result).rejects.toBeInstanceOf(CancelledError);
		expect(chunks).toBe(4);
	});
});
