/**
 * The compare view's model: a core Comparison (report/compare.ts) in the terms the view shows — receivers named by
 * their company, types by their label and tone, values grouped by type, each set with its counts — and a headline
 * that says what changed between the two captures. Pure, so it is tested without a browser.
 */
import type { FindingType } from '../../core/model';
import type { ChangedType, CompareSide, Comparison, PersistedValue } from '../../core/report/compare';
import { typeLabel, typeTone, type TypeTone } from './type-labels';
import { countText } from './text';

export const SETS = ['both', 'onlyA', 'onlyB'] as const;
export type CompareSet = (typeof SETS)[number];

export interface SiteRow {
	site: string;
	company: string | null;
}

export interface TypeRow {
	type: FindingType;
	label: string;
	tone: TypeTone;
}

export interface ValueGroup extends TypeRow {
	values: string[];
}

export interface SetColumn<T> {
	set: CompareSet;
	/** "In both", "Only in A", "Only in B": short, since the view names A and B once at its top. */
	title: string;
	/** The same with the captures' names, for screen readers ("Only in normal.har"). */
	label: string;
	count: number;
	rows: T[];
}

export interface PersistedRow {
	value: string;
	/** The labels of the types it was found as, in either capture. */
	labels: string[];
	tone: TypeTone;
	sitesA: string[];
	sitesB: string[];
}

export interface ChangedRow extends TypeRow {
	kind: ChangedType['kind'];
	/** Values of the type only the first capture has, then only the second. */
	a: string[];
	b: string[];
	/** How many of its values both have. */
	kept: number;
}

export interface CompareModel {
	a: { name: string; exchanges: number };
	b: { name: string; exchanges: number };
	headline: string;
	sites: SetColumn<SiteRow>[];
	types: SetColumn<TypeRow>[];
	/** Identifier values, grouped by type; `count` is the number of values, not of groups. */
	values: SetColumn<ValueGroup>[];
	persisted: PersistedRow[];
	/** Types whose values differ between the two: `reset` when none of the first capture's values came back. */
	changed: ChangedRow[];
	resetTypes: number;
}

const typeRow = (type: FindingType): TypeRow => ({ type, label: typeLabel(type), tone: typeTone(type) });

/** Values grouped by type, in the order the comparison lists them (by type, then value). */
export function groupValues(values: CompareSide['values']): ValueGroup[] {
	const groups = new Map<FindingType, ValueGroup>();
	for (const { type, value } of values) {
		let group = groups.get(type);
		if (!group) groups.set(type, (group = { ...typeRow(type), values: [] }));
		group.values.push(value);
	}
	return [...groups.values()];
}

export const SET_TITLES: Readonly<Record<CompareSet, string>> = { both: 'In both', onlyA: 'Only in A', onlyB: 'Only in B' };

export function setLabels(c: Pick<Comparison, 'a' | 'b'>): Record<CompareSet, string> {
	return { both: `In both ${c.a.name} and ${c.b.name}`, onlyA: `Only in ${c.a.name}`, onlyB: `Only in ${c.b.name}` };
}

function persistedRow(p: PersistedValue): PersistedRow {
	const types = [...new Set([...p.a.types, ...p.b.types])];
	return { value: p.value, labels: types.map(typeLabel), tone: typeTone(types[0]!), sitesA: p.a.sites, sitesB: p.b.sites };
}

/** What a reader should know first: which identifiers came back, which were reset, what only one capture reached. */
export function compareHeadline(c: Comparison): string {
	const parts: string[] = [];
	parts.push(c.persisted.length === 0 ? 'No identifier value is in both captures' : `${countText(c.persisted.length, 'identifier value')} persisted across both captures`);
	const reset = c.changed.filter((t) => t.kind === 'reset').length;
	const changed = c.changed.length - reset;
	if (reset > 0) parts.push(`${countText(reset, 'identifier type')} reset (a new value in the second)`);
	if (changed > 0) parts.push(`${countText(changed, 'identifier type')} with some values changed`);
	if (c.onlyB.sites.length > 0) parts.push(`${countText(c.onlyB.sites.length, 'site')} only in the second`);
	if (c.onlyA.sites.length > 0) parts.push(`${countText(c.onlyA.sites.length, 'site')} only in the first`);
	return `${parts.join('; ')}.`;
}

export function compareModel(c: Comparison): CompareModel {
	const labels = setLabels(c);
	const column = <T>(set: CompareSet, rows: T[], count = rows.length): SetColumn<T> => ({ set, title: SET_TITLES[set], label: labels[set], count, rows });
	return {
		a: c.a,
		b: c.b,
		headline: compareHeadline(c),
		sites: SETS.map((set) => column(set, c[set].sites.map((s) => ({ site: s.site, company: s.company })))),
		types: SETS.map((set) => column(set, c[set].types.map(typeRow))),
		values: SETS.map((set) => column(set, groupValues(c[set].values), c[set].values.length)),
		persisted: c.persisted.map(persistedRow),
		changed: c.changed.map((t) => ({ ...typeRow(t.type), kind: t.kind, a: t.a, b: t.b, kept: t.kept })),
		resetTypes: c.changed.filter((t) => t.kind === 'reset').length
	};
}

/** The first `limit` values across the groups, groups kept (a long list shows a page and grows on request). */
export function firstValues(groups: readonly ValueGroup[], limit: number): ValueGroup[] {
	const out: ValueGroup[] = [];
	let left = limit;
	for (const group of groups) {
		if (left <= 0) break;
		out.push(group.values.length <= left ? group : { ...group, values: group.values.slice(0, left) });
		left -= group.values.length;
	}
	return out;
}
