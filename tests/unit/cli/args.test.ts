import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/args';

describe('parseArgs', () => {
	it.each([
		[['analyze', 'a.har'], { command: 'analyze', files: ['a.har'], format: 'summary', jobs: null }],
		[['analyze', 'a.har', '--json'], { command: 'analyze', files: ['a.har'], format: 'json' }],
		[['--json', 'analyze', '-'], { command: 'analyze', files: ['-'], format: 'json' }],
		[['analyze', 'a.har', '--format', 'ndjson'], { format: 'ndjson' }],
		[['analyze', 'a.har', '--format=json'], { format: 'json' }],
		[['analyze', 'a.har', 'b.har', 'captures/'], { files: ['a.har', 'b.har', 'captures/'] }],
		[['analyze', 'a.har', '--jobs', '3'], { jobs: 3 }],
		[['analyze', 'a.har', '--jobs=1'], { jobs: 1 }],
		[['analyze', 'a.har', '--known', 'imei=1', '--known=email=a@b.c'], { known: ['imei=1', 'email=a@b.c'] }],
		[['analyze', 'a.har', '--format', 'md'], { format: 'md', out: null }],
		[['analyze', 'a.har', '--format=html', '--out', 'r.html'], { format: 'html', out: 'r.html' }],
		[['analyze', 'a.har', '--json', '--out=r.json'], { format: 'json', out: 'r.json' }],
		[['compare', 'a.har', 'b.har'], { command: 'compare', files: ['a.har', 'b.har'], format: 'summary' }],
		[['compare', 'a.har', 'b.har', '--json'], { command: 'compare', format: 'json' }],
		[['analyze', 'a.har', '--format', 'har'], { format: 'har', sanitize: null, keep: [] }],
		[['analyze', 'a.har', '--format', 'har', '--sanitize'], { format: 'har', sanitize: 'all' }],
		[['analyze', 'a.har', '--format=har', '--sanitize=secrets', '--out', 's.har'], { format: 'har', sanitize: 'secrets', out: 's.har' }],
		[['analyze', 'a.har', '--format', 'har', '--sanitize', '--keep', 'browsing.url', '--keep=app.package'], { sanitize: 'all', keep: ['browsing.url', 'app.package'] }],
		[[], { command: 'help', files: [] }],
		[['--help'], { command: 'help', files: [] }]
	])('%j → %j', (argv, expected) => {
		expect(parseArgs(argv)).toMatchObject(expected);
	});

	it.each([
		[['frobnicate', 'x'], /unknown command "frobnicate"/],
		[['analyze'], /needs a file/],
		[['analyze', '-', '-'], /standard input \("-"\) can be read only once/],
		[['analyze', 'a', '--jsn'], /unknown option --jsn/],
		[['analyze', 'a', '--format', 'xml'], /unknown format "xml"/],
		[['analyze', 'a', '--format'], /--format needs/],
		[['analyze', 'a', '--jobs', '0'], /--jobs takes a whole number/],
		[['analyze', 'a', '--jobs', 'many'], /--jobs takes a whole number/],
		[['analyze', 'a', 'b', '--format', 'html'], /--format html reports one capture/],
		[['analyze', 'a', '--out'], /--out needs a file/],
		[['analyze', 'a', '--sanitize'], /--sanitize writes a HAR: add --format har/],
		[['analyze', 'a', '--format', 'har', '--sanitize=everything'], /--sanitize takes secrets or all/],
		[['analyze', 'a', '--format', 'har', '--keep', 'device.imei'], /add --sanitize/],
		[['analyze', 'a', 'b', '--format', 'har'], /--format har reports one capture/],
		[['compare', 'a'], /compare needs two captures/],
		[['compare', 'a', 'b', 'c'], /compare needs two captures/],
		[['compare', 'a', 'b', '--format', 'md'], /compare writes a summary, or JSON/],
		[['compare', '-', '-'], /standard input/]
	])('%j is a usage error', (argv, message) => {
		expect(() => parseArgs(argv)).toThrow(UsageError);
		expect(() => parseArgs(argv)).toThrow(message);
	});
});
