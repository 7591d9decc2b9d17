/**
 * One exchange at a time: peel what it carried to its destination, classify it, and say what the report needs of
 * it. Shared by analyze (all at once), the command line (while the capture is read) and each worker of a pool (a
 * range of exchanges); the caches it keeps across exchanges change how fast, never what.
 */
import type { DecodedPart, Exchange, ExchangeReport, Part, PartKind } from '../model';
import { Budget, type Limits } from '../limits';
import { PeelCache, Peeler } from '../decode/peel';
import type { SniffHints } from '../decode/codec';
import { richestLayers } from './layers';
import { notesOf } from './decode-notes';
import type { ExchangeResult } from './report-builder';
import { destinationOf } from '../classify/destination';
import { exchangeFindings } from '../classify/findings';
import { FindingSet } from '../classify/finding-set';
import { DETECTORS } from '../classify/detectors/index';
import { KnownValueMatcher, type KnownValue } from '../classify/known-values';
import type { UserTrackerList } from '../classify/destinations/user-list';
import { severityOf } from '../classify/severity';
import { encryptedEnvelopeNotes } from '../classify/sdks/envelopes';
import { LeafTokens } from '../classify/propagation/leaf-tokens';

export interface ExchangeAnalyzerOptions {
	limits?: Partial<Limits>;
	/** The user's own identifiers, searched for in plain, encoded and hashed forms. */
	known?: readonly KnownValue[];
	/** Tracker lists the user imported; they take precedence over the bundled data. */
	userLists?: readonly UserTrackerList[];
}

/** An exchange's result, with the request-side trees it was made from (the caller keeps them or lets them go). */
export interface AnalyzedExchange extends ExchangeResult {
	trees: DecodedPart[];
	/** A limit stopped work in these trees: peeling them again could stop elsewhere (the time limit is the clock's). */
	limited: boolean;
}

export class ExchangeAnalyzer {
	private readonly known: KnownValueMatcher;
	private readonly userLists: readonly UserTrackerList[];
	// Captures repeat the same leaves (device IDs, User-Agents, event names) in every request.
	private readonly cache = new PeelCache();

	constructor(private readonly options: ExchangeAnalyzerOptions = {}) {
		this.known = new KnownValueMatcher(options.known ?? []);
		this.userLists = options.userLists ?? [];
	}

	analyze(exchange: Exchange): AnalyzedExchange {
		const trees = decodeParts(exchange.parts.filter(isSent), this.options.limits, this.cache);
		let decodedParts = 0;
		for (const part of trees) if (part.root.decoded) decodedParts++;
		const { lines, limited, verdicts, verdictCount, encrypted, encryptedPaths } = notesOf(trees);
		// An SDK's encrypted body is named by its adapter rather than left to the decoder's guess (sdks/envelopes.ts).
		lines.push(...encryptedEnvelopeNotes(exchange, trees));
		const tokens = new LeafTokens();
		const report = reportExchange(exchange, trees, this.known, this.userLists, tokens);
		// Optional members, added only when there is something to say: other exchanges' JSON is as it always was.
		if (verdictCount > 0) {
			report.verdicts = verdicts;
			report.verdictCount = verdictCount;
		}
		const result: AnalyzedExchange = { report, decodedParts, notes: lines, trees, limited };
		if (encrypted > 0) result.encrypted = { count: encrypted, paths: encryptedPaths };
		const list = tokens.list();
		if (list) result.tokens = list;
		return result;
	}
}

/** Everything but response bodies: query, headers, cookies, request body, websocket messages, a bare payload. */
export function isSent(part: Part): boolean {
	return part.kind !== 'response-body';
}

/** Parts whose payload is a whole body: magic-less codecs may be tried blind on them (see peel.ts). */
const BODY_KINDS: ReadonlySet<PartKind> = new Set<PartKind>(['request-body', 'response-body', 'websocket', 'payload']);

export function decodeParts(parts: readonly Part[], limits: Partial<Limits> | undefined, cache: PeelCache): DecodedPart[] {
	return parts.map((part) => {
		// Each part gets its own budget so one hostile body cannot starve the rest of the capture.
		const root = new Peeler(new Budget(limits), { cache }).peel(part.payload, part.name, hintsOf(part), BODY_KINDS.has(part.kind));
		const decoded: DecodedPart = { kind: part.kind, name: part.name, root };
		if (part.note) decoded.note = part.note;
		return decoded;
	});
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

function reportExchange(exchange: Exchange, decoded: DecodedPart[], known: KnownValueMatcher, userLists: readonly UserTrackerList[], tokens: LeafTokens): ExchangeReport {
	const destination = destinationOf(exchange.host, decoded, exchange, userLists.length > 0 ? { userLists: [...userLists] } : undefined);
	const findings = findingsOf(exchange, decoded, known, tokens);
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
function findingsOf(exchange: Exchange, sent: DecodedPart[], known: KnownValueMatcher, tokens: LeafTokens): ExchangeReport['findings'] {
	const set = new FindingSet();
	if (!known.isEmpty) set.addAll(known.findings({ ...exchange, parts: exchange.parts.filter(isSent) }, sent));
	return exchangeFindings(exchange, sent, DETECTORS, set, tokens);
}
