/**
 * Where a limit stopped work, the innermost node it stopped says so in `limit`, once. Limits that bound
 * the whole input (time, nodes, total bytes) travel on to the top; the others stop one value only.
 */
import type { DecodedNode } from '../model';
import { LimitExceeded } from '../limits';

/** Marks limit errors already recorded on a node, so parents do not record them again. */
const recorded = new WeakSet<LimitExceeded>();

export function isGlobalLimit(error: LimitExceeded): boolean {
	return error.limit === 'time' || error.limit === 'nodes' || error.limit === 'total-bytes';
}

/** Records a limit on the innermost node it stopped; anything that is not a limit is a bug and travels on. */
export function recordLimit(node: DecodedNode, error: unknown): void {
	if (!(error instanceof LimitExceeded)) throw error;
	if (recorded.has(error)) return;
	node.limit = error.message;
	recorded.add(error);
}
