/**
 * Two captures side by side (before and after a setting changed, a browser against another): which sites, finding
 * types and identifier values both have and which only one; which identifier values persisted across them; and which
 * identifier types changed value — an advertising ID that is A in the first and B in the second was reset.
 * Pure: it reads two digests (capture-digest.ts), which can be gathered while the reports stream.
 */
import { FINDING_TYPES, type FindingType } from '../model';
import type { Digest } from './capture-digest';

export interface SiteRef {
	site: string;
	company: string | null;
}

export interface ValueRef {
	type: FindingType;
	value: string;
}

export interface CompareSide {
	sites: SiteRef[];
	types: FindingType[];
	values: ValueRef[];
}

export interface PersistedValue {
	value: string;
	a: { types: FindingType[]; sites: string[] };
	b: { types: FindingType[]; sites: string[] };
}

export interface ChangedType {
	type: FindingType;
	/** Values of the type only the first capture has. */
	a: string[];
	/** Values of the type only the second capture has. */
	b: string[];
	/** How many of its values both have. */
	kept: number;
	/** `reset`: none of the first capture's values of the type reached the second; `changed`: some did. */
	kind: 'reset' | 'changed';
}

export interface Comparison {
	a: { name: string; exchanges: number };
	b: { name: string; exchanges: number };
	both: CompareSide;
	onlyA: CompareSide;
	onlyB: CompareSide;
	persisted: PersistedValue[];
	changed: ChangedType[];
}

const typeOrder = (a: FindingType, b: FindingType) => FINDING_TYPES.indexOf(a) - FINDING_TYPES.indexOf(b);
const byTypeThenValue = (x: ValueRef, y: ValueRef) => typeOrder(x.type, y.type) || x.value.localeCompare(y.value);

/** Every (type, value) pair of a digest: a value seen under two types is a pair under each. */
function pairs(d: Digest): Map<string, ValueRef> {
	const out = new Map<string, ValueRef>();
	for (const [value, seen] of d.values) for (const type of seen.types) out.set(`${type}\u0000${value}`, { type, value });
	return out;
}

export function compareCaptures(a: Digest, b: Digest): Comparison {
	const side = (): CompareSide => ({ sites: [], types: [], values: [] });
	const both = side();
	const onlyA = side();
	const onlyB = side();
	const siteRef = (site: string): SiteRef => ({ site, company: a.sites.get(site) ?? b.sites.get(site) ?? null });
	for (const site of new Set([...a.sites.keys(), ...b.sites.keys()])) (a.sites.has(site) ? (b.sites.has(site) ? both : onlyA) : onlyB).sites.push(siteRef(site));
	for (const type of new Set([...a.types, ...b.types])) (a.types.has(type) ? (b.types.has(type) ? both : onlyA) : onlyB).types.push(type);
	const pa = pairs(a);
	const pb = pairs(b);
	for (const [key, ref] of pa) (pb.has(key) ? both : onlyA).values.push(ref);
	for (const [key, ref] of pb) if (!pa.has(key)) onlyB.values.push(ref);
	for (const s of [both, onlyA, onlyB]) {
		s.sites.sort((x, y) => x.site.localeCompare(y.site));
		s.types.sort(typeOrder);
		s.values.sort(byTypeThenValue);
	}
	const persisted: PersistedValue[] = [];
	for (const [value, seenA] of a.values) {
		const seenB = b.values.get(value);
		if (!seenB) continue;
		persisted.push({ value, a: { types: [...seenA.types].sort(typeOrder), sites: [...seenA.sites].sort() }, b: { types: [...seenB.types].sort(typeOrder), sites: [...seenB.sites].sort() } });
	}
	persisted.sort((x, y) => typeOrder(x.a.types[0]!, y.a.types[0]!) || x.value.localeCompare(y.value));
	return { a: { name: a.name, exchanges: a.exchanges }, b: { name: b.name, exchanges: b.exchanges }, both, onlyA, onlyB, persisted, changed: changedTypes(both.values, onlyA.values, onlyB.values) };
}

/** Types with values on both sides that are not the same values. */
function changedTypes(both: ValueRef[], onlyA: ValueRef[], onlyB: ValueRef[]): ChangedType[] {
	const group = (refs: ValueRef[]) => {
		const map = new Map<FindingType, string[]>();
		for (const r of refs) {
			const list = map.get(r.type);
			if (list) list.push(r.value);
			else map.set(r.type, [r.value]);
		}
		return map;
	};
	const kept = group(both);
	const gone = group(onlyA);
	const added = group(onlyB);
	const out: ChangedType[] = [];
	for (const [type, a] of gone) {
		const b = added.get(type);
		if (!b) continue;
		const k = kept.get(type)?.length ?? 0;
		out.push({ type, a, b, kept: k, kind: k === 0 ? 'reset' : 'changed' });
	}
	return out.sort((x, y) => typeOrder(x.type, y.type));
}
