import { failure, isFailure, type CodecResult, type TextCodec, type TreeValue } from '../codec';
import { utf8OrNull } from '../../shared/text';
import { decodeBase64, encodeBase64 } from '../../shared/base64';
import { Budget } from '../../limits';
import { entriesOf, isObjectLike, treeEqual } from '../tree-equal';
import { writeJson } from './json-write';

const SEGMENT = '[A-Za-z0-9_-]';
const JWS = new RegExp(`^${SEGMENT}+\\.${SEGMENT}+\\.${SEGMENT}*$`);
const JWE = new RegExp(`^${SEGMENT}+\\.${SEGMENT}*\\.${SEGMENT}+\\.${SEGMENT}+\\.${SEGMENT}+$`);

/**
 * JSON Web Tokens: signed (`header.payload.signature`) → {header, payload, signature}; encrypted
 * (five parts) → {header, encryptedKey, iv, ciphertext, tag}. The header must be JSON with `alg`.
 * Signatures are shown, never verified.
 */
export const jwt: TextCodec<'jwt'> = {
	id: 'jwt',
	label: 'JSON Web Token',
	input: 'text',
	// Both serializations are dot-separated segments, at least 16 characters once trimmed.
	minLength: 16,
	needsOneOf: '.',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input) {
		const s = input.trim();
		if (s.length < 16 || (!JWS.test(s) && !JWE.test(s))) return 0;
		// A JSON header always starts `{"`, which base64url writes as `eyJ`.
		return s.startsWith('eyJ') ? 0.95 : 0.3;
	},
	decode(input, { budget }): CodecResult {
		const s = input.trim();
		const parts = s.split('.');
		if (!JWS.test(s) && !JWE.test(s)) return failure('not three or five base64url segments');
		const header = segmentJson(parts[0]!);
		if (!isRecord(header) || typeof header.alg !== 'string') return failure('header is not JSON with "alg"');
		budget.spendBytes(s.length, s.length);
		if (parts.length === 5) {
			if (typeof header.enc !== 'string') return failure('five segments but the header has no "enc"');
			return {
				kind: 'tree',
				value: {
					header: header as TreeValue,
					encryptedKey: segmentBytes(parts[1]!),
					iv: segmentBytes(parts[2]!),
					ciphertext: segmentBytes(parts[3]!),
					tag: segmentBytes(parts[4]!)
				},
				note: `encrypted JWT (${header.alg}, ${header.enc}): the claims cannot be read without the key`
			};
		}
		const payloadBytes = segmentBytes(parts[1]!);
		const payloadText = utf8OrNull(payloadBytes);
		const payload = payloadText === null ? payloadBytes : parseJson(payloadText) ?? payloadText;
		const unsigned = header.alg.toLowerCase() === 'none';
		return {
			kind: 'tree',
			value: { header: header as TreeValue, payload: payload as TreeValue, signature: segmentBytes(parts[2]!) },
			note: unsigned ? 'unsigned JWT (alg "none")' : `signed JWT (${header.alg}); signature not verified`
		};
	},
	encode(next, original) {
		// Each segment that changed is written again (compact JSON, or the bytes), base64url without padding;
		// the others keep their text. A changed payload breaks the signature, which the sanitizer removes anyway.
		if (!isObjectLike(next)) return failure('a JWT must stay a tree');
		const s = original.trim();
		const lead = original.slice(0, original.indexOf(s));
		const segments = s.split('.');
		const old = jwt.decode(original, { budget: new Budget(), hints: {} });
		if (old.kind !== 'tree' || !isObjectLike(old.value)) return failure('the original is not a JWT');
		const now = entriesOf(next);
		const was = entriesOf(old.value);
		if (now.length !== segments.length || was.length !== now.length) return failure('JWT segments were added or removed');
		for (let i = 0; i < now.length; i++) {
			if (treeEqual(now[i]![1], was[i]![1])) continue;
			const value = now[i]![1];
			let bytes: Uint8Array;
			if (value instanceof Uint8Array) bytes = value;
			else if (typeof value === 'string') bytes = utf8.encode(value);
			else {
				const text = writeJson(value, COMPACT);
				if (isFailure(text)) return text;
				bytes = utf8.encode(text);
			}
			segments[i] = encodeBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
		}
		return lead + segments.join('.') + original.slice(lead.length + s.length);
	}
};

const utf8 = new TextEncoder();
const COMPACT = { indent: '', newline: '\n', colonSpace: false, commaSpace: false };

function segmentBytes(segment: string): Uint8Array {
	return segment.length % 4 === 1 ? new Uint8Array(0) : decodeBase64(segment);
}

function segmentJson(segment: string): unknown {
	const text = utf8OrNull(segmentBytes(segment));
	return text === null ? undefined : parseJson(text);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
