import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADGUARD_OUTPUT, EXODUS_OUTPUT, OUTPUT_DIR, compactTrackerData, readRawData, serialize } from '../../../../scripts/compact-tracker-data.mjs';
import { CATEGORIES } from '../../../../src/lib/core/classify/destinations/categories';
import { unsafePatternReason } from '../../../../src/lib/core/classify/destinations/host-pattern';

const compacted = compactTrackerData(readRawData());

describe('generated tracker data', () => {
	it.each([
		[ADGUARD_OUTPUT, 'adguard'],
		[EXODUS_OUTPUT, 'exodus']
	] as const)('%s matches a fresh compaction of data/ (run node scripts/compact-tracker-data.mjs when this fails)', (file, key) => {
		const committed = readFileSync(join(OUTPUT_DIR, file), 'utf8');
		expect(committed === serialize(compacted[key])).toBe(true);
	});

	it('indexes categories in the order the runtime expects', () => {
		expect(compacted.adguard.categories).toEqual([...CATEGORIES]);
		expect(compacted.exodus.categories).toEqual([...CATEGORIES]);
	});

	it('ships only host patterns the runtime grammar accepts, and says which it refused', () => {
		for (const row of compacted.exodus.trackers as Array<[string, number, string, string]>) {
			for (const pattern of row[3] === '' ? [] : row[3].split('|')) expect(unsafePatternReason(pattern), pattern).toBeNull();
		}
		expect(compacted.stats.rejectedPatterns.every((r: string) => r.includes('('))).toBe(true);
	});

	it('stays small enough to precache (under 300 KB together)', () => {
		const size = statSync(join(OUTPUT_DIR, ADGUARD_OUTPUT)).size + statSync(join(OUTPUT_DIR, EXODUS_OUTPUT)).size;
		expect(size).toBeLessThan(300_000);
	});
});
