/**
 * Hostile inputs: each must end quickly, inside the budget, with a clear verdict or limit, both in the
 * library and through the command line. Wall-clock numbers are deliberately not asserted here.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peel } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';
import type { DecodedNode } from '../../../src/lib/core/model';
import { allNodes, chain, end } from './helpers';
import { random } from '../../bench/inputs';

const MiB = 1024 * 1024;

/** 1 GiB of zeros as a multi-member gzip stream: one 1 MiB member compressed once, repeated 1,024 times. */
function gzipBomb(): Buffer {
	const member = gzipSync(Buffer.alloc(MiB));
	return Buffer.concat(Array.from({ length: 1024 }, () => member));
}

function deepJsonArray(depth: number): string {
	return '['.repeat(depth) + ']'.repeat(depth);
}

function nestedBase64(levels: number): string {
	let s = '{"deep":true}';
	for (let i = 0; i < levels; i++) s = Buffer.from(s).toString('base64');
	return s;
}

function protobufLooking(length: number, seed: number): Uint8Array {
	// Field tags with wire types 0 and 2 and plausible lengths, filled with random bytes.
	const rand = random(seed);
	const out: number[] = [];
	while (out.length < length) {
		const field = 1 + Math.floor(rand() * 15);
		if (rand() < 0.5) out.push((field << 3) | 0, Math.floor(rand() * 128));
		else {
			const n = Math.floor(rand() * 20);
			out.push((field << 3) | 2, n + Math.floor(rand() * 3));
			for (let i = 0; i < n; i++) out.push(Math.floor(rand() * 256));
		}
	}
	return new Uint8Array(out.slice(0, length));
}

interface Case {
	name: string;
	/** What the file for the command line holds. */
	file: () => Uint8Array | string;
	/** Peeled in the library as this payload. */
	payload: () => { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };
	/** Something in the tree that says what happened. */
	expectInTree: RegExp;
	/**
	 * Through the command line: a report whose notes match (the limit, visible), a report with nothing
	 * in particular, or a refusal by the capture reader (exit 2, one line on stderr) matching this.
	 */
	cli: { report: RegExp | null } | { refused: RegExp };
}

const bomb = gzipBomb().toString('base64');
const deep = deepJsonArray(200_000);
const nested = nestedBase64(40);
const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x7d]);
const truncatedGzip = new Uint8Array(gzipSync(JSON.stringify({ events: Array.from({ length: 200 }, (_, i) => ({ i, name: `event ${i}` })) })).subarray(0, 300));
const proto = protobufLooking(4096, 11);

const CASES: Case[] = [
	{
		name: 'base64 of a gzip bomb (1 GiB of zeros)',
		file: () => bomb,
		payload: () => ({ kind: 'text', text: bomb }),
		expectInTree: /output larger than|expands more than|total/,
		cli: { report: /limit: .*(output larger than|expands more than|total)/ }
	},
	{
		name: 'a 200,000-deep JSON array',
		file: () => deep,
		payload: () => ({ kind: 'text', text: deep }),
		expectInTree: /nesting deeper than 256 levels/,
		cli: { report: /limit: nesting deeper than 256 levels/ }
	},
	{
		name: 'base64 nested 40 levels deep',
		file: () => nested,
		payload: () => ({ kind: 'text', text: nested }),
		expectInTree: /12 layers is the layer limit/,
		cli: { report: /limit: not decoded further: 12 layers/ }
	},
	{
		name: 'invalid UTF-8',
		file: () => invalidUtf8,
		payload: () => ({ kind: 'bytes', bytes: invalidUtf8 }),
		expectInTree: /binary data|entropy/,
		cli: { report: null }
	},
	{
		name: 'truncated gzip',
		file: () => truncatedGzip,
		payload: () => ({ kind: 'bytes', bytes: truncatedGzip }),
		expectInTree: /truncated|gzip data/,
		cli: { refused: /truncated/ }
	},
	{
		name: 'random bytes that look like protobuf',
		file: () => proto,
		payload: () => ({ kind: 'bytes', bytes: proto }),
		expectInTree: /./,
		cli: { refused: /binary data/ }
	}
];

function said(root: DecodedNode): string {
	return allNodes(root)
		.flatMap((n) => [n.limit, n.verdict, n.note].filter(Boolean))
		.join('\n');
}

describe('adversarial inputs in the library', () => {
	it.each(CASES)('$name', ({ payload, expectInTree }) => {
		const budget = new Budget();
		const root = peel(payload(), 'payload', {}, budget);
		expect(said(root)).toMatch(expectInTree);
		expect(budget.bytesProduced).toBeLessThanOrEqual(budget.limits.maxTotalBytes);
		expect(budget.nodes).toBeLessThanOrEqual(budget.limits.maxNodes);
	});

	it('the bomb stops at the per-node cap, inside the gzip layer', () => {
		const root = peel({ kind: 'text', text: bomb }, 'payload');
		expect(chain(root)[0]).toBe('base64');
		const limited = allNodes(root).filter((n) => n.limit);
		expect(limited.map((n) => n.path)).toEqual(['payload › base64']);
		expect(limited[0]!.limit).toMatch(/gzip: output larger than 32 MiB/);
	});

	it('the deep array is expanded to the structure limit, and no further', () => {
		const root = peel({ kind: 'text', text: deep }, 'payload');
		const depthOf = (n: DecodedNode) => n.path.split('[0]').length - 1;
		const limited = allNodes(end(root)).filter((n) => n.limit);
		expect(limited).toHaveLength(1);
		expect(depthOf(limited[0]!)).toBe(256);
	});
});

describe('adversarial inputs through the command line', () => {
	const dir = mkdtempSync(join(tmpdir(), 'telltale-adversarial-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it.each(CASES)('$name', ({ name, file, cli }) => {
		const path = join(dir, name.replace(/\W+/g, '-'));
		writeFileSync(path, file());
		const run = spawnSync('npm', ['run', '--silent', 'telltale', '--', 'analyze', path, '--json'], { encoding: 'utf8', timeout: 60_000 });
		if ('refused' in cli) {
			expect(run.status, run.stderr).toBe(2);
			expect(run.stdout).toBe('');
			const lines = run.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('npm warn'));
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(/^telltale: /);
			expect(lines[0]).toMatch(cli.refused);
			return;
		}
		expect(run.status, run.stderr).toBe(0);
		const report = JSON.parse(run.stdout) as { summary: { notes: string[] }; exchanges: unknown[] };
		expect(report.exchanges).toHaveLength(1);
		if (cli.report) expect(report.summary.notes.join('\n')).toMatch(cli.report);
	});
});
