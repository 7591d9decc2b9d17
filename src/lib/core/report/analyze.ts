/**
 * analyze(capture) → Analysis: peel what every exchange carried to its destination, classify, and build
 * the report. Response bodies are what the server sent back: no detector, known value or destination
 * looks at them, so they are decoded only when someone asks for an exchange's parts (`partsOf`).
 */
import type { Analysis, Capture, DecodedPart, Exchange, ExchangeReport, Part, PartKind, Report } from '../model';
import { Budget, type Limits } from '../limits';
import { PeelCache, Peeler } from '../decode/peel';
import type { SniffHints } from '../decode/codec';
import { richestLayers } from './layers';
import { summarize } from './summary';
import { DecodeNotes } from './decode-notes';
import { destinationOf } from '../classify/destination';
import { VERSION } from '../version';
import { exchangeFindings } from '../classify/findings';
import { FindingSet } from '../classify/finding-set';
import { DETECTORS } from '../classify/detectors/index';
import { KnownValueMatcher, type KnownValue } from '../classify/known-values';
import type { UserTrackerList } from '../classify/destinations/user-list';
import { correlate } from '../classify/correlate';
import { severityOf } from '../classify/severity';

export interface AnalyzeOptions {
	limits?: Partial<Limits>;
	/** Called after each exchange; `done` of `total`. */
	onProgress?: (done: number, total: number) => void;
	/** The user's own identifiers, searched for in plain, encoded and hashed forms. */
	known?: readonly KnownValue[];
	/** Tracker lists the user imported; they take precedence over the bundled data. */
	userLists?: readonly UserTrackerList[];
}

export function analyze(capture: Capture, options: AnalyzeOptions = {}): Analysis {
	const exchanges: ExchangeReport[] = [];
	const kept = new Map<number, DecodedPart[]>();
	const notes = new DecodeNotes();
	let decodedParts = 0;
	const total = capture.exchanges.length;
	const known = new KnownValueMatcher(options.known ?? []);
	// Captures repeat the same leaves (device IDs, User-Agents, event names) in every request.
	const cache = new PeelCache();
	for (const exchange of capture.exchanges) {
		const decoded = decodeParts(exchange.parts.filter(isSent), options.limits, cache);
		exchanges.push(reportExchange(exchange, decoded, known, options.userLists ?? []));
		for (const part of decoded) if (part.root.decoded) decodedParts++;
		// The trees are not kept: partsOf decodes them again, the same way, when someone opens the
		// exchange (holding every tree of a big capture cost memory and a fifth of the time in the
		// collector). Trees a limit touched are kept: the time limit depends on the clock.
		if (notes.add(decoded, exchange.index)) kept.set(exchanges.length - 1, decoded);
		options.onProgress?.(exchanges.length, total);
	}
	const report: Report = {
		tool: { name: 'telltale', version: VERSION },
		input: { name: capture.name, format: capture.format, exchanges: total },
		exchanges,
		identifiers: correlate(exchanges),
		summary: summarize(capture, exchanges, { decodedParts, notes: notes.list() })
	};
	return new CaptureAnalysis(report, kept, capture.exchanges.map((e) => e.parts), options.limits);
}

/** Everything but response bodies: query, headers, cookies, request body, websocket messages, a bare payload. */
function isSent(part: Part): boolean {
	return part.kind !== 'response-body';
}

/** Parts whose payload is a whole body: magic-less codecs may be tried blind on them (see peel.ts). */
const BODY_KINDS: ReadonlySet<PartKind> = new Set<PartKind>(['request-body', 'response-body', 'websocket', 'payload']);

function decodeParts(parts: readonly Part[], limits: Partial<Limits> | undefined, cache: PeelCache): DecodedPart[] {
	return parts.map((part) => {
		// Each part gets its own budget so one hostile body cannot starve the rest of the capture.
		const root = new Peeler(new Budget(limits), { cache }).peel(part.payload, part.name, hintsOf(part), BODY_KINDS.has(part.kind));
		const decoded: DecodedPart = { kind: part.kind, name: part.name, root };
		if (part.note) decoded.note = part.note;
		return decoded;
	});
}

/** Exchanges whose decoded parts stay at hand once opened: the ones a reader is clicking through. */
const OPENED_KEPT = 32;

/**
 * The report, and each exchange's parts decoded when someone asks for them (`partsOf`): peeling is
 * deterministic, so they are the trees the report was made from. Exchanges a limit touched keep the
 * request-side trees analyze made; their response bodies are decoded on request like the rest.
 */
class CaptureAnalysis implements Analysis {
	private readonly opened = new Map<number, DecodedPart[]>();

	constructor(
		readonly report: Report,
		private readonly kept: ReadonlyMap<number, DecodedPart[]>,
		private readonly exchangeParts: readonly (readonly Part[])[],
		private readonly limits: Partial<Limits> | undefined
	) {}

	partsOf(index: number): DecodedPart[] {
		if (!Number.isInteger(index) || index < 0 || index >= this.exchangeParts.length) return [];
		let list = this.opened.get(index);
		if (list) return list;
		const parts = this.exchangeParts[index]!;
		const cache = new PeelCache();
		const sent = this.kept.get(index) ?? decodeParts(parts.filter(isSent), this.limits, cache);
		const received = decodeParts(parts.filter((p) => !isSent(p)), this.limits, cache);
		let s = 0;
		let r = 0;
		list = parts.map((part) => (isSent(part) ? sent[s++]! : received[r++]!));
		if (this.opened.size >= OPENED_KEPT) this.opened.delete(this.opened.keys().next().value!);
		this.opened.set(index, list);
		return list;
	}

	get parts(): DecodedPart[][] {
		return this.exchangeParts.map((_, i) => this.partsOf(i));
	}
}

function hintsOf(part: Part): SniffHints {
	const hints: SniffHints = {};
	if (part.contentType) {
		hints.contentTypeHeader = part.contentType;
		hints.contentType = part.contentType.split(';')[0]!.trim().toLowerCase();
	}
	if (part.contentEncoding) hints.contentEncoding = part.contentEncoding.trim().toLowerCase();
	return hints;
}

function reportExchange(exchange: Exchange, decoded: DecodedPart[], known: KnownValueMatcher, userLists: readonly UserTrackerList[]): ExchangeReport {
	const destination = destinationOf(exchange.host, decoded, exchange, userLists.length > 0 ? { userLists: [...userLists] } : undefined);
	const findings = findingsOf(exchange, decoded, known);
	return {
		index: exchange.index,
		method: exchange.method,
		url: exchange.url,
		host: exchange.host,
		status: exchange.status,
		startedAt: exchange.startedAt,
		destination: destination
			? { site: destination.site, company: destination.company, product: destination.product, category: destination.category, source: destination.source }
			: null,
		// What the exchange carried to its destination: response bodies are not part of it.
		layers: richestLayers(decoded.map((d) => d.root)),
		findings,
		severity: severityOf(findings, destination?.category ?? null, destination?.company ?? null)
	};
}

/**
 * What the request carried: known-value matches and detector findings, grouped in one set (known values go
 * in first, so their "matches your known …" reason wins a place both report). Response bodies are what the
 * server sent back, not what it received, so they are not searched.
 */
function findingsOf(exchange: Exchange, sent: DecodedPart[], known: KnownValueMatcher): ExchangeReport['findings'] {
	const set = new FindingSet();
	if (!known.isEmpty) set.addAll(known.findings({ ...exchange, parts: exchange.parts.filter(isSent) }, sent));
	return exchangeFindings(exchange, sent, DETECTORS, set);
}
