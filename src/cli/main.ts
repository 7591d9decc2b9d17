/**
 * telltale — the command line over the same core the app runs in its worker.
 *   telltale analyze <file|-> [--json]
 * Exit 0 on success, 2 for a user's mistake (one line on stderr), 1 for a bug in Telltale.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readCaptureStream } from '../lib/core/capture/stream';
import { analyze } from '../lib/core/report/analyze';
import { isInputError } from '../lib/core/errors';
import { renderSummary } from './summary';
import { parseArgs, UsageError, USAGE } from './args';
import { parseKnownValue, type KnownValue } from '../lib/core/classify/known-values';
import { inputPath } from './input-path';

async function main(argv: string[]): Promise<number> {
	const args = parseArgs(argv);
	if (args.command === 'help') {
		process.stdout.write(USAGE + '\n');
		return 0;
	}
	const known: KnownValue[] = [];
	for (const spec of args.known) {
		const parsed = parseKnownValue(spec);
		if (typeof parsed === 'string') throw new UsageError(parsed);
		known.push(parsed);
	}
	const { name, size, stream } = await openInput(args.file);
	const capture = await readCaptureStream(stream, { name, size });
	const { report } = analyze(capture, { known });
	process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : renderSummary(report));
	return 0;
}

/** Streams the input so a large HAR is read entry by entry, never as one string. */
async function openInput(file: string): Promise<{ name: string; size?: number; stream: AsyncIterable<Uint8Array> }> {
	if (file === '-') return { name: 'stdin', stream: process.stdin };
	const path = inputPath(file);
	try {
		const info = await stat(path);
		if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
		return { name: basename(path), size: info.size, stream: createReadStream(path, { highWaterMark: 1024 * 1024 }) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
		throw new UsageError(`cannot read ${file}: ${why}`);
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UsageError || isInputError(error)) {
			process.stderr.write(`telltale: ${(error as Error).message}\n`);
			process.exitCode = 2;
			return;
		}
		process.stderr.write(`telltale: internal error (a bug in Telltale, please report it): ${error instanceof Error ? error.message : String(error)}\n`);
		if (process.env.TELLTALE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
		process.exitCode = 1;
	}
);
