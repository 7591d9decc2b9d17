/** Small readers over decoded trees, shared by the peel tests. */
import type { DecodedNode } from '../../../src/lib/core/model';

/** Codec ids from `node` down its `decoded` chain, outermost first. */
export function chain(node: DecodedNode): string[] {
	const out: string[] = [];
	for (let n: DecodedNode | undefined = node.decoded; n; n = n.decoded) if (n.codec) out.push(n.codec);
	return out;
}

/** The last node of the `decoded` chain. */
export function end(node: DecodedNode): DecodedNode {
	let n = node;
	while (n.decoded) n = n.decoded;
	return n;
}

export function child(node: DecodedNode, key: string | number): DecodedNode {
	const found = node.children?.find((c) => c.key === key);
	if (!found) throw new Error(`no child ${String(key)} under ${node.path}`);
	return found;
}

/** Every node, iteratively. */
export function allNodes(root: DecodedNode): DecodedNode[] {
	const out: DecodedNode[] = [];
	const stack = [root];
	while (stack.length > 0) {
		const n = stack.pop()!;
		out.push(n);
		if (n.decoded) stack.push(n.decoded);
		if (n.children) stack.push(...n.children);
	}
	return out;
}

/** The plain value a structure node stands for (leaf text as written, not as peeled further). */
export function plain(node: DecodedNode): unknown {
	switch (node.kind) {
		case 'object':
			return Object.fromEntries((node.children ?? []).map((c) => [String(c.key), plain(c)]));
		case 'array':
			return (node.children ?? []).map(plain);
		case 'text':
			return node.text;
		case 'number':
			return node.number;
		case 'boolean':
			return node.boolean;
		case 'null':
			return null;
		case 'bytes':
			return node.bytes;
	}
}
