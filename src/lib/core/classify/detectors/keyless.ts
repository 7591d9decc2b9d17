/**
 * Places where a value has no key that says what it is: schema-less protobuf (its keys are field numbers), arrays
 * with no key above them, the root of a payload. There only a value's shape can speak, so findings made there say
 * so in their reason ("web address by its shape, no key: protobuf field 3") and stay below their keyed confidence.
 */
import type { DecodedNode } from '../../model';
import { LAYER_SEPARATOR } from '../../shared/path';
import type { DetectContext } from './detector';

/** A normalised key that names nothing: none at all, or only a number (a protobuf field, an index written as a key). */
export function isKeylessKey(normKey: string): boolean {
	const n = normKey.length;
	if (n === 0) return true;
	for (let i = 0; i < n; i++) {
		const c = normKey.charCodeAt(i);
		if (c < 0x30 || c > 0x39) return false;
	}
	return true;
}

/**
 * Where a keyless value sits, in words for a reason ("no key: protobuf field 3"), or null when its key is a real one.
 * Header and cookie values always have their names, so they are never keyless.
 */
export function keylessPlace(ctx: DetectContext, node: DecodedNode): string | null {
	if (!isKeylessKey(ctx.normKey) || ctx.partKind === 'header' || ctx.partKind === 'cookie') return null;
	if (ctx.normKey.length > 0) {
		const path = node.path;
		const layer = path.slice(path.lastIndexOf(LAYER_SEPARATOR) + LAYER_SEPARATOR.length);
		return layer.startsWith('protobuf') ? `no key: protobuf field ${ctx.normKey}` : `no key: field ${ctx.normKey}`;
	}
	return ctx.inArray ? 'no key: an element of an array' : 'no key';
}
