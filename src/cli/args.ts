/** Command-line arguments: small enough that a parser library would be more code than this. */

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const USAGE = `usage: telltale analyze <file|-> [--json] [--known TYPE=VALUE]...

  analyze <file>   read a HAR, raw HTTP, curl command, Burp export or bare payload and report
                   every decoded layer, destination and finding ("-" reads standard input)
  --json           print the report as JSON (and nothing else) on standard output
  --known TYPE=VALUE
                   one of your own identifiers to search for in plain, encoded and hashed forms
                   (repeatable): imei, imsi, iccid, serial, android_id, mac, gaid/idfa/oaid, email,
                   phone, ip, ssid, bssid, user_id, secret — or any finding type, e.g. device.imei`;

export interface Args {
	command: 'analyze' | 'help';
	file: string;
	json: boolean;
	/** `--known` values as typed (TYPE=VALUE); parsed by the core's parseKnownValue. */
	known: string[];
}

export function parseArgs(argv: string[]): Args {
	const positional: string[] = [];
	let json = false;
	const known: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--json') json = true;
		else if (arg === '--known') {
			const spec = argv[++i];
			if (spec === undefined) throw new UsageError('--known needs TYPE=VALUE (e.g. --known imei=868…)');
			known.push(spec);
		} else if (arg.startsWith('--known=')) known.push(arg.slice('--known='.length));
		else if (arg === '--help' || arg === '-h') return { command: 'help', file: '', json, known };
		else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg} (try --help)`);
		else positional.push(arg);
	}
	const [command, file, ...rest] = positional;
	if (command === undefined || command === 'help') return { command: 'help', file: '', json, known };
	if (command !== 'analyze') throw new UsageError(`unknown command "${command}" (try: telltale analyze <file|->)`);
	if (file === undefined) throw new UsageError('analyze needs a file to read, or "-" for standard input');
	if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
	return { command, file, json, known };
}
