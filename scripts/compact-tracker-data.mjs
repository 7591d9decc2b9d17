#!/usr/bin/env node
// Turns the open tracker data in data/ into the small JSON files the app ships
// (src/lib/core/classify/destinations/generated/). Only the fields Telltale uses are kept.
// The two datasets stay in separate files because their licences differ (CC BY-SA 4.0 and ODbL 1.0):
// each generated file is a derived database under its source's licence (see NOTICE and data/README.md).
//
//   node scripts/compact-tracker-data.mjs          writes the generated files
//   node scripts/compact-tracker-data.mjs --check  exits 1 when the committed files are stale
//
// The pure `compactTrackerData` is also imported by a unit test that regenerates in memory.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(repoRoot, 'data');
export const OUTPUT_DIR = join(repoRoot, 'src/lib/core/classify/destinations/generated');
export const ADGUARD_OUTPUT = 'adguard-companiesdb.json';
export const EXODUS_OUTPUT = 'exodus-trackers.json';

/** Telltale's categories, in the order the generated files index them. Keep in sync with categories.ts. */
export const CATEGORIES = ['analytics', 'advertising', 'crash-reporting', 'social', 'attribution', 'telemetry', 'cdn', 'first-party', 'unknown'];

/**
 * AdGuard / whotracks.me category names → Telltale's. Anything not listed says nothing about the purpose.
 * @type {Record<string, string>}
 */
const ADGUARD_CATEGORY = {
	advertising: 'advertising',
	pornvertising: 'advertising',
	site_analytics: 'analytics',
	mobile_analytics: 'analytics',
	social_media: 'social',
	cdn: 'cdn',
	// Infrastructure rather than a purpose; closest of our categories.
	hosting: 'cdn',
	telemetry: 'telemetry'
};

/** Exodus categories in order of precedence (a tracker may have several). Identification alone is left unknown. */
const EXODUS_CATEGORY = [
	['Crash reporting', 'crash-reporting'],
	['Advertisement', 'advertising'],
	['Profiling', 'advertising'],
	['Analytics', 'analytics'],
	['Location', 'analytics']
];

/** Escapes whose letter has no special meaning in a regex, used as plain characters by Exodus authors. */
const SPECIAL_ESCAPES = new Set('dDwWsSbBnrtfvcxukpP0123456789'.split(''));

/**
 * Reads one alternative of an Exodus `network_signature`. Most are host names written as regexes
 * (`doubleclick\.net`, even `appnext.com` with a bare dot meant literally); those become domain suffixes,
 * which are exact and cheap to look up. The rest stay patterns, checked later against a safe grammar.
 * @param {string} alternative
 * @returns {{ kind: 'domain', domain: string } | { kind: 'pattern', pattern: string } | { kind: 'skip' }}
 */
export function readNetworkAlternative(alternative) {
	let text = alternative.trim();
	if (text === '') return { kind: 'skip' };
	// `.*\.estimote\.com` and `.prebid.org` both mean "this domain and its subdomains".
	if (text.startsWith('.*\\.')) text = text.slice(4);
	else if (text.startsWith('.*')) text = text.slice(2);
	else if (text.startsWith('\\.')) text = text.slice(2);
	else if (text.startsWith('.')) text = text.slice(1);
	let literal = '';
	for (let i = 0; i < text.length; i++) {
		const c = /** @type {string} */ (text[i]);
		if (c === '\\') {
			const next = text[i + 1];
			if (next === undefined || SPECIAL_ESCAPES.has(next)) return { kind: 'pattern', pattern: alternative.trim() };
			literal += next;
			i++;
		} else if (/[a-zA-Z0-9.-]/.test(c)) {
			literal += c;
		} else {
			return { kind: 'pattern', pattern: alternative.trim() };
		}
	}
	literal = literal.toLowerCase();
	// A single label (`fidzup`) is a keyword, not a domain: match it as a whole label anywhere in the host.
	if (!literal.includes('.')) return { kind: 'pattern', pattern: literal };
	if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(literal)) return { kind: 'pattern', pattern: alternative.trim() };
	return { kind: 'domain', domain: literal };
}

/**
 * The grammar of host patterns we agree to run (shared in spirit with host-pattern.ts, which re-checks at run time):
 * literal host characters, `\.` and `\-`, `.`, simple character classes, at most one quantifier and no groups,
 * alternation, anchors or back-references. With one quantifier a match costs at most O(n²) on a host of n ≤ 253.
 * @param {string} pattern
 * @returns {string | null} why it is rejected, or null when it is safe
 */
export function unsafePatternReason(pattern) {
	if (pattern.length > 100) return 'longer than 100 characters';
	const grammar = /^(?:[a-z0-9-]|\\[.-]|\.|\[[a-z0-9-]+\])(?:[*+?])?/i;
	let rest = pattern;
	let quantifiers = 0;
	while (rest.length > 0) {
		const m = grammar.exec(rest);
		if (!m) return `unsupported syntax at "${rest.slice(0, 12)}"`;
		if (/[*+?]$/.test(m[0]) && !m[0].endsWith('\\?')) quantifiers++;
		rest = rest.slice(m[0].length);
	}
	if (quantifiers > 1) return 'more than one quantifier';
	return null;
}

/**
 * @param {{ adguardTrackers: any, adguardCompanies: any, exodus: any }} raw parsed JSON of the three source files
 * @typedef {{ source: string, updated?: string | null, categories: string[], companies?: string[], trackers: unknown[][] }} CompactFile
 * @returns {{ adguard: CompactFile, exodus: CompactFile, stats: { rejectedPatterns: string[] } & Record<string, number | string[]> }}
 */
export function compactTrackerData({ adguardTrackers, adguardCompanies, exodus }) {
	const categoryIndex = (/** @type {string} */ name) => CATEGORIES.indexOf(name);

	// AdGuard: tracker → [product name, company index or -1, category index, domains joined by spaces].
	const companies = /** @type {string[]} */ ([]);
	const companyIndexById = new Map();
	const domainsByTracker = new Map();
	for (const [domain, trackerId] of Object.entries(adguardTrackers.trackerDomains).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const list = domainsByTracker.get(trackerId) ?? [];
		list.push(domain.toLowerCase());
		domainsByTracker.set(trackerId, list);
	}
	const adguardRows = [];
	for (const trackerId of Object.keys(adguardTrackers.trackers).sort()) {
		const domains = domainsByTracker.get(trackerId);
		if (!domains) continue;
		const tracker = adguardTrackers.trackers[trackerId];
		const company = tracker.companyId ? adguardCompanies.companies[tracker.companyId] : undefined;
		let companyIndex = -1;
		if (company) {
			if (!companyIndexById.has(tracker.companyId)) {
				companyIndexById.set(tracker.companyId, companies.length);
				companies.push(company.name);
			}
			companyIndex = companyIndexById.get(tracker.companyId);
		}
		const category = ADGUARD_CATEGORY[adguardTrackers.categories[String(tracker.categoryId)]] ?? 'unknown';
		adguardRows.push([tracker.name, companyIndex, categoryIndex(category), domains.join(' ')]);
	}

	// Exodus: tracker → [name, category index, domains, patterns joined by |, code signatures joined by |, website host].
	const exodusRows = [];
	const rejected = [];
	let exodusDomains = 0;
	const trackers = Object.values(exodus.trackers).sort((a, b) => a.id - b.id);
	for (const tracker of trackers) {
		const domains = new Set();
		const patterns = [];
		for (const alternative of String(tracker.network_signature ?? '').split('|')) {
			const read = readNetworkAlternative(alternative);
			if (read.kind === 'domain') domains.add(read.domain);
			else if (read.kind === 'pattern') {
				const reason = unsafePatternReason(read.pattern);
				if (reason) rejected.push(`${tracker.name}: ${read.pattern} (${reason})`);
				else patterns.push(read.pattern);
			}
		}
		const codeSignatures = String(tracker.code_signature ?? '')
			.split('|')
			.map((s) => s.trim())
			.filter((s) => s.length > 1);
		if (domains.size === 0 && patterns.length === 0 && codeSignatures.length === 0) continue;
		exodusDomains += domains.size;
		const categories = new Set(tracker.categories ?? []);
		const category = EXODUS_CATEGORY.find(([name]) => categories.has(name))?.[1] ?? 'unknown';
		exodusRows.push([tracker.name, categoryIndex(category), [...domains].sort().join(' '), patterns.join('|'), codeSignatures.join('|'), websiteHost(tracker.website)]);
	}

	return {
		adguard: {
			source: 'AdGuard companiesdb (CC BY-SA 4.0), compacted by scripts/compact-tracker-data.mjs; see NOTICE',
			updated: adguardTrackers.timeUpdated ?? null,
			categories: CATEGORIES,
			companies,
			trackers: adguardRows
		},
		exodus: {
			source: 'Contains information from the Exodus Privacy tracker database, made available under the ODbL 1.0; compacted by scripts/compact-tracker-data.mjs; see NOTICE',
			categories: CATEGORIES,
			trackers: exodusRows
		},
		stats: {
			adguardTrackers: adguardRows.length,
			adguardDomains: Object.keys(adguardTrackers.trackerDomains).length,
			adguardCompanies: companies.length,
			exodusTrackers: exodusRows.length,
			exodusDomains,
			exodusPatterns: exodusRows.reduce((n, row) => n + (row[3] ? String(row[3]).split('|').length : 0), 0),
			rejectedPatterns: rejected
		}
	};
}

/** @param {unknown} url */
function websiteHost(url) {
	try {
		return new URL(String(url)).hostname.toLowerCase().replace(/^www\./, '');
	} catch {
		return '';
	}
}

/** One tracker per line: small, stable diffs when the upstream data changes. */
/** @param {CompactFile} file */
export function serialize(file) {
	const { trackers, ...head } = file;
	const headJson = JSON.stringify(head);
	const rows = trackers.map((row) => JSON.stringify(row)).join(',\n');
	return `${headJson.slice(0, -1)},"trackers":[\n${rows}\n]}\n`;
}

export function readRawData(dataDir = DATA_DIR) {
	const read = (/** @type {string} */ path) => JSON.parse(readFileSync(join(dataDir, path), 'utf8'));
	return {
		adguardTrackers: read('adguard-companiesdb/trackers.json'),
		adguardCompanies: read('adguard-companiesdb/companies.json'),
		exodus: read('exodus-etip/trackers.json')
	};
}

function main() {
	const check = process.argv.includes('--check');
	const { adguard, exodus, stats } = compactTrackerData(readRawData());
	/** @type {Array<[string, string]>} */
	const outputs = [
		[ADGUARD_OUTPUT, serialize(adguard)],
		[EXODUS_OUTPUT, serialize(exodus)]
	];
	let stale = false;
	for (const [name, text] of outputs) {
		const path = join(OUTPUT_DIR, name);
		if (check) {
			let current = '';
			try {
				current = readFileSync(path, 'utf8');
			} catch {
				/* missing counts as stale */
			}
			if (current !== text) {
				stale = true;
				console.error(`${name} is stale: run node scripts/compact-tracker-data.mjs`);
			}
		} else {
			writeFileSync(path, text);
			console.log(`${name}: ${text.length.toLocaleString('en')} bytes`);
		}
	}
	if (!check) console.log(JSON.stringify(stats, null, 1));
	if (stale) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
