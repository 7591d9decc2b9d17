/**
 * telltale — the command line over the same core the app runs in its worker.
 *   telltale analyze <file|directory|->... [--format summary|json|ndjson|md|html|har] [--sanitize[=secrets]] [--out FILE] [--known TYPE=VALUE]... [--jobs N]
 *   telltale compare <A> <B> [--json] [--out FILE]
 * Each input is read twice and its report written while it is read (never held whole, never one string).
 * Exit 0 on success, 2 for a user's mistake or a bad input (one line on stderr each), 1 for a bug in Telltale.
 */
import { isInputError } from '../lib/core/errors';
import { parseKnownValue, type KnownValue } from '../lib/core/classify/known-values';
import { streamReport } from '../lib/core/report/stream-report';
import { parseArgs, UsageError, USAGE, type OutputFormat } from './args';
import { inputsOf, type Input } from './inputs';
import { outputTo } from './output';
import { writingFor } from './sinks';
import { compareInputs } from './compare';
import { renderComparison } from './compare-summary';
import { availableParallelism } from 'node:os';
import { ThreadPool } from './pool';
import { writeHar } from './sanitize';

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
	if ((args.format === 'md' || args.format === 'html' || args.format === 'har') && inputs.length > 1) throw new UsageError(`--format ${args.format} reports one capture, and ${args.files[0]} holds ${inputs.length}`);
	if (args.command === 'compare' && inputs.length !== 2) throw new UsageError('compare needs two capture files, not directories');
	if (args.format === 'har') {
		const output = outputTo(args.out);
		try {
			await writeHar(inputs[0]!, args.sanitize, args.keep, output.write, (text) => process.stderr.write(text));
		} finally {
			await output.close();
		}
		return 0;
	}
	const jobs = args.jobs ?? availableParallelism();
	// One thread needs no pool: the main thread analyses as it reads.
	const pool = jobs > 1 ? new ThreadPool(jobs, { known }) : null;
	const output = outputTo(args.out);
	try {
		if (args.command === 'compare') {
			const comparison = await compareInputs(inputs[0]!, inputs[1]!, known, pool);
			await output.write(args.format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparison(comparison));
			return 0;
		}
		return await analyzeAll(inputs, args.format, known, pool, output.write);
	} finally {
		await output.close();
		await pool?.close();
	}
}

async function analyzeAll(inputs: Input[], format: OutputFormat, known: KnownValue[], pool: ThreadPool | null, write: (text: string) => Promise<void>): Promise<number> {
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
			const { sink, open } = writingFor(format, input);
			await streamReport(open, {
				name: input.name,
				...(input.size !== undefined ? { size: input.size } : {}),
				known,
				...(pool ? { ranges: pool } : {}),
				sink,
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
