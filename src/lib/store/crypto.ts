/**
 * Encryption at rest for what the user keeps, with nothing but WebCrypto (the same API in the page, a worker and
 * Node): a passphrase → PBKDF2-SHA-256 → an AES-GCM 256 key; each record sealed with a fresh random 96-bit IV.
 * DOM-free, so unit tests run it in Node. The passphrase is never stored; only the salt and the iteration count
 * are, next to each record, so the count can be raised later without losing older records.
 */

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. Records made with fewer are refused, not weakened further. */
export const MIN_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

/** How a key is made from a passphrase: stored with every sealed record. */
export interface KeyParams {
	kdf: 'PBKDF2-SHA-256';
	salt: Uint8Array;
	iterations: number;
}

/** AES-GCM output: the ciphertext with its 16-byte tag at the end, and the IV it was sealed with. */
export interface Sealed {
	iv: Uint8Array;
	data: Uint8Array;
}

/** The passphrase (or the key) does not open this record: AES-GCM's tag did not verify. */
export class WrongKeyError extends Error {
	constructor() {
		super('That passphrase does not open this');
		this.name = 'WrongKeyError';
	}
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
type Buffer = Uint8Array<ArrayBuffer>;
/** WebCrypto wants ArrayBuffer-backed views; IndexedDB and tests may hand over other views. */
const own = (bytes: Uint8Array): Buffer => new Uint8Array(bytes) as Buffer;

export function newKeyParams(iterations = MIN_ITERATIONS): KeyParams {
	if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${MIN_ITERATIONS} iterations`);
	return { kdf: 'PBKDF2-SHA-256', salt: globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES)), iterations };
}

/** Whether stored parameters are ones this code will use (a damaged or tampered record fails here, not later). */
export function isKeyParams(value: unknown): value is KeyParams {
	const params = value as KeyParams | null;
	return (
		typeof params === 'object' &&
		params !== null &&
		params.kdf === 'PBKDF2-SHA-256' &&
		params.salt instanceof Uint8Array &&
		params.salt.length === SALT_BYTES &&
		Number.isInteger(params.iterations) &&
		params.iterations >= MIN_ITERATIONS
	);
}

export function isSealed(value: unknown): value is Sealed {
	const sealed = value as Sealed | null;
	return typeof sealed === 'object' && sealed !== null && sealed.iv instanceof Uint8Array && sealed.iv.length === IV_BYTES && sealed.data instanceof Uint8Array;
}

/** About half a second at the minimum count: async, so the page stays responsive while it runs. */
export async function deriveKey(passphrase: string, params: KeyParams): Promise<CryptoKey> {
	if (!isKeyParams(params)) throw new RangeError('These key parameters are not ones Telltale accepts');
	if (passphrase === '') throw new RangeError('The passphrase is empty');
	const material = await subtle().importKey('raw', own(new TextEncoder().encode(passphrase)), 'PBKDF2', false, ['deriveKey']);
	return subtle().deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: own(params.salt), iterations: params.iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

export async function seal(key: CryptoKey, plain: Uint8Array): Promise<Sealed> {
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const data = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, own(plain)));
	return { iv, data };
}

/** Throws WrongKeyError when the key is not the one it was sealed with, or the record was changed. */
export async function unseal(key: CryptoKey, sealed: Sealed): Promise<Uint8Array> {
	try {
		return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: own(sealed.iv) }, key, own(sealed.data)));
	} catch (error) {
		// WebCrypto reports a failed tag as an OperationError and nothing more.
		if (error instanceof Error && error.name === 'OperationError') throw new WrongKeyError();
		throw error;
	}
}

export function sealJson(key: CryptoKey, value: unknown): Promise<Sealed> {
	return seal(key, new TextEncoder().encode(JSON.stringify(value)));
}

export async function unsealJson(key: CryptoKey, sealed: Sealed): Promise<unknown> {
	return JSON.parse(new TextDecoder().decode(await unseal(key, sealed)));
}

/** A stable name for a salt, to find the key already derived from it in this session. */
export function saltId(params: KeyParams): string {
	return `${params.iterations}:${Array.from(params.salt, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
