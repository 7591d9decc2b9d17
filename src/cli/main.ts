/**
 * telltale — the command line over the same core the app runs in its worker.
 *   telltale analyze <file|-> [--json]
 * Exit 0 on success, 2 for a user's mistake (one line on stderr), 1 for a bug in Telltale.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readCapture } from '../lib/core/capture/sniff';
import { analyze } from '../lib/core/report/analyze';
import { isInputError } from '../lib/core/errors';
import { renderSummary } from './summary';
import { parseArgs, UsageError, USAGE } from './args';

async function main(argv: string[]): Promise<number> {
	const args = parseArgs(argv);
	if (args.command === 'help') {
		process.stdout.write(USAGE + '\n');
		return 0;
	}
	const { name, bytes } = await readInput(args.file);
	const capture = readCapture({ name, bytes });
	const { report } = analyze(capture);
	process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : renderSummary(report));
	return 0;
}

async function readInput(file: string): Promise<{ name: string; bytes: Uint8Array }> {
	if (file === '-') return { name: 'stdin', bytes: await readStdin() };
	try {
		return { name: basename(file), bytes: new Uint8Array(await readFile(file)) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
		throw new UsageError(`cannot read ${file}: ${why}`);
	}
}

async function readStdin(): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return new Uint8Array(Buffer.concat(chunks));
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
