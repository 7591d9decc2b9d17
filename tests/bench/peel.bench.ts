/** The two peeling targets from the Peel issue: a Sensors batch (5×) and one 10 MB base64(gzip(JSON)) value (3×). */
import { gunzipSync } from 'node:zlib';
import type { Benchmark } from './harness';
import { bigBase64Gzip, sensorsBatch, type SensorsBatch } from './inputs';
import { peel } from '../../src/lib/core/decode/peel';
import type { DecodedNode } from '../../src/lib/core/model';

const FORM = { contentType: 'application/x-www-form-urlencoded' };

/** Codec ids down the first `decoded` chain and through `data_list` when the first layer is a form. */
function chainOf(root: DecodedNode): string[] {
	const out: string[] = [];
	let node: DecodedNode | undefined = root;
	while (node) {
		if (node.codec) out.push(node.codec);
		if (node.decoded) node = node.decoded;
		else node = node.children?.find((c) => c.key === 'data_list');
	}
	return out;
}

/** Problems with a peeled tree: a limit anywhere, or fewer decoded values than expected. */
function completeness(root: DecodedNode, expectedChain: string[], minNodes: number): string | null {
	const chain = chainOf(root).slice(0, expectedChain.length);
	if (chain.join(',') !== expectedChain.join(',')) return `decoded as ${chain.join(' › ') || 'nothing'}`;
	let nodes = 0;
	const stack: DecodedNode[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		nodes++;
		if (node.limit) return `limit at ${node.path}: ${node.limit}`;
		if (node.decoded) stack.push(node.decoded);
		if (node.children) for (const c of node.children) stack.push(c);
	}
	return nodes < minNodes ? `only ${nodes} nodes` : null;
}

const sensors: Benchmark<SensorsBatch> = {
	id: 'peel-sensors-batch',
	title: 'Peel a Sensors Analytics batch (form › base64 › gzip › JSON, 1,000 events)',
	description:
		'A form body `crc=…&gzip=1&data_list=…` whose data_list is base64(gzip(JSON)) of 1,000 events with 30 properties each ' +
		'(about 1.1 MB of JSON). Telltale peels it completely: every leaf is sniffed, URLs and their queries are decoded, the envelope is named. ' +
		'Baseline: URLSearchParams + Buffer base64 + node:zlib gunzipSync + JSON.parse (native code, no tree, no leaves).',
	baselineLabel: 'URLSearchParams + base64 + gunzip + JSON.parse',
	target: 5,
	setup: () => sensorsBatch(1000),
	baseline(input) {
		const dataList = new URLSearchParams(input.body).get('data_list')!;
		return JSON.parse(gunzipSync(Buffer.from(dataList, 'base64')).toString('utf8'));
	},
	subject: (input) => peel({ kind: 'text', text: input.body }, 'body', FORM),
	verify: (input, result) => completeness(result as DecodedNode, ['form', 'base64', 'gzip', 'json'], input.events * 40)
};

const big: Benchmark<{ value: string; json: string }> = {
	id: 'peel-10mb-value',
	title: 'Peel one 10 MB base64(gzip(JSON)) value',
	description:
		'A single 10 MB base64 string of gzip(JSON): about 20 MB of log records whose messages mix words and random tokens. ' +
		'Telltale sniffs, decodes and builds the whole tree, peeling every leaf. ' +
		'Baseline: Buffer base64 + node:zlib gunzipSync + JSON.parse.',
	baselineLabel: 'base64 + gunzip + JSON.parse',
	target: 3,
	warmup: 2,
	runs: 5,
	setup: () => bigBase64Gzip(10_000_000),
	baseline: (input) => JSON.parse(gunzipSync(Buffer.from(input.value, 'base64')).toString('utf8')),
	subject: (input) => peel({ kind: 'text', text: input.value }, 'payload'),
	verify: (_input, result) => completeness(result as DecodedNode, ['base64', 'gzip', 'json'], 100_000)
};

export const benchmarks: Benchmark[] = [sensors as Benchmark, big as Benchmark];
