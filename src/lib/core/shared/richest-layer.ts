/**
 * The richest decoded layer of an exchange: the layer that itself holds the most decoded values (so a URL found deep
 * inside a JSON event does not outrank the JSON event that carried it); ties go to the longer chain. It gives the
 * codec chain down to that layer (the report's `layers`) and where each step of it starts in the tree, so the
 * detail pane can take a reader from a breadcrumb chip to its node. Shared so both read one definition.
 */

/** What the walk needs of a node; `DecodedNode` (model.ts) is one. */
export interface LayerNode {
	path: string;
	codec?: string;
	decoded?: LayerNode;
	children?: readonly LayerNode[];
}

export interface RichestLayer {
	/** Codec ids, outermost first. */
	chain: string[];
	/** For each step of `chain`, the path of the node that starts it on the way to the richest layer. */
	paths: string[];
}

export function richestLayer(roots: readonly LayerNode[]): RichestLayer {
	// One entry per layer; a layer knows its parent, so no chain is copied while walking.
	const parent: number[] = [];
	const depth: number[] = [];
	const sizes: number[] = [];
	const starts: (LayerNode | null)[] = [];
	const stack: { node: LayerNode; layer: number }[] = [];
	for (const root of roots) {
		parent.push(-1);
		depth.push(0);
		sizes.push(0);
		starts.push(null);
		stack.push({ node: root, layer: sizes.length - 1 });
	}
	while (stack.length > 0) {
		const { node, layer } = stack.pop()!;
		let here = layer;
		if (node.codec) {
			parent.push(layer);
			depth.push(depth[layer]! + 1);
			sizes.push(0);
			starts.push(node);
			here = sizes.length - 1;
		}
		sizes[here]! += 1;
		if (node.decoded) stack.push({ node: node.decoded, layer: here });
		if (node.children) for (const child of node.children) stack.push({ node: child, layer: here });
	}
	let best = -1;
	for (let i = 0; i < sizes.length; i++) {
		if (depth[i] === 0) continue;
		if (best < 0 || sizes[i]! > sizes[best]! || (sizes[i] === sizes[best] && depth[i]! > depth[best]!)) best = i;
	}
	const chain: string[] = [];
	const paths: string[] = [];
	for (let i = best; i >= 0 && depth[i]! > 0; i = parent[i]!) {
		chain.push(starts[i]!.codec!);
		paths.push(starts[i]!.path);
	}
	return { chain: chain.reverse(), paths: paths.reverse() };
}
