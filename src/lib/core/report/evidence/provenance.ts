/**
 * What an evidence report says about its input, so a reader can check that the report is about the file they hold:
 * the file's SHA-256, name and size, the Telltale version and when the analysis ran. The digest is computed while
 * the report's first pass reads the file, chunk by chunk, so the file is never held twice (nor once).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface Provenance {
	name: string;
	/** Bytes of the file as given (before any gzip or zip inside it was opened). */
	size: number | null;
	/** Lower-case hex; null only when no pass read the input to its end. */
	sha256: string | null;
	version: string;
	/** ISO 8601. */
	analysedAt: string;
}

export interface HashedSource<S> {
	/** Opens the input as `open` did; the chunks of the first pass read to its end are hashed on the way through. */
	open: () => S;
	/** The digest and byte count once a pass has read the whole input, else null. */
	digest(): { sha256: string; size: number } | null;
}

export function hashedSource<S extends AsyncIterable<Uint8Array>>(open: () => S): HashedSource<AsyncIterable<Uint8Array>> {
	let result: { sha256: string; size: number } | null = null;
	return {
		digest: () => result,
		open: () => {
			const source = open();
			// A later pass reads the same bytes: hashing them again would only cost time.
			if (result) return source;
			return (async function* () {
				const hash = sha256.create();
				let size = 0;
				for await (const chunk of source) {
					hash.update(chunk);
					size += chunk.length;
					yield chunk;
				}
				result ??= { sha256: bytesToHex(hash.digest()), size };
			})();
		}
	};
}
