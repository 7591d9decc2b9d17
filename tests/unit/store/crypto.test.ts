import { describe, expect, test } from 'vitest';
import { deriveKey, isKeyParams, MIN_ITERATIONS, newKeyParams, seal, sealJson, unseal, unsealJson, WrongKeyError, type KeyParams } from '../../../src/lib/store/crypto';

/** One derivation per passphrase for the whole file: each costs about half a second at the real count. */
const params = newKeyParams();
const right = deriveKey('correct horse battery staple', params);
const wrong = deriveKey('correct horse battery stapler', params);

describe('encryption at rest', () => {
	test('new key parameters use at least 600,000 PBKDF2 iterations and a fresh 16-byte salt', () => {
		const other = newKeyParams();
		expect(params.iterations).toBeGreaterThanOrEqual(600_000);
		expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		expect(params.salt).toHaveLength(16);
		expect(other.salt).not.toEqual(params.salt);
		expect(() => newKeyParams(100_000)).toThrow(RangeError);
	});

	test('a stored iteration count below the floor is refused, a higher one accepted', async () => {
		const weak: KeyParams = { ...params, iterations: 1000 };
		expect(isKeyParams(weak)).toBe(false);
		await expect(deriveKey('x', weak)).rejects.toThrow(RangeError);
		expect(isKeyParams({ ...params, iterations: 1_200_000 })).toBe(true);
	});

	test('round trip: what is sealed opens with the same passphrase', async () => {
		const plain = new TextEncoder().encode('{"log":{"entries":[]}} and some bytes \u0000\u00ff');
		const sealed = await seal(await right, plain);
		expect(sealed.iv).toHaveLength(12);
		expect(sealed.data.length).toBe(plain.length + 16);
		expect(Buffer.from(sealed.data).includes(Buffer.from('entries'))).toBe(false);
		expect(await unseal(await deriveKey('correct horse battery staple', params), sealed)).toEqual(plain);
		expect(await unsealJson(await right, await sealJson(await right, { name: 'a.har', n: 3 }))).toEqual({ name: 'a.har', n: 3 });
	});

	test('a wrong passphrase fails with WrongKeyError', async () => {
		const sealed = await seal(await right, new Uint8Array([1, 2, 3]));
		await expect(unseal(await wrong, sealed)).rejects.toBeInstanceOf(WrongKeyError);
	});

	test('every record gets a fresh IV, so the same bytes never seal the same way', async () => {
		const plain = new Uint8Array(64);
		const ivs = new Set<string>();
		const datas = new Set<string>();
		for (let i = 0; i < 50; i++) {
			const sealed = await seal(await right, plain);
			ivs.add(Buffer.from(sealed.iv).toString('hex'));
			datas.add(Buffer.from(sealed.data).toString('hex'));
		}
		expect(ivs.size).toBe(50);
		expect(datas.size).toBe(50);
	});

	test('tampered ciphertext, tag or IV fails instead of giving changed bytes', async () => {
		const sealed = await seal(await right, new TextEncoder().encode('a kept capture'));
		for (const where of [0, sealed.data.length - 1]) {
			const data = sealed.data.slice();
			data[where]! ^= 1;
			await expect(unseal(await right, { iv: sealed.iv, data })).rejects.toBeInstanceOf(WrongKeyError);
		}
		const iv = sealed.iv.slice();
		iv[0]! ^= 1;
		await expect(unseal(await right, { iv, data: sealed.data })).rejects.toBeInstanceOf(WrongKeyError);
		await expect(unseal(await right, { iv: sealed.iv, data: sealed.data.slice(0, -1) })).rejects.toBeInstanceOf(WrongKeyError);
	});

	test('an empty passphrase is refused', async () => {
		await expect(deriveKey('', params)).rejects.toThrow(/empty/);
	});
});
