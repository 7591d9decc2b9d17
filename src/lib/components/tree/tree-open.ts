/**
 * Which nodes of a decoded tree start open. Depth is counted in structure levels (objects and arrays), not in
 * nodes: a chain of layers (body › form.data_list › base64 › gzip › json) opens all the way down to the structure
 * it carried, instead of stopping at "base64 decoded: 242 bytes", while deep structure still starts folded.
 */
import type { DecodedNode } from '$lib/core/model';

/** Structure levels shown open: the first structure and the one inside it (json › its events), not each event's fields. */
export const OPEN_STRUCTURE_LEVELS = 2;

export function isStructure(node: DecodedNode): boolean {
	return node.kind === 'object' || node.kind === 'array';
}

/** `structureDepth`: how many objects and arrays lie above the node. */
export function startsOpen(node: DecodedNode, structureDepth: number): boolean {
	const expandable = (node.children?.length ?? 0) > 0 || node.decoded !== undefined;
	return expandable && structureDepth < OPEN_STRUCTURE_LEVELS;
}

/** The structure depth of a node's children (its decoded layer stays at the node's own depth). */
export function childStructureDepth(node: DecodedNode, structureDepth: number): number {
	return isStructure(node) ? structureDepth + 1 : structureDepth;
}
