/**
 * Accuracy over the labelled corpus (tests/fixtures/corpus), through the real pipeline. Thresholds are
 * the targets; on failure the message lists what was missed or invented, case by case.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../fixtures/corpus/index';
import { runCase, score, typeTable } from '../../fixtures/corpus/evaluate';

const results = CORPUS.map(runCase);
const s = score(results);

function misses(): string {
	const lines: string[] = [];
	for (const r of results) {
		for (const m of r.missed) lines.push(`${r.case.id}: missed ${m.type} ${m.value}`);
		for (const u of r.unexpected) lines.push(`${r.case.id}: unexpected ${u.type} ${u.value} (${u.reason})`);
		if (r.companyOk === false) lines.push(`${r.case.id}: company ${r.exchange.destination?.company ?? 'none'}, expected ${String(r.case.company)}`);
	}
	return `${lines.join('\n')}\n${typeTable(s)}`;
}

describe('corpus accuracy', () => {
	it('has at least 40 tracker cases and 15 negatives', () => {
		expect(CORPUS.filter((c) => !c.negative).length).toBeGreaterThanOrEqual(40);
		expect(CORPUS.filter((c) => c.negative).length).toBeGreaterThanOrEqual(15);
	});
	it('finds ≥ 95% of the expected findings', () => {
		expect(s.recall, misses()).toBeGreaterThanOrEqual(0.95);
	});
	it('invents ≤ 2% of its findings', () => {
		expect(s.precision, misses()).toBeGreaterThanOrEqual(0.98);
	});
	it('names the right company for ≥ 95% of tracker requests', () => {
		expect(s.companyAccuracy, misses()).toBeGreaterThanOrEqual(0.95);
	});
	it('reports no device, ad or contact finding on any negative', () => {
		expect(s.forbidden.map((f) => `${f.type} ${f.value} at ${f.path}`)).toEqual([]);
	});
});
