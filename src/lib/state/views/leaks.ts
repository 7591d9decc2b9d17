/**
 * The "What leaked" view's sections: every value found, by type, with how far each went. The values themselves are
 * the worker's LeakGroups, shown a page at a time; a section's request count is the union of its values' requests,
 * counted with one stamp array for all sections instead of a Set per section.
 */
import type { FindingType } from '../../core/model';
import type { LeakedValue, LeakGroup } from '../../core/report/capture-index';
import type { ExchangeFilter } from './receivers';
import { countText } from './text';
import { typeLabel, typeTone, type TypeTone } from './type-labels';

/** Characters of a value shown in the list; the whole value (up to the index's 2,000) is in its tooltip. */
export const VALUE_CHARS = 240;

export interface LeakSection {
	type: FindingType;
	label: string;
	tone: TypeTone;
	values: readonly LeakedValue[];
	/** Distinct values, listed or not. */
	distinct: number;
	/** Requests that carried a listed value; when values went unlisted, at least this many carried the type. */
	requests: number;
	occurrences: number;
	/** "and at least 12,000 more values not listed", or null when every value is listed. */
	unlisted: string | null;
	/** Listed values cut to fit the index. */
	truncated: number;
	filter: ExchangeFilter;
}

export interface LeakRow {
	key: string;
	/** The value as shown: cut at VALUE_CHARS. */
	text: string;
	/** The whole value as listed, when `text` or the index cut it; null when `text` is all of it. */
	full: string | null;
	/** Whether the index cut the value: its end is not known here. */
	truncated: boolean;
	requests: number;
	occurrences: number;
	filter: ExchangeFilter;
}

export function leakSections(groups: readonly LeakGroup[]): LeakSection[] {
	let maxIndex = -1;
	for (const group of groups) for (const value of group.values) maxIndex = Math.max(maxIndex, value.exchanges[value.exchanges.length - 1] ?? -1);
	const stamps = new Int32Array(maxIndex + 1);
	return groups.map((group, g) => {
		let requests = 0;
		let occurrences = group.unlisted.occurrences;
		let truncated = 0;
		for (const value of group.values) {
			occurrences += value.occurrences;
			if (value.truncated) truncated++;
			for (const index of value.exchanges) {
				if (stamps[index] === g + 1) continue;
				stamps[index] = g + 1;
				requests++;
			}
		}
		const { values: more, exact } = group.unlisted;
		const unlisted = more === 0 ? null : `and ${exact ? '' : 'at least '}${countText(more, 'more value')} not listed`;
		return {
			type: group.type,
			label: typeLabel(group.type),
			tone: typeTone(group.type),
			values: group.values,
			distinct: group.values.length + more,
			requests,
			occurrences,
			unlisted,
			truncated,
			filter: { types: [group.type] }
		};
	});
}

/** The rows of one page: only the values shown are turned into rows. */
export function leakRows(values: readonly LeakedValue[], shown: number): LeakRow[] {
	return values.slice(0, shown).map((value, i) => {
		const cut = value.value.length > VALUE_CHARS;
		return {
			key: `${i}`,
			text: cut ? value.value.slice(0, VALUE_CHARS) : value.value,
			full: cut || value.truncated ? value.value : null,
			truncated: value.truncated,
			requests: value.exchanges.length,
			occurrences: value.occurrences,
			filter: { exchanges: value.exchanges }
		};
	});
}
