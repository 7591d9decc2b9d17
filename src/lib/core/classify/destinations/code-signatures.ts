/**
 * Exodus `code_signature`s are Java package prefixes (`com.appsflyer.`, `com.umeng.analytics`) that also show up
 * inside payloads: crash reports and stack traces, SDK names, class names in config blobs. This finds them.
 * Signatures starting with a dot (`.tealium.`) match anywhere inside a dotted name; the others match its start.
 */
import { exodusTables } from './bundled';
import { exodusCompany } from './host-lists';

export interface CodeSignatureMatch {
	/** The Exodus tracker name ("AppsFlyer"). */
	product: string;
	company: string | null;
	/** The signature that matched (`com.appsflyer.`). */
	signature: string;
	/** The dotted name in the text that carried it (`com.appsflyer.internal.AFa1xSDK`). */
	found: string;
	/** Character offset of `found` in the text. */
	index: number;
}

/** Scanning stops after this many characters and matches; a payload is never worth more. */
const MAX_SCAN_CHARS = 1_000_000;
const MAX_MATCHES = 50;

/** A dotted Java-style name: at least two identifier segments. */
const DOTTED_NAME = /[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+\.?/g;

interface SignatureTables {
	/** Prefix signatures keyed by their first two segments (`com.appsflyer`). */
	byHead: Map<string, Array<{ signature: string; product: string; tracker: number }>>;
	/** Signatures starting with a dot: few, checked with `includes`. */
	inner: Array<{ signature: string; product: string; tracker: number }>;
}

let tables: SignatureTables | null = null;

function signatureTables(): SignatureTables {
	if (tables) return tables;
	const built: SignatureTables = { byHead: new Map(), inner: [] };
	exodusTables().trackers.forEach((tracker, index) => {
		for (const signature of tracker.codeSignatures) {
			const entry = { signature, product: tracker.name, tracker: index };
			if (signature.startsWith('.')) {
				built.inner.push(entry);
				continue;
			}
			const head = headOf(signature);
			const list = built.byHead.get(head) ?? [];
			list.push(entry);
			built.byHead.set(head, list);
		}
	});
	tables = built;
	return built;
}

function headOf(name: string): string {
	const first = name.indexOf('.');
	if (first < 0) return name;
	const second = name.indexOf('.', first + 1);
	return second < 0 ? name : name.slice(0, second);
}

/** Every Exodus code signature found in the text, at most one match per tracker, in order of appearance. */
export function codeSignatureMatches(text: string): CodeSignatureMatch[] {
	const { byHead, inner } = signatureTables();
	const trackers = exodusTables().trackers;
	const seen = new Set<number>();
	const matches: CodeSignatureMatch[] = [];
	const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
	const record = (entry: { signature: string; product: string; tracker: number }, found: string, index: number) => {
		if (seen.has(entry.tracker)) return;
		seen.add(entry.tracker);
		const tracker = trackers[entry.tracker]!;
		matches.push({ product: entry.product, company: exodusCompany(tracker), signature: entry.signature, found, index });
	};
	for (const m of scanned.matchAll(DOTTED_NAME)) {
		const found = m[0];
		for (const entry of byHead.get(headOf(found)) ?? []) if (found.startsWith(entry.signature)) record(entry, found, m.index);
		if (inner.length > 0) {
			const dotted = `.${found}.`;
			for (const entry of inner) if (dotted.includes(entry.signature)) record(entry, found, m.index);
		}
		if (matches.length >= MAX_MATCHES) break;
	}
	return matches;
}
