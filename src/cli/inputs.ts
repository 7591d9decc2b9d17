/** What the command line was asked to read: files, every capture file in a directory, or standard input. */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { UsageError } from './args';
import { inputPath } from './input-path';

export interface Input {
	/** How reports name it: the file name, the path below a directory named on the command line, or "stdin". */
	name: string;
	size?: number;
	/** A fresh stream of the same bytes on every call (a report reads its input twice). */
	open: () => AsyncIterable<Uint8Array>;
}

/** Files a directory contributes: what capture tools write (a file named on its own is read whatever its name). */
const CAPTURE_FILE = /\.(har|har\.gz|harz|zhar|zip|json|txt|xml|http|curl)$/i;

export async function inputsOf(files: readonly string[], stdin: AsyncIterable<Uint8Array>): Promise<Input[]> {
	const inputs: Input[] = [];
	for (const file of files) {
		if (file === '-') {
			inputs.push({ name: 'stdin', open: replayable(stdin) });
			continue;
		}
		const path = inputPath(file);
		const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
			throw new UsageError(`cannot read ${file}: ${reasonOf(error.code)}`);
		});
		if (info.isDirectory()) {
			const found = (await filesBelow(path)).filter((p) => CAPTURE_FILE.test(p));
			if (found.length === 0) throw new UsageError(`${file} holds no capture files (.har, .har.gz, .zhar, .zip, .txt, .xml, .http, .curl)`);
			for (const p of found) inputs.push(fileInput(relative(path, p) || basename(p), p, (await stat(p)).size));
		} else {
			inputs.push(fileInput(basename(path), path, info.size));
		}
	}
	return inputs;
}

function fileInput(name: string, path: string, size: number): Input {
	return { name, size, open: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) };
}

/** Every file below `dir`, sorted, skipping hidden files and folders. */
async function filesBelow(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith('.')) continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...(await filesBelow(path)));
		else if (entry.isFile()) out.push(path);
	}
	return out;
}

/** Standard input can be read once: the first pass keeps its chunks for the second. */
function replayable(source: AsyncIterable<Uint8Array>): () => AsyncIterable<Uint8Array> {
	let kept: Uint8Array[] | null = null;
	return () => {
		if (kept) return (async function* () {
			yield* kept!;
		})();
		const chunks: Uint8Array[] = [];
		return (async function* () {
			for await (const chunk of source) {
				chunks.push(chunk);
				yield chunk;
			}
			kept = chunks;
		})();
	};
}

function reasonOf(code: string | undefined): string {
	return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
}
