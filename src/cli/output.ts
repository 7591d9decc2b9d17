import { createWriteStream, type WriteStream } from 'node:fs';

/** Standard output with back-pressure: a report piped into a slow reader (jq, a pager) waits instead of piling up in memory. */
export function stdoutWriter(stream: NodeJS.WritableStream = process.stdout): (text: string) => Promise<void> {
	return (text) =>
		new Promise((resolve, reject) => {
			if (text === '') return resolve();
			const onError = (error: Error) => reject(error);
			stream.once('error', onError);
			const drained = stream.write(text, () => undefined);
			const done = () => {
				stream.off('error', onError);
				resolve();
			};
			if (drained) done();
			else stream.once('drain', done);
		});
}

export interface Output {
	write: (text: string) => Promise<void>;
	/** Waits until everything written is on disk (or handed to standard output). */
	close: () => Promise<void>;
}

/**
 * Standard output, or a file opened on the first write: a capture that turns out broken is reported before
 * anything is written, so it leaves no empty or half report behind.
 */
export function outputTo(path: string | null): Output {
	if (path === null) return { write: stdoutWriter(), close: async () => undefined };
	let stream: WriteStream | null = null;
	let write: ((text: string) => Promise<void>) | null = null;
	return {
		write: (text) => {
			if (!write) {
				stream = createWriteStream(path);
				write = stdoutWriter(stream);
			}
			return write(text);
		},
		close: () =>
			new Promise((resolve, reject) => {
				if (!stream) return resolve();
				stream.once('error', reject);
				stream.end(() => resolve());
			})
	};
}
