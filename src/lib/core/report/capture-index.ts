/**
 * What the workspace asks of a whole capture, gathered exchange by exchange while the findings are at hand (the worker
 * does not keep them): which finding types each exchange carried, a text to search per exchange, and every value
 * found, grouped by type. Filters and searches then run over compact arrays, in the worker, in milliseconds.
 */
import { FINDING_TYPES, type ExchangeReport, type Finding, type FindingType } from '../model';

/** Characters of found values searched per exchange: a batch of 50 events repeats most of them. */
const SEARCH_VALUES_MAX = 4096;
/** Distinct values listed per type in "What leaked"; the rest are counted. */
export const LEAK_VALUES_MAX = 10_000;
/** A value is listed up to this length (a whole page title or URL fits; a pasted document does not). */
const LEAK_VALUE_CHARS = 2000;

const TYPE_BIT = new Map<FindingType, number>(FINDING_TYPES.map((type, i) => [type, 2 ** i]));

export function typesMask(types: Iterable<FindingType>): number {
	let mask = 0;
	for (const type of types) mask |= TYPE_BIT.get(type)!;
	return mask;
}

export function typesOfMask(mask: number): FindingType[] {
	// 25 types: more than 31 bits would need another representation, and the bitwise operators would break silently.
	return FINDING_TYPES.filter((type) => Math.floor(mask / TYPE_BIT.get(type)!) % 2 === 1);
}

/** One value found in the capture, with the exchanges that carried it. */
export interface LeakedValue {
	value: string;
	/** Whether the value was cut to fit the list (its exchanges are those of the whole value). */
	truncated: boolean;
	/** Occurrences across the capture (a batch carries a device ID once per event). */
	occurrences: number;
	/** Exchange indexes, ascending, each once. */
	exchanges: number[];
}

export interface LeakGroup {
	type: FindingType;
	values: LeakedValue[];
	/** Distinct values not listed (past LEAK_VALUES_MAX; `exact` false: at least that many) and their occurrences. */
	unlisted: { values: number; exact: boolean; occurrences: number };
}

interface LeakEntry {
	truncated: boolean;
	occurrences: number;
	exchanges: number | number[];
}

/** Where a text search matched: the URL, or a found value (its type, and the value, cut for display). */
export interface SearchHit {
	field: 'url' | 'value';
	type?: FindingType;
	text: string;
}

export class CaptureIndex {
	private readonly masks: number[] = [];
	/** Lower-cased `url` then found values, one per line; what a text search scans. */
	private readonly haystacks: string[] = [];
	private readonly leaks = new Map<FindingType, Map<string, LeakEntry>>();
	private readonly unlisted = new Map<FindingType, { values: Set<string> | number; occurrences: number }>();
	/** Exchanges were added to values out of capture order (addLater): their lists are sorted when read. */
	private addedLater = false;

	get size(): number {
		return this.masks.length;
	}

	/** One exchange, with its findings, in capture order. */
	add(exchange: ExchangeReport): void {
		const index = this.masks.length;
		let mask = 0;
		let values = '';
		const seen = new Set<string>();
		for (const finding of exchange.findings) {
			mask |= TYPE_BIT.get(finding.type)!;
			this.addLeak(finding.type, finding.value, finding.count, index);
			if (values.length < SEARCH_VALUES_MAX && !seen.has(finding.value)) {
				seen.add(finding.value);
				values += '\n' + finding.value.slice(0, SEARCH_VALUES_MAX - values.length).toLowerCase();
			}
		}
		this.masks.push(mask);
		this.haystacks.push((exchange.url ?? '').toLowerCase() + values);
	}

	/** Findings added to an exchange already indexed (propagation, once the capture is read). */
	addLater(index: number, findings: readonly Finding[]): void {
		if (index >= this.masks.length) return;
		let values = '';
		for (const finding of findings) {
			this.masks[index]! |= TYPE_BIT.get(finding.type)!;
			this.addLeak(finding.type, finding.value, finding.count, index);
			values += '\n' + finding.value.slice(0, SEARCH_VALUES_MAX).toLowerCase();
		}
		this.haystacks[index] += values;
		this.addedLater = true;
	}

	typesMask(index: number): number {
		return this.masks[index] ?? 0;
	}

	/** Where `needle` (already lower-cased) occurs in exchange `index`; null when it does not. */
	find(index: number, needle: string): SearchHit | null {
		const haystack = this.haystacks[index];
		if (haystack === undefined || needle === '') return null;
		const at = haystack.indexOf(needle);
		if (at < 0) return null;
		const lineStart = haystack.lastIndexOf('\n', at) + 1;
		const lineEnd = haystack.indexOf('\n', at);
		if (lineStart === 0) return { field: 'url', text: haystack.slice(0, lineEnd < 0 ? undefined : lineEnd).slice(0, 200) };
		return { field: 'value', text: haystack.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).slice(0, 200) };
	}

	/** Every value found, by type in the report's order, most widespread first. */
	leakGroups(): LeakGroup[] {
		const out: LeakGroup[] = [];
		for (const type of FINDING_TYPES) {
			const byValue = this.leaks.get(type);
			if (!byValue) continue;
			const values: LeakedValue[] = [];
			for (const [value, entry] of byValue) {
				const exchanges = typeof entry.exchanges === 'number' ? [entry.exchanges] : this.addedLater ? [...new Set(entry.exchanges)].sort((a, b) => a - b) : entry.exchanges;
				values.push({ value, truncated: entry.truncated, occurrences: entry.occurrences, exchanges });
			}
			values.sort((a, b) => b.exchanges.length - a.exchanges.length || b.occurrences - a.occurrences || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
			const more = this.unlisted.get(type);
			const unlisted = !more ? { values: 0, exact: true, occurrences: 0 } : { values: typeof more.values === 'number' ? more.values : more.values.size, exact: typeof more.values !== 'number', occurrences: more.occurrences };
			out.push({ type, values, unlisted });
		}
		return out;
	}

	private addLeak(type: FindingType, raw: string, count: number, index: number): void {
		let byValue = this.leaks.get(type);
		if (!byValue) this.leaks.set(type, (byValue = new Map()));
		const truncated = raw.length > LEAK_VALUE_CHARS;
		const value = truncated ? raw.slice(0, LEAK_VALUE_CHARS) : raw;
		const entry = byValue.get(value);
		if (entry) {
			entry.occurrences += count;
			if (typeof entry.exchanges === 'number') {
				if (entry.exchanges !== index) entry.exchanges = [entry.exchanges, index];
			} else if (entry.exchanges[entry.exchanges.length - 1] !== index) entry.exchanges.push(index);
			return;
		}
		if (byValue.size < LEAK_VALUES_MAX) {
			byValue.set(value, { truncated, occurrences: count, exchanges: index });
			return;
		}
		// Past the cap, distinct values are counted exactly up to a bound, then only their occurrences.
		let more = this.unlisted.get(type);
		if (!more) this.unlisted.set(type, (more = { values: new Set(), occurrences: 0 }));
		more.occurrences += count;
		if (typeof more.values === 'number') return;
		more.values.add(value);
		if (more.values.size >= LEAK_VALUES_MAX) more.values = more.values.size;
	}
}
