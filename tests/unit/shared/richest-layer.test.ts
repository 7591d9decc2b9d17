import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { richestLayer, type LayerNode } from '../../../src/lib/core/shared/richest-layer';
import { peel } from '../../../src/lib/core/decode/peel';
import { layerPath, childPath } from '../../../src/lib/core/shared/path';

/** The definition as report/layers.ts wrote it before the walk moved here: the chain must not change. */
function referenceChain(roots: readonly LayerNode[]): string[] {
	const layerChains: string[][] = [];
	const layerSizes: number[] = [];
	const stack: { node: LayerNode; chain: string[]; layer: number }[] = [];
	for (const root of roots) {
		layerChains.push([]);
		layerSizes.push(0);
		stack.push({ node: root, chain: [], layer: layerSizes.length - 1 });
	}
	while (stack.length > 0) {
		const { node, chain, layer } = stack.pop()!;
		let here = layer;
		let hereChain = chain;
		if (node.codec) {
			hereChain = [...chain, node.codec];
			layerChains.push(hereChain);
			layerSizes.push(0);
			here = layerSizes.length - 1;
		}
		layerSizes[here]! += 1;
		if (node.decoded) stack.push({ node: node.decoded, chain: hereChain, layer: here });
		if (node.children) for (const child of node.children) stack.push({ node: child, chain: hereChain, layer: here });
	}
	let best = -1;
	for (let i = 0; i < layerSizes.length; i++) {
		const chain = layerChains[i]!;
		if (chain.length === 0) continue;
		if (best < 0 || layerSizes[i]! > layerSizes[best]! || (layerSizes[i] === layerSizes[best] && chain.length > layerChains[best]!.length)) best = i;
	}
	return best < 0 ? [] : layerChains[best]!;
}

/** A small seeded generator, so a failure names a tree that can be made again. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CODECS = ['base64', 'gzip', 'json', 'url', 'form'];

function randomTree(next: () => number, path: string, depth: number): LayerNode {
	const node: LayerNode = { path };
	const roll = next();
	if (depth < 5 && roll < 0.35) {
		const codec = CODECS[Math.floor(next() * CODECS.length)]!;
		node.decoded = { ...randomTree(next, layerPath(path, codec), depth + 1), codec };
	} else if (depth < 5 && roll < 0.7) {
		const n = Math.floor(next() * 5);
		node.children = Array.from({ length: n }, (_, i) => randomTree(next, childPath(path, i), depth + 1));
	}
	return node;
}

function nodeAt(roots: readonly LayerNode[], path: string): LayerNode | null {
	const stack = [...roots];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.path === path) return node;
		if (node.decoded) stack.push(node.decoded);
		if (node.children) stack.push(...node.children);
	}
	return null;
}

describe('richestLayer', () => {
	it('gives the chain the report always gave, on 2,000 random trees', () => {
		for (let seed = 1; seed <= 2000; seed++) {
			const next = random(seed);
			const roots = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => randomTree(next, `part${i}`, 0));
			const { chain, paths } = richestLayer(roots);
			expect(chain, `seed ${seed}`).toEqual(referenceChain(roots));
			expect(paths).toHaveLength(chain.length);
			paths.forEach((path, i) => {
				expect(nodeAt(roots, path)?.codec, `seed ${seed}`).toBe(chain[i]);
				if (i > 0) expect(path.startsWith(paths[i - 1]!)).toBe(true);
			});
		}
	});

	it('points each step of form › base64 › gzip › json at its node', () => {
		const events = Array.from({ length: 5 }, (_, i) => ({ event: 'view', i, properties: { $url: `https://www.example.test/${i}` } }));
		const body = `data_list=${encodeURIComponent(Buffer.from(gzipSync(JSON.stringify(events))).toString('base64'))}&gzip=1`;
		const root = peel({ kind: 'text', text: body }, 'body', { contentType: 'application/x-www-form-urlencoded' });
		expect(richestLayer([root])).toEqual({
			chain: ['form', 'base64', 'gzip', 'json'],
			paths: ['body › form', 'body › form.data_list › base64', 'body › form.data_list › base64 › gzip', 'body › form.data_list › base64 › gzip › json']
		});
	});

	it('is empty when nothing was decoded', () => {
		expect(richestLayer([{ path: 'query' }])).toEqual({ chain: [], paths: [] });
		expect(richestLayer([])).toEqual({ chain: [], paths: [] });
	});
});
