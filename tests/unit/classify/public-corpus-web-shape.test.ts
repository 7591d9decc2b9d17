/**
 * The web share of the public corpus is well formed: unique IDs, https sources, kebab-case SDK IDs, known finding
 * types, a request or a payload, and negatives that expect no device, advertising or contact finding. This checks
 * the cases, not Telltale's output.
 */
import { describe, expect, it } from 'vitest';
import { WEB_CASES } from '../../fixtures/corpus-public/cases/web-index';
import { FINDING_TYPES } from '../../../src/lib/core/model';

describe('public web corpus shape', () => {
	it('has at least 75 cases over at least 30 SDKs, at least 20 of them negatives', () => {
		expect(WEB_CASES.length).toBeGreaterThanOrEqual(75);
		expect(new Set(WEB_CASES.map((c) => c.sdkId)).size).toBeGreaterThanOrEqual(30);
		expect(WEB_CASES.filter((c) => c.negative).length).toBeGreaterThanOrEqual(20);
	});

	it('gives every case a unique ID', () => {
		const ids = WEB_CASES.map((c) => c.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	});

	it('names at least one https source per case and a kebab-case SDK ID', () => {
		for (const c of WEB_CASES) {
			expect(c.source.length, c.id).toBeGreaterThanOrEqual(1);
			for (const url of c.source) expect(new URL(url).protocol, `${c.id}: ${url}`).toBe('https:');
			expect(c.sdkId, c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		}
	});

	it('has a request or a payload, and only known finding types with non-empty values', () => {
		for (const c of WEB_CASES) {
			expect((c.request === undefined) !== (c.payload === undefined), c.id).toBe(true);
			if (c.request) expect(new URL(c.request.url).protocol, c.id).toBe('https:');
			for (const e of c.expected) {
				expect(FINDING_TYPES as readonly string[], `${c.id}: ${e.type}`).toContain(e.type);
				expect(e.value.length, c.id).toBeGreaterThan(0);
			}
			const pairs = c.expected.map((e) => `${e.type} ${e.value.toLowerCase()}`);
			expect(pairs.filter((p, i) => pairs.indexOf(p) !== i), c.id).toEqual([]);
		}
	});

	it('keeps negatives free of device, advertising and contact expectations, and without a company', () => {
		for (const c of WEB_CASES.filter((c) => c.negative)) {
			expect(c.expected.filter((e) => /^(device|ad|contact)\./.test(e.type)), c.id).toEqual([]);
			expect(c.company, c.id).toBeUndefined();
		}
	});
});
