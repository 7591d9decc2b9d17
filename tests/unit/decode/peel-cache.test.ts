/** A PeelCache shared between peelers changes how fast, never what: the same trees, the same budget. */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { PeelCache, Peeler } from '../../../src/lib/core/decode/peel';
import { Budget } from '../../../src/lib/core/limits';
import { INSIDE_DOCUMENT } from '../../../src/lib/core/decode/search-mode';
import { sensorsBatch } from '../../bench/inputs';

const FORM = { contentType: 'application/x-www-form-urlencoded' };

const payloads: Array<{ text: string; hints: Record<string, string> }> = [
	{ text: sensorsBatch(30, 3).body, hints: FORM },
	{ text: sensorsBatch(30, 4).body, hints: FORM },
	{ text: 'rc18f0m6-atnt-jdax-2uk9-1txm3ae06fw8', hints: {} },
	{ text: 'Mozilla/5.0 (Linux; Android 12; M2102J20SG) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', hints: {} },
	{ text: Buffer.from(gzipSync(JSON.stringify({ id: 'rc18f0m6-atnt-jdax-2uk9-1txm3ae06fw8', u: 'https://a.example/?q=x' }))).toString('base64'), hints: {} },
	{ text: 'rc18f0m6-atnt-jdax-2uk9-1txm3ae06fw8', hints: {} }
];

describe('PeelCache', () => {
	it('gives the same trees and charges the same bytes as peeling without it', () => {
		const cache = new PeelCache();
		for (const { text, hints } of [...payloads, ...payloads]) {
			const alone = new Budget();
			const shared = new Budget();
			const expected = new Peeler(alone).peel({ kind: 'text', text }, 'body', hints);
			const actual = new Peeler(shared, { cache }).peel({ kind: 'text', text }, 'body', hints);
			expect(actual).toEqual(expected);
			expect(shared.bytesProduced).toBe(alone.bytesProduced);
			expect(shared.nodes).toBe(alone.nodes);
		}
		expect(cache.decodedSize).toBeGreaterThan(0);
		expect(cache.undecodableSize).toBeGreaterThan(0);
	});

	it('searches again when the cached cost no longer fits the budget, so the limit stops it as before', () => {
		const cache = new PeelCache();
		const text = payloads[4]!.text;
		new Peeler(new Budget(), { cache }).peel({ kind: 'text', text: `{"k":"${text}"}` }, 'body', {});
		const tight = { maxTotalBytes: 40 };
		const expected = new Peeler(new Budget(tight)).peel({ kind: 'text', text: `{"k":"${text}"}` }, 'body', {});
		const actual = new Peeler(new Budget(tight), { cache }).peel({ kind: 'text', text: `{"k":"${text}"}` }, 'body', {});
		expect(actual).toEqual(expected);
		expect(JSON.stringify(actual)).toContain('in total');
	});
});

describe('PeelCache: keys whose values never repeat', () => {
	it('stops looking up and filling a key after a trial without hits, and keeps a key whose values repeat', () => {
		const cache = new PeelCache();
		for (let i = 0; i < 400; i++) {
			const event = JSON.stringify({ session: `tok${i.toString(36)}x${(i * 7919).toString(36)}`, os: 'Android' });
			new Peeler(new Budget(), { cache }).peel({ kind: 'text', text: event }, 'body', { contentType: 'application/json' });
		}
		// `session` never repeated: it is no longer worth a lookup. `os` hit every time.
		expect(cache.recordFor(INSIDE_DOCUMENT, 'session')).toBeNull();
		const os = cache.recordFor(INSIDE_DOCUMENT, 'os');
		expect(os).not.toBeNull();
		expect(os!.hits).toBeGreaterThan(300);
		// Trees are the same with or without the cache after the key was dropped.
		const text = JSON.stringify({ session: 'tokzz', os: 'Android' });
		expect(new Peeler(new Budget(), { cache }).peel({ kind: 'text', text }, 'body', { contentType: 'application/json' })).toEqual(
			new Peeler(new Budget()).peel({ kind: 'text', text }, 'body', { contentType: 'application/json' })
		);
	});
});
