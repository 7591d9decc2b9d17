import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../src/lib/core/model';
import { digestOf } from '../../../../src/lib/core/report/capture-digest';
import { compareCaptures, type Comparison } from '../../../../src/lib/core/report/compare';
import { compareHeadline, compareModel, firstValues, groupValues } from '../../../../src/lib/state/views/compare';
import { exchange, finding } from '../../report/evidence/helpers';

const IMEI = '490154203237518';

function report(name: string, exchanges: Report['exchanges']): Report {
	return {
		tool: { name: 'telltale', version: '0' },
		input: { name, format: 'har', exchanges: exchanges.length },
		exchanges,
		identifiers: [],
		summary: { exchanges: exchanges.length, decodedParts: 0, findings: 0, findingsByType: {}, sites: [], notes: [] }
	};
}

const site = (s: string, company: string | null) => ({ site: s, company, product: null, category: 'analytics' as const, source: 'test' });

/** Normal mode against private mode: the IMEI came back, the advertising ID was reset, one user ID of two changed, one site is new. */
function normalVsPrivate(): Comparison {
	const a = report('normal.har', [
		exchange(0, { destination: site('tracker.test', 'Tracker Co'), findings: [finding({ value: IMEI }), finding({ type: 'ad.advertising_id', value: 'aaaa' })] }),
		exchange(1, { destination: site('old.test', null), findings: [finding({ type: 'user.id', value: 'u1' }), finding({ type: 'user.id', value: 'u2' }), finding({ type: 'browsing.url', value: 'https://a.test/' })] })
	]);
	const b = report('private.har', [
		exchange(0, { destination: site('tracker.test', 'Tracker Co'), findings: [finding({ value: IMEI }), finding({ type: 'ad.advertising_id', value: 'bbbb' })] }),
		exchange(1, { destination: site('new.test', 'New Ads'), findings: [finding({ type: 'user.id', value: 'u1' }), finding({ type: 'user.id', value: 'u3' }), finding({ type: 'contact.email', value: 'me@example.org' })] })
	]);
	return compareCaptures(digestOf(a), digestOf(b));
}

describe('compare view model', () => {
	it('puts sites with their company, types and values in both, only in the first and only in the second, with counts', () => {
		const model = compareModel(normalVsPrivate());
		expect(model.sites.map((c) => [c.set, c.count, c.rows])).toEqual([
			['both', 1, [{ site: 'tracker.test', company: 'Tracker Co' }]],
			['onlyA', 1, [{ site: 'old.test', company: null }]],
			['onlyB', 1, [{ site: 'new.test', company: 'New Ads' }]]
		]);
		expect(model.sites.map((c) => c.title)).toEqual(['In both', 'Only in A', 'Only in B']);
		expect(model.sites.map((c) => c.label)).toEqual(['In both normal.har and private.har', 'Only in normal.har', 'Only in private.har']);
		expect(model.types.map((c) => c.rows.map((r) => r.label))).toEqual([['IMEI', 'Advertising ID', 'User or tracking ID'], ['Visited pages'], ['E-mail address']]);
		// Values are identifiers only (a visited page is not one); counted by value, grouped by type.
		const [both, onlyA, onlyB] = model.values;
		expect(both!.count).toBe(2);
		expect(both!.rows.map((g) => [g.label, g.values])).toEqual([
			['IMEI', [IMEI]],
			['User or tracking ID', ['u1']]
		]);
		expect(onlyA!.rows.map((g) => [g.type, g.values])).toEqual([
			['ad.advertising_id', ['aaaa']],
			['user.id', ['u2']]
		]);
		expect(onlyB!.count).toBe(3);
		expect(onlyB!.rows.map((g) => [g.type, g.values])).toEqual([
			['ad.advertising_id', ['bbbb']],
			['user.id', ['u3']],
			['contact.email', ['me@example.org']]
		]);
	});

	it('lists what persisted with the sites on each side, and which types were reset or changed', () => {
		const model = compareModel(normalVsPrivate());
		expect(model.persisted).toEqual([
			{ value: IMEI, labels: ['IMEI'], tone: 'names', sitesA: ['tracker.test'], sitesB: ['tracker.test'] },
			{ value: 'u1', labels: ['User or tracking ID'], tone: 'tracks', sitesA: ['old.test'], sitesB: ['new.test'] }
		]);
		expect(model.changed.map((r) => [r.label, r.kind, r.a, r.b, r.kept])).toEqual([
			['Advertising ID', 'reset', ['aaaa'], ['bbbb'], 0],
			['User or tracking ID', 'changed', ['u2'], ['u3'], 1]
		]);
		expect(model.resetTypes).toBe(1);
		expect(model.headline).toBe(
			'2 identifier values persisted across both captures; 1 identifier type reset (a new value in the second); 1 identifier type with some values changed; 1 site only in the second; 1 site only in the first.'
		);
	});

	it('says so when nothing persisted, and a capture compared with itself changed nothing', () => {
		const empty = compareCaptures(digestOf(report('a', [])), digestOf(report('b', [exchange(0, { findings: [] })])));
		expect(compareHeadline(empty)).toBe('No identifier value is in both captures; 1 site only in the second.');
		const same = report('same.har', [exchange(0, { findings: [finding(), finding({ type: 'user.id', value: 'x' })] })]);
		const model = compareModel(compareCaptures(digestOf(same), digestOf(same)));
		expect(model.changed).toEqual([]);
		expect(model.values.map((c) => c.count)).toEqual([2, 0, 0]);
		expect(model.headline).toBe('2 identifier values persisted across both captures.');
	});

	it('keeps hostile names and values as plain strings (the view renders text)', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		const a = report(hostile, [exchange(0, { destination: site(hostile, hostile), findings: [finding({ type: 'user.id', value: hostile })] })]);
		const model = compareModel(compareCaptures(digestOf(a), digestOf(report('b', []))));
		expect(model.sites[1]!.label).toBe(`Only in ${hostile}`);
		expect(model.values[1]!.rows[0]!.values).toEqual([hostile]);
	});

	it('groups values by type in the order given', () => {
		expect(groupValues([
			{ type: 'device.imei', value: '1' },
			{ type: 'user.id', value: 'a' },
			{ type: 'device.imei', value: '2' }
		]).map((g) => [g.type, g.values])).toEqual([
			['device.imei', ['1', '2']],
			['user.id', ['a']]
		]);
	});

	it('pages values across groups, keeping each group whole up to the limit', () => {
		const groups = groupValues([
			{ type: 'device.imei', value: '1' },
			{ type: 'device.imei', value: '2' },
			{ type: 'user.id', value: 'a' },
			{ type: 'user.id', value: 'b' }
		]);
		expect(firstValues(groups, 3).map((g) => g.values)).toEqual([['1', '2'], ['a']]);
		expect(firstValues(groups, 2).map((g) => g.values)).toEqual([['1', '2']]);
		expect(firstValues(groups, 10)).toEqual(groups);
		expect(firstValues(groups, 0)).toEqual([]);
	});
});
