import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/args';

describe('parseArgs', () => {
	it.each([
		[['analyze', 'a.har'], { command: 'analyze', file: 'a.har', json: false }],
		[['analyze', 'a.har', '--json'], { command: 'analyze', file: 'a.har', json: true }],
		[['--json', 'analyze', '-'], { command: 'analyze', file: '-', json: true }],
		[[], { command: 'help', file: '', json: false }],
		[['--help'], { command: 'help', file: '', json: false }]
	])('%j → %j', (argv, expected) => {
		expect(parseArgs(argv)).toMatchObject(expected);
	});

	it.each([
		[['frobnicate', 'x'], /unknown command "frobnicate"/],
		[['analyze'], /needs a file/],
		[['analyze', 'a', 'b'], /unexpected argument "b"/],
		[['analyze', 'a', '--jsn'], /unknown option --jsn/]
	])('%j is a usage error', (argv, message) => {
		expect(() => parseArgs(argv)).toThrow(UsageError);
		expect(() => parseArgs(argv)).toThrow(message);
	});
});
