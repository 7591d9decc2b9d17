/** Command-line arguments: small enough that a parser library would be more code than this. */

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const USAGE = `usage: telltale analyze <file|directory|->... [--format summary|json|ndjson] [--known TYPE=VALUE]... [--jobs N]

  analyze <file>   read a HAR, raw HTTP, curl command, Burp export or bare payload and report
                   every decoded layer, destination and finding ("-" reads standard input);
                   several files, or a directory (every capture file in it), are each
                   reported under their own name
  --format F       summary (the default: a readable summary that fits a screen),
                   json (the report as JSON, nothing else on standard output; several
                   inputs give a JSON list of reports) or ndjson (one line per exchange,
                   then one for the identifiers and one for the summary, per input)
  --json           the same as --format json
  --known TYPE=VALUE
                   one of your own identifiers to search for in plain, encoded and hashed forms
                   (repeatable): imei, imsi, iccid, serial, android_id, mac, gaid/idfa/oaid, email,
                   phone, ip, ssid, bssid, user_id, secret — or any finding type, e.g. device.imei
  --jobs N         analyse with N threads (default: the number of cores); the report is the
                   same whatever N is`;

export type OutputFormat = 'summary' | 'json' | 'ndjson';
const FORMATS: readonly OutputFormat[] = ['summary', 'json', 'ndjson'];

export interface Args {
	command: 'analyze' | 'help';
	files: string[];
	format: OutputFormat;
	/** `--known` values as typed (TYPE=VALUE); parsed by the core's parseKnownValue. */
	known: string[];
	/** Threads to analyse with; null: as many as the machine has cores. */
	jobs: number | null;
}

export function parseArgs(argv: string[]): Args {
	const positional: string[] = [];
	let format: OutputFormat = 'summary';
	let jobs: number | null = null;
	const known: string[] = [];
	const valueOf = (option: string, i: number, what: string): string => {
		const value = argv[i];
		if (value === undefined) throw new UsageError(`${option} needs ${what}`);
		return value;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		if (option === '--json') format = 'json';
		else if (option === '--format') format = formatOf(inline ?? valueOf('--format', ++i, 'one of summary, json, ndjson'));
		else if (option === '--known') known.push(inline ?? valueOf('--known', ++i, 'TYPE=VALUE (e.g. --known imei=868…)'));
		else if (option === '--jobs') jobs = jobsOf(inline ?? valueOf('--jobs', ++i, 'a number of threads'));
		else if (option === '--help' || option === '-h') return { command: 'help', files: [], format, known, jobs };
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${option} (try --help)`);
		else positional.push(arg);
	}
	const [command, ...files] = positional;
	if (command === undefined || command === 'help') return { command: 'help', files: [], format, known, jobs };
	if (command !== 'analyze') throw new UsageError(`unknown command "${command}" (try: telltale analyze <file|->)`);
	if (files.length === 0) throw new UsageError('analyze needs a file to read, or "-" for standard input');
	if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
	return { command, files, format, known, jobs };
}

function formatOf(value: string): OutputFormat {
	if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
	throw new UsageError(`unknown format "${value}" (try summary, json or ndjson)`);
}

function jobsOf(value: string): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${value}"`);
	return n;
}
