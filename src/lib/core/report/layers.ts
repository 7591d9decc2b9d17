/**
 * The `layers` of an exchange: codec ids along its richest decoded path, outermost first.
 * "Richest" is the layer that itself holds the most decoded values, so a URL found deep inside a
 * JSON event does not outrank the JSON event that carried it.
 */
import type { DecodedNode } from '../model';

interface Frame {
	node: DecodedNode;
	chain: string[];
	/** Index into `layerSizes` of the layer this node belongs to. */
	layer: number;
}

export function richestLayers(roots: readonly DecodedNode[]): string[] {
	const layerChains: string[][] = [];
	const layerSizes: number[] = [];
	const stack: Frame[] = [];
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
