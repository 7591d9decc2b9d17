/**
 * telltale — the command line over the same core the app runs in its worker.
 *   telltale analyze <file|directory|->... [--format summary|json|ndjson] [--known TYPE=VALUE]... [--jobs N]
 * Each input is read twice and its report written while it is read (never held whole, never one string).
 * Exit 0 on success, 2 for a user's mistake or a bad input (one line on stderr each), 1 for a bug in Telltale.
 */
import { isInputError } from '../lib/core/errors';
import { parseKnownValue, type KnownValue } from '../lib/core/classify/known-values';
import { streamReport } from '../lib/core/report/stream-report';
import { ReportJson, ReportNdjson, type ReportSink } from '../lib/core/report/report-json';
import { parseArgs, UsageError, USAGE, type OutputFormat } from './args';
import { inputsOf, type Input } from './inputs';
import { SummarySink } from './summary';
import { stdoutWriter } from './output';
import { availableParallelism } from 'node:os';
import { ThreadPool } from './pool';

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
	const inputs = await inputsOf(args.files, process.stdin);
	const jobs = args.jobs ?? availableParallelism();
	// One thread needs no pool: the main thread analyses as it reads.
	const pool = jobs > 1 ? new ThreadPool(jobs, { known }) : null;
	try {
		return await analyzeAll(inputs, args.format, known, pool);
	} finally {
		await pool?.close();
	}
}

async function analyzeAll(inputs: Input[], format: OutputFormat, known: KnownValue[], pool: ThreadPool | null): Promise<number> {
	const write = stdoutWriter();
	// Several JSON reports make one JSON list.
	const list = format === 'json' && inputs.length > 1;
	let failed = 0;
	let written = 0;
	if (list) await write('[');
	for (const input of inputs) {
		try {
			// In a list each report is indented one level and follows a comma; nothing is written for an input before
			// its first pass has read it whole, so a broken input leaves no half report behind.
			const lead = list ? `${written > 0 ? ',' : ''}\n  ` : '';
			const nest = list ? (text: string) => text.replace(/\n/g, '\n  ') : (text: string) => text;
			let first = true;
			await streamReport(input.open, {
				name: input.name,
				...(input.size !== undefined ? { size: input.size } : {}),
				known,
				...(pool ? { ranges: pool } : {}),
				sink: sinkFor(format, input.name),
				write: (text) => {
					const piece = (first ? lead : '') + nest(text);
					first = false;
					return write(piece);
				}
			});
			if (format === 'json' && !list) await write('\n');
			written++;
		} catch (error) {
			if (!isInputError(error)) throw error;
			// One bad input among several is reported and the others still are.
			process.stderr.write(`telltale: ${(error as Error).message}\n`);
			failed++;
		}
	}
	if (list) await write('\n]\n');
	return failed > 0 ? 2 : 0;
}

function sinkFor(format: OutputFormat, name: string): ReportSink {
	if (format === 'json') return new ReportJson();
	if (format === 'ndjson') return new ReportNdjson(name);
	return new SummarySink();
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// The reader went away (`| head`): what it wanted was written.
		if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return;
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
