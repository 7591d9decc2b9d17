/** Command-line arguments: small enough that a parser library would be more code than this. */

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const USAGE = `usage: telltale analyze <file|-> [--json]

  analyze <file>   read a HAR, raw HTTP, curl command, Burp export or bare payload and report
                   every decoded layer, destination and finding ("-" reads standard input)
  --json           print the report as JSON (and nothing else) on standard output`;

export interface Args {
	command: 'analyze' | 'help';
	file: string;
	json: boolean;
}

export function parseArgs(argv: string[]): Args {
	const positional: string[] = [];
	let json = false;
	for (const arg of argv) {
		if (arg === '--json') json = true;
		else if (arg === '--help' || arg === '-h') return { command: 'help', file: '', json };
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg} (try --help)`);
		else positional.push(arg);
	}
	const [command, file, ...rest] = positional;
	if (command === undefined || command === 'help') return { command: 'help', file: '', json };
	if (command !== 'analyze') throw new UsageError(`unknown command "${command}" (try: telltale analyze <file|->)`);
	if (file === undefined) throw new UsageError('analyze needs a file to read, or "-" for standard input');
	if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
	return { command, file, json };
}
