/**
 * The identity set: hashes of every report, every decoded tree and every budget charge over the inputs that
 * matter (the real HARs, every capture fixture, the labelled corpus, the bench inputs). A refactor that must
 * not change results is checked by running this before and after and comparing:
 *
 *   npx tsx tests/identity/snapshot.ts > before.json   # on the old code
 *   npx tsx tests/identity/snapshot.ts --compare before.json
 *
 * Each line names one input; a changed hash names exactly which input and which side (report, trees, budget)
 * moved. The time limit is lifted so the clock cannot make two runs differ. `--strip a,b` leaves those keys out
 * of the reports before hashing, to show that a change on purpose (a new field) changed nothing else.
 */
import './fixed-clock';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readCapture } from '../../src/lib/core/capture/sniff';
import { analyze } from '../../src/lib/core/report/analyze';
import { Budget } from '../../src/lib/core/limits';
import { peel } from '../../src/lib/core/decode/peel';
import type { DecodedNode } from '../../src/lib/core/model';
import { CORPUS } from '../fixtures/corpus/index';
import { captureBytes } from '../fixtures/corpus/evaluate';
import { bigBase64Gzip, sensorsBatch } from '../bench/inputs';
import { generateHar } from '../bench/capture.bench';

const LIMITS = { maxMillis: 1e9 };
const stripAt = process.argv.indexOf('--strip');
const STRIPPED = new Set(stripAt >= 0 ? process.argv[stripAt + 1]!.split(',') : []);
const root = join(import.meta.dirname, '..', '..');

function sha(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A tree as text with bytes spelled in hex, so two trees hash alike only when every field is alike. */
function treeText(node: unknown): string {
	return JSON.stringify(node, (_key, value) => (value instanceof Uint8Array ? `bytes:${Buffer.from(value).toString('hex')}` : typeof value === 'bigint' ? `big:${value}` : value));
}

function files(dir: string): string[] {
	return readdirSync(dir)
		.flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? files(path) : [path];
		})
		.sort();
}

function captureLines(name: string, bytes: Uint8Array): Record<string, string> {
	let capture;
	try {
		capture = readCapture({ name, bytes });
	} catch (error) {
		return { [`${name} error`]: sha(String((error as Error).message)) };
	}
	const analysis = analyze(capture, { limits: LIMITS });
	const trees = analysis.parts.map((parts) => treeText(parts));
	return { [`${name} report`]: sha(JSON.stringify(analysis.report, (key, value) => (STRIPPED.has(key) ? undefined : value))), [`${name} trees`]: sha(trees.join('\n')) };
}

function peelLines(name: string, value: string): Record<string, string> {
	const budget = new Budget(LIMITS);
	const tree: DecodedNode = peel({ kind: 'text', text: value }, 'body', {}, budget);
	return { [`${name} tree`]: sha(treeText(tree)), [`${name} budget`]: `${budget.bytesProduced}/${budget.nodes}` };
}

function snapshot(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const dir of ['tests/fixtures/har', 'tests/fixtures/capture']) {
		for (const path of files(join(root, dir))) {
			if (/LICENSE|SOURCES/.test(path)) continue;
			Object.assign(out, captureLines(relative(root, path), new Uint8Array(readFileSync(path))));
		}
	}
	for (const c of CORPUS) Object.assign(out, captureLines(`corpus:${c.id}`, captureBytes(c)));
	Object.assign(out, peelLines('sensors-batch-200', sensorsBatch(200).body));
	Object.assign(out, peelLines('big-base64-gzip-10MB', bigBase64Gzip(10 * 1024 * 1024).value));
	const har = generateHar();
	Object.assign(out, captureLines('bench-har-1500', trimHar(har, 1500)));
	return out;
}

/** The first `count` entries of the bench HAR (the whole 20,000 take minutes with every tree hashed). */
function trimHar(bytes: Uint8Array, count: number): Uint8Array {
	const har = JSON.parse(new TextDecoder().decode(bytes)) as { log: { entries: unknown[] } };
	har.log.entries = har.log.entries.slice(0, count);
	return new TextEncoder().encode(JSON.stringify(har));
}

const result = snapshot();
const compareAt = process.argv.indexOf('--compare');
if (compareAt < 0) {
	process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
} else {
	const before = JSON.parse(readFileSync(process.argv[compareAt + 1]!, 'utf8')) as Record<string, string>;
	let changed = 0;
	for (const key of new Set([...Object.keys(before), ...Object.keys(result)])) {
		if (before[key] !== result[key]) {
			changed++;
			console.log(`changed: ${key} ${before[key] ?? '(absent)'} → ${result[key] ?? '(absent)'}`);
		}
	}
	console.log(`${Object.keys(result).length} lines, ${changed} changed`);
	process.exitCode = changed > 0 ? 1 : 0;
}
