/**
 * Tracker lists the user imports (kept on their machine; never bundled, because lists such as DuckDuckGo Tracker
 * Radar, Disconnect or Ghostery forbid commercial redistribution). Accepted shapes:
 *  - JSON map:    { "tracker.example": { "owner": "Example Inc" | { "name": … }, "category": "analytics" | [ … ] } }
 *                 (also `{ "tracker.example": "Example Inc" }`, and Tracker Radar's `categories`)
 *  - Disconnect:  services.json, { "categories": { "Advertising": [ { "Company": { "https://home/": ["domain", …] } } ] } }
 *  - JSON array:  [ { "domain": …, "company": …, "category": …, "product"?: … } ] (or under a "trackers" key)
 *  - CSV:         domain,company,category (header row and # comments optional; quoted fields allowed)
 */
import type { DestinationCategory } from '../../model';
import { InputError } from '../../errors';
import { normalizeHost } from './site';

export interface UserTrackerEntry {
	/** A domain (matching it and its subdomains) or a wildcard such as `tracking.*.example.com`. */
	domain: string;
	company: string | null;
	product: string | null;
	/** Absent when the list does not say; the bundled data may then still supply it. */
	category: DestinationCategory | null;
}

export interface UserTrackerList {
	format: 'json-map' | 'disconnect' | 'json-array' | 'csv';
	entries: UserTrackerEntry[];
}

const MAX_TEXT_LENGTH = 50_000_000;
const MAX_ENTRIES = 500_000;
const DOMAIN = /^(?:(?:[a-z0-9-]+|\*)\.)*[a-z0-9-]+\.[a-z0-9-]+$/;

const CATEGORY_WORDS: Record<string, DestinationCategory> = {
	analytics: 'analytics',
	'site analytics': 'analytics',
	'mobile analytics': 'analytics',
	'audience measurement': 'analytics',
	'session replay': 'analytics',
	advertising: 'advertising',
	advertisement: 'advertising',
	ads: 'advertising',
	ad: 'advertising',
	'ad motivated tracking': 'advertising',
	'ad fraud': 'advertising',
	pornvertising: 'advertising',
	social: 'social',
	'social media': 'social',
	'social network': 'social',
	'crash reporting': 'crash-reporting',
	crash: 'crash-reporting',
	'error reporting': 'crash-reporting',
	attribution: 'attribution',
	telemetry: 'telemetry',
	cdn: 'cdn',
	hosting: 'cdn',
	'content delivery': 'cdn',
	'first party': 'first-party'
};

export function parseUserTrackerList(text: string): UserTrackerList {
	if (text.length > MAX_TEXT_LENGTH) throw new InputError(`The tracker list is too large (${text.length.toLocaleString('en')} characters; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en')})`);
	const start = text.search(/\S/);
	if (start < 0) throw new InputError('The tracker list is empty');
	const first = text[start];
	return first === '{' || first === '[' ? parseJsonList(text) : parseCsvList(text);
}

/** Free-text category → ours; null when the list gives none, 'unknown' when we cannot map it. */
export function categoryFromWords(value: unknown): DestinationCategory | null {
	const values = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
	if (values.length === 0) return null;
	for (const v of values) {
		const word = String(v).trim().toLowerCase().replace(/[_-]+/g, ' ');
		const mapped = CATEGORY_WORDS[word];
		if (mapped) return mapped;
	}
	return 'unknown';
}

function parseJsonList(text: string): UserTrackerList {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : 'invalid JSON';
		const position = /position (\d+)/.exec(message)?.[1];
		throw new InputError(`The tracker list is not valid JSON: ${message}`, position ? `character ${Number(position).toLocaleString('en')}` : undefined);
	}
	if (Array.isArray(value)) return { format: 'json-array', entries: arrayEntries(value, 'entry') };
	if (!isRecord(value)) throw new InputError('The tracker list must be a JSON object or array');
	if (isRecord(value.categories) && Object.values(value.categories).every(Array.isArray)) return { format: 'disconnect', entries: disconnectEntries(value.categories) };
	if (Array.isArray(value.trackers)) return { format: 'json-array', entries: arrayEntries(value.trackers, 'trackers entry') };
	return { format: 'json-map', entries: mapEntries(value) };
}

function arrayEntries(items: unknown[], label: string): UserTrackerEntry[] {
	checkCount(items.length);
	return items.map((item, i) => {
		const where = `${label} ${i + 1}`;
		if (!isRecord(item)) throw new InputError(`Each tracker must be an object with a "domain"`, where);
		const domain = item.domain ?? item.host ?? item.hostname;
		if (typeof domain !== 'string') throw new InputError('This tracker has no "domain" string', where);
		return {
			domain: checkDomain(domain, where),
			company: nameOf(item.company ?? item.owner ?? item.organization),
			product: nameOf(item.product ?? item.name ?? item.tracker),
			category: categoryFromWords(item.category ?? item.categories)
		};
	});
}

function mapEntries(map: Record<string, unknown>): UserTrackerEntry[] {
	const keys = Object.keys(map);
	checkCount(keys.length);
	return keys.map((domain) => {
		const where = `key "${domain.slice(0, 80)}"`;
		const info = map[domain];
		if (typeof info === 'string') return { domain: checkDomain(domain, where), company: nameOf(info), product: null, category: null };
		if (!isRecord(info)) throw new InputError('Each domain must map to a company name or an object with "owner" / "company" and "category"', where);
		return {
			domain: checkDomain(domain, where),
			company: nameOf(info.owner ?? info.company ?? info.organization),
			product: nameOf(info.product ?? info.name),
			category: categoryFromWords(info.category ?? info.categories)
		};
	});
}

function disconnectEntries(categories: Record<string, unknown>): UserTrackerEntry[] {
	const entries: UserTrackerEntry[] = [];
	for (const [categoryName, services] of Object.entries(categories)) {
		const category = categoryFromWords(categoryName);
		(services as unknown[]).forEach((service, i) => {
			const where = `categories.${categoryName}[${i}]`;
			if (!isRecord(service)) throw new InputError('Each service must be an object { "Company": { "homepage": [domains] } }', where);
			for (const [company, sites] of Object.entries(service)) {
				if (!isRecord(sites)) continue;
				for (const [homepage, domains] of Object.entries(sites)) {
					// Services carry flags next to their homepages ("performance": "true"); only arrays are domain lists.
					if (!Array.isArray(domains)) continue;
					for (const domain of domains) {
						if (typeof domain !== 'string') throw new InputError(`A domain of ${company} is not a string`, `${where}.${company}["${homepage}"]`);
						entries.push({ domain: checkDomain(domain, `${where}.${company}`), company, product: null, category });
					}
				}
			}
			checkCount(entries.length);
		});
	}
	return entries;
}

function parseCsvList(text: string): UserTrackerList {
	const entries: UserTrackerEntry[] = [];
	const lines = text.split(/\r\n|\n|\r/);
	lines.forEach((line, i) => {
		const where = `line ${i + 1}`;
		if (line.trim() === '' || line.trimStart().startsWith('#')) return;
		const fields = csvFields(line, where);
		const domain = fields[0]?.trim() ?? '';
		if (entries.length === 0 && /^(domain|host|hostname)$/i.test(domain)) return;
		if (fields.length > 4) throw new InputError(`Expected domain,company,category (and optionally product) but found ${fields.length} fields`, where);
		entries.push({
			domain: checkDomain(domain, where),
			company: nameOf(fields[1]),
			category: categoryFromWords(fields[2]?.trim()),
			product: nameOf(fields[3])
		});
		checkCount(entries.length);
	});
	if (entries.length === 0) throw new InputError('The tracker list has no entries');
	return { format: 'csv', entries };
}

/** One CSV line → fields; double quotes may wrap a field and `""` inside means a quote. */
function csvFields(line: string, where: string): string[] {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		if (line[i] === '"') {
			let value = '';
			i++;
			for (;;) {
				if (i >= line.length) throw new InputError(`Unclosed quote in field ${fields.length + 1}`, `${where}, column ${i + 1}`);
				if (line[i] === '"') {
					if (line[i + 1] === '"') {
						value += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				value += line[i++];
			}
			fields.push(value);
			if (i < line.length && line[i] !== ',') throw new InputError(`Unexpected "${line[i]}" after a quoted field`, `${where}, column ${i + 1}`);
		} else {
			const comma = line.indexOf(',', i);
			fields.push(line.slice(i, comma < 0 ? undefined : comma));
			i = comma < 0 ? line.length : comma;
		}
		if (i >= line.length) return fields;
		i++; // the comma
	}
}

function checkDomain(raw: string, where: string): string {
	// A leading `*.` or `.` adds nothing: a domain entry already covers its subdomains.
	const domain = normalizeHost(raw.trim().replace(/^\*?\./, ''));
	if (!DOMAIN.test(domain)) throw new InputError(`"${raw.slice(0, 80)}" is not a domain`, where);
	return domain;
}

function checkCount(count: number): void {
	if (count > MAX_ENTRIES) throw new InputError(`The tracker list has more than ${MAX_ENTRIES.toLocaleString('en')} entries`);
}

function nameOf(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (isRecord(value)) return nameOf(value.displayName ?? value.name);
	return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
