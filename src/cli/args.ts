/** Command-line arguments: small enough that a parser library would be more code than this. */

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const USAGE = `usage: telltale analyze <file|directory|->... [--format summary|json|ndjson|md|html|har] [--out FILE]
                       [--sanitize[=secrets|all]] [--keep TYPE]... [--known TYPE=VALUE]... [--jobs N]
       telltale compare <A> <B> [--json] [--out FILE] [--known TYPE=VALUE]... [--jobs N]

  analyze <file>   read a HAR, raw HTTP, curl command, Burp export or bare payload and report
                   every decoded layer, destination and finding ("-" reads standard input);
                   several files, or a directory (every capture file in it), are each
                   reported under their own name
  --format F       summary (the default: a readable summary that fits a screen),
                   json (the report as JSON, nothing else on standard output; several
                   inputs give a JSON list of reports), ndjson (one line per exchange,
                   then one for the identifiers and one for the summary, per input),
                   md or html (an evidence report of one input: the file's SHA-256, who
                   received what, the data flow, the identifiers and every finding; the
                   HTML is one self-contained page that runs no script and loads nothing),
                   har (the capture written back as HAR 1.2, whatever it was read from;
                   unchanged unless --sanitize, with a warning on standard error)
  --sanitize[=M]   with --format har: mask secrets (cookies, Authorization and other
                   credential headers, tokens, API keys, session IDs, JWT signatures) and every
                   detected identifier and personal value (M=all, the default), or the secrets
                   only (M=secrets), inside every decoded layer, written back through the
                   layers so the body still decodes; the same value always gets the same
                   placeholder (IMEI-1). A summary of the changes goes to standard error
  --keep TYPE      with --sanitize: leave values of this finding type as they are (repeatable)
  --json           the same as --format json
  --out FILE       write the report to FILE instead of standard output
  compare <A> <B>  what two captures share and what only one has: sites, finding types,
                   identifier values, values that persisted and values that were reset
                   (a readable summary, or JSON with --json)
  --known TYPE=VALUE
                   one of your own identifiers to search for in plain, encoded and hashed forms
                   (repeatable): imei, imsi, iccid, serial, android_id, mac, gaid/idfa/oaid, email,
                   phone, ip, ssid, bssid, user_id, secret — or any finding type, e.g. device.imei
  --jobs N         analyse with N threads (default: the number of cores); the report is the
                   same whatever N is`;

export type OutputFormat = 'summary' | 'json' | 'ndjson' | 'md' | 'html' | 'har';
const FORMATS: readonly OutputFormat[] = ['summary', 'json', 'ndjson', 'md', 'html', 'har'];
/** Formats that describe one capture as a document of its own: several inputs would make no single document. */
const SINGLE_INPUT: readonly OutputFormat[] = ['md', 'html', 'har'];

export interface Args {
	command: 'analyze' | 'compare' | 'help';
	files: string[];
	format: OutputFormat;
	/** Where the report goes; null: standard output. */
	out: string | null;
	/** `--known` values as typed (TYPE=VALUE); parsed by the core's parseKnownValue. */
	known: string[];
	/** Threads to analyse with; null: as many as the machine has cores. */
	jobs: number | null;
	/** With --format har: what to mask; null writes the capture back unchanged. */
	sanitize: 'all' | 'secrets' | null;
	/** Finding types --sanitize leaves as they are. */
	keep: string[];
}

export function parseArgs(argv: string[]): Args {
	const positional: string[] = [];
	let format: OutputFormat = 'summary';
	let jobs: number | null = null;
	let out: string | null = null;
	const known: string[] = [];
	let sanitize: Args['sanitize'] = null;
	const keep: string[] = [];
	const valueOf = (option: string, i: number, what: string): string => {
		const value = argv[i];
		if (value === undefined) throw new UsageError(`${option} needs ${what}`);
		return value;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		if (option === '--json') format = 'json';
		else if (option === '--format') format = formatOf(inline ?? valueOf('--format', ++i, 'one of summary, json, ndjson, md, html, har'));
		else if (option === '--out' || option === '-o') out = inline ?? valueOf(option, ++i, 'a file to write to');
		else if (option === '--known') known.push(inline ?? valueOf('--known', ++i, 'TYPE=VALUE (e.g. --known imei=868…)'));
		else if (option === '--jobs') jobs = jobsOf(inline ?? valueOf('--jobs', ++i, 'a number of threads'));
		else if (option === '--sanitize') sanitize = sanitizeOf(inline);
		else if (option === '--keep') keep.push(inline ?? valueOf('--keep', ++i, 'a finding type (e.g. browsing.url)'));
		else if (option === '--help' || option === '-h') return { command: 'help', files: [], format, out, known, jobs, sanitize, keep };
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${option} (try --help)`);
		else positional.push(arg);
	}
	const [command, ...files] = positional;
	if (command === undefined || command === 'help') return { command: 'help', files: [], format, out, known, jobs, sanitize, keep };
	if (sanitize !== null && format !== 'har') throw new UsageError('--sanitize writes a HAR: add --format har');
	if (keep.length > 0 && sanitize === null) throw new UsageError('--keep says what --sanitize leaves: add --sanitize');
	if (command === 'compare') {
		if (files.length !== 2) throw new UsageError('compare needs two captures: telltale compare A B');
		if (format !== 'summary' && format !== 'json') throw new UsageError('compare writes a summary, or JSON with --json');
		if (files[0] === '-' && files[1] === '-') throw new UsageError('standard input ("-") can be read only once');
		return { command, files, format, out, known, jobs, sanitize, keep };
	}
	if (command !== 'analyze') throw new UsageError(`unknown command "${command}" (try: telltale analyze <file|->)`);
	if (files.length === 0) throw new UsageError('analyze needs a file to read, or "-" for standard input');
	if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
	if (SINGLE_INPUT.includes(format) && files.length > 1) throw new UsageError(`--format ${format} reports one capture; name one file`);
	return { command, files, format, out, known, jobs, sanitize, keep };
}

function sanitizeOf(value: string | undefined): 'all' | 'secrets' {
	if (value === undefined || value === 'all') return 'all';
	if (value === 'secrets') return 'secrets';
	throw new UsageError(`--sanitize takes secrets or all, not "${value}"`);
}

function formatOf(value: string): OutputFormat {
	if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
	throw new UsageError(`unknown format "${value}" (try summary, json, ndjson, md, html or har)`);
}

function jobsOf(value: string): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${value}"`);
	return n;
}
