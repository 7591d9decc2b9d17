/**
 * Bodies an SDK encrypts cannot be decoded, and guessing at their bytes would mislead: where a request hits an
 * endpoint whose adapter declares an encrypted envelope and a body stayed opaque, the note names the format.
 */
import type { DecodedNode, DecodedPart, Exchange } from '../../model';
import { SDK_ADAPTERS } from './index';
import { endpointMatches } from './fields';
import { hostAndPath } from './scope';

const WITH_ENVELOPE = SDK_ADAPTERS.filter((a) => a.encryptedEnvelope !== undefined);

/** No structure anywhere along the body's decoded layers: nothing was read out of it. */
function isOpaque(root: DecodedNode): boolean {
	let node: DecodedNode | undefined = root;
	for (let i = 0; node && i < 32; i++) {
		if (node.children && node.children.length > 0) return false;
		node = node.decoded;
	}
	const size = root.bytes?.length ?? root.text?.length ?? 0;
	return size > 0;
}

/** `path: verdict` lines for the exchange's notes. */
export function encryptedEnvelopeNotes(exchange: Exchange, parts: readonly DecodedPart[]): string[] {
	if (WITH_ENVELOPE.length === 0) return [];
	const where = hostAndPath(exchange);
	if (!where) return [];
	const lines: string[] = [];
	for (const adapter of WITH_ENVELOPE) {
		const envelope = adapter.encryptedEnvelope!;
		if (!envelope.at.some((e) => endpointMatches(e, where.host, where.path))) continue;
		for (const part of parts) {
			if ((part.kind === 'request-body' || part.kind === 'websocket') && isOpaque(part.root)) lines.push(`${part.root.path}: ${envelope.verdict}`);
		}
	}
	return lines;
}
