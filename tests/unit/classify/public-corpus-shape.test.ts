import { describe, expect, it } from 'vitest';
import { FINDING_TYPES } from '../../../src/lib/core/model';
import { MOBILE_AND_CHINA_CASES } from '../../fixtures/corpus-public/cases/mobile-and-china-index';

const cases = MOBILE_AND_CHINA_CASES;

describe('public-source corpus: mobile and Chinese SDK cases are well formed', () => {
	it('has unique ids', () => {
		const ids = cases.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('cites at least one https source per case and names its SDK', () => {
		for (const c of cases) {
			expect(c.source.length, c.id).toBeGreaterThan(0);
			for (const url of c.source) expect(url, c.id).toMatch(/^https:\/\/[^\s]+$/);
			expect(c.sdkId, c.id).toMatch(/^[a-z0-9-]+$/);
		}
	});

	it('has exactly one of request or payload', () => {
		for (const c of cases) expect((c.request === undefined) !== (c.payload === undefined), c.id).toBe(true);
	});

	it('expects only FINDING_TYPES', () => {
		for (const c of cases) for (const e of c.expected) expect(FINDING_TYPES as readonly string[], `${c.id}: ${e.type}`).toContain(e.type);
	});

	it('gives negatives no device, ad or contact expectation', () => {
		for (const c of cases.filter((x) => x.negative)) expect(c.expected.filter((e) => /^(device|ad|contact)\./.test(e.type)), c.id).toEqual([]);
	});
});
