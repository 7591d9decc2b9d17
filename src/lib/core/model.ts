/**
 * The shared vocabulary of Telltale's core. Pure types: no DOM, no Svelte, no Node APIs,
 * so the same objects flow through the worker, the command line and the tests.
 */

/** A captured value before decoding: text we were given as text, or raw bytes. */
export type Payload = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

export type { CaptureFormat } from './capture/readers';
import type { CaptureFormat } from './capture/readers';
import type { CaptureIndex } from './report/capture-index';

export interface Header {
	name: string;
	value: string;
}

/** Where inside an exchange a part came from; decides the root of every finding path. */
export type PartKind =
	| 'query'
	| 'header'
	| 'cookie'
	| 'request-body'
	| 'response-body'
	| 'websocket'
	| 'payload';

/** One piece of an exchange that the decoder works on. */
export interface Part {
	kind: PartKind;
	/** The first segment of every path below this part: `query`, `header.x-data`, `cookie.sid`, `body`, `response`, `ws[3]`, `payload`. */
	name: string;
	payload: Payload;
	/** Media type from the exchange's headers; trusted before sniffing. */
	contentType?: string;
	/** Content-Encoding from the exchange's headers (gzip, br, …); trusted before sniffing. */
	contentEncoding?: string;
	/** Set when the body is known but not here (e.g. Playwright's `_file` references). */
	note?: string;
}

/** One request (and its response, when captured). A bare payload is an exchange with only a `payload` part. */
export interface Exchange {
	index: number;
	method: string | null;
	url: string | null;
	host: string | null;
	status: number | null;
	startedAt: string | null;
	requestHeaders: Header[];
	responseHeaders: Header[];
	parts: Part[];
	/** What the reader noticed about this entry (tolerated quirks, missing fields). */
	notes: string[];
	/** Tool-specific `_` fields of a HAR entry (`_initiator`, `_resourceType`, …), kept as written. */
	extensions?: Record<string, unknown>;
	/** How long it took, as the capturing tool measured it (HAR `time` and `timings`); absent when nothing was recorded. */
	timing?: ExchangeTiming;
	/** Sizes as the capturing tool counted them on the wire (HAR `headersSize`, `bodySize`, `_transferSize`); absent when none was recorded. */
	recordedSizes?: RecordedSizes;
}

/** Phase names in the order HAR lists them; `ssl` is part of `connect` (HAR 1.2), not after it. */
export const TIMING_PHASES = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;

export interface ExchangeTiming {
	/** The whole exchange in milliseconds; null when the tool did not record it. */
	totalMs: number | null;
	/** The phases the tool measured, in TIMING_PHASES order; a phase it did not measure (-1, missing) is left out. */
	phases: { name: string; ms: number }[];
}

/** Bytes as the capturing tool counted them; a size it did not record is left out. */
export interface RecordedSizes {
	requestHeaders?: number;
	requestBody?: number;
	responseHeaders?: number;
	/** As received, so compressed when the response was. */
	responseBody?: number;
	/** Everything received for the response, headers included (Chrome's `_transferSize`). */
	responseTransfer?: number;
}

export interface Capture {
	name: string;
	format: CaptureFormat;
	exchanges: Exchange[];
	/** What the reader noticed about the whole file (tool that wrote it, assumed time zone, …). */
	notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Decoding

export type NodeKind = 'object' | 'array' | 'text' | 'bytes' | 'number' | 'boolean' | 'null';

/**
 * A decoded value. Structure nodes (`object`, `array`) have `children`; leaves may have been
 * peeled further, in which case `decoded` holds the next layer (its `codec` names the step).
 */
export interface DecodedNode {
	/** How to get here from the raw capture, through every layer: `body › form.data_list › base64 › gzip › json[0].properties.$url`. */
	path: string;
	kind: NodeKind;
	/** The key of this node inside its parent structure. */
	key?: string | number;
	/** Set on the first node of a layer: the codec that produced it. */
	codec?: string;
	text?: string;
	bytes?: Uint8Array;
	/** Numbers keep their source spelling when it matters (big integers, protobuf varints). */
	number?: number | string;
	boolean?: boolean;
	children?: DecodedNode[];
	/** The next layer: this leaf, decoded. */
	decoded?: DecodedNode;
	/** An honest statement about a leaf that was not decoded further ("high entropy (7.9 bits/byte): likely encrypted", "PNG image"). */
	verdict?: string;
	/** A limit stopped work here; says which. */
	limit?: string;
	/** Extra reading of the value (alternative number interpretations, SDK envelope names). */
	note?: string;
	/** Set on a structure layer that a public SDK envelope recognised (its verdict is in `note` too). */
	envelope?: { id: string; verdict: string };
	/** Byte range in the parent layer's input, where cheap to know. */
	range?: [number, number];
}

// ---------------------------------------------------------------------------------------------
// Classification

export type Confidence = 'high' | 'medium' | 'low';

/** Every finding type, in the order reports and pickers list them (the vocabulary of DESIGN.md). */
export const FINDING_TYPES = [
	'device.imei',
	'device.imsi',
	'device.iccid',
	'device.meid',
	'device.serial',
	'device.android_id',
	'device.mac',
	'device.model',
	'device.os_version',
	'ad.advertising_id',
	'user.id',
	'contact.email',
	'contact.phone',
	'location.coordinates',
	'network.ip',
	'network.ssid',
	'network.bssid',
	'network.carrier',
	'browsing.url',
	'browsing.search_query',
	'browsing.title',
	'app.package',
	'app.screen',
	'media.played',
	'auth.secret'
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

export function isFindingType(name: string): name is FindingType {
	return (FINDING_TYPES as readonly string[]).includes(name);
}

/** One place a detector found a value: what detectors return, before the exchange's occurrences are grouped into findings. */
export interface Occurrence {
	type: FindingType;
	value: string;
	/** The path of the node it came from (see DecodedNode.path). */
	path: string;
	confidence: Confidence;
	/** Why: validator, key name, signature ("15 digits, Luhn-valid, key imei1"). */
	reason: string;
	/** The id of the detector that made it (`device-ids`, `user-agent-header`, `known-values`…). */
	detector: string;
}

/** Paths a finding lists at most; `count` keeps the total (a batch repeats one device ID in every event). */
export const MAX_FINDING_PATHS = 20;

/**
 * One value of one type that one detector found in an exchange, however many times: `path`, `confidence` and
 * `reason` as for a single occurrence (the first path; the strongest occurrence's confidence and reason).
 */
export interface Finding extends Occurrence {
	/** How many times the exchange carried it (≥ paths.length). */
	count: number;
	/** Where: the first MAX_FINDING_PATHS occurrences' paths, in walk order, starting with `path`. */
	paths: string[];
}

export type DestinationCategory =
	| 'analytics'
	| 'advertising'
	| 'crash-reporting'
	| 'social'
	| 'attribution'
	| 'telemetry'
	| 'cdn'
	| 'first-party'
	| 'unknown';

export interface Destination {
	host: string;
	/** eTLD+1 */
	site: string;
	company: string | null;
	product: string | null;
	category: DestinationCategory;
	/** Which dataset or signature said so. */
	source: string;
}

// ---------------------------------------------------------------------------------------------
// Report: the stable JSON contract printed by `telltale analyze --json`.

export interface ReportDestination {
	site: string;
	company: string | null;
	product: string | null;
	category: DestinationCategory;
	source: string;
}

export interface ExchangeReport {
	index: number;
	method: string | null;
	url: string | null;
	host: string | null;
	status: number | null;
	startedAt: string | null;
	destination: ReportDestination | null;
	/** Codec ids along the richest decoded path of the exchange, outermost first. */
	layers: string[];
	findings: Finding[];
	/** How much this exchange gave away, and why in plain words (added by classify; optional in the contract). */
	severity?: Severity;
	/**
	 * What the decoder could say about values it could not decode (bytes with no known format: "high entropy …: likely
	 * encrypted or compressed", "PNG image (…)"), the first MAX_VERDICTS in walk order; absent when there were none.
	 */
	verdicts?: OpaqueVerdict[];
	/** How many opaque values the exchange carried (≥ verdicts.length); present with `verdicts`. */
	verdictCount?: number;
}

/** An undecoded value's path and the decoder's verdict on it (DecodedNode.verdict). */
export interface OpaqueVerdict {
	path: string;
	verdict: string;
}

/** Verdicts an exchange report lists at most; `verdictCount` keeps the total. */
export const MAX_VERDICTS = 20;

/** Values that look encrypted or random across the capture (high entropy, no known format): counted, never guessed at. */
export interface OpaqueSummary {
	/** How many values, in all exchanges. */
	encryptedOrRandom: number;
	/** In how many exchanges. */
	exchanges: number;
	/** For people: "3 values look encrypted or random (in 2 exchanges)". */
	says: string;
	/** The first MAX_OPAQUE_PATHS of them, as `exchange N: path`. */
	first: string[];
}

/** Paths the summary's `opaque` lists at most. */
export const MAX_OPAQUE_PATHS = 10;

export type SeverityLevel = 'none' | 'low' | 'medium' | 'high';

export interface Severity {
	level: SeverityLevel;
	/** "browsing history and a device ID sent to a third party". */
	why: string;
}

/** One receiving site with everything it got across the capture. */
export interface DestinationSummary {
	site: string;
	company: string | null;
	product: string | null;
	category: DestinationCategory;
	exchanges: number[];
	/** Findings of those exchanges (one per type + value + detector per exchange, as in ReportSummary). */
	findings: number;
	types: FindingType[];
	severity: Severity;
}

export interface IdentifierReport {
	type: FindingType;
	value: string;
	sites: string[];
	exchanges: number[];
}

export interface ReportSummary {
	exchanges: number;
	decodedParts: number;
	/** Findings of all exchanges: each counts once however many times its value occurred (that is its `count`). */
	findings: number;
	/** The same, per type. */
	findingsByType: Record<string, number>;
	sites: string[];
	/** Per receiving site, most severe first (added by classify; optional in the contract). */
	destinations?: DestinationSummary[];
	/** Things the reader and decoder said about the input as a whole. */
	notes: string[];
	/** Values that look encrypted or random, request side only; absent when there were none. */
	opaque?: OpaqueSummary;
}

/**
 * A finding made once the whole capture was read: an exchange carried, without a key saying so, an identifier found at
 * high confidence in another exchange (its reason says where). Listed apart from `exchanges`, whose reports are written
 * before the capture is fully read.
 */
export interface PropagatedFinding {
	exchange: number;
	finding: Finding;
}

export interface Report {
	tool: { name: 'telltale'; version: string };
	input: { name: string; format: CaptureFormat; exchanges: number };
	exchanges: ExchangeReport[];
	identifiers: IdentifierReport[];
	/** Present only when propagation found something (see PropagatedFinding). */
	propagated?: PropagatedFinding[];
	summary: ReportSummary;
}

/** What the UI gets: the report plus the decoded trees it was made from (not part of the JSON contract). */
export interface DecodedPart {
	kind: PartKind;
	name: string;
	root: DecodedNode;
	note?: string;
}

export interface Analysis {
	report: Report;
	/**
	 * Decoded parts per exchange, same order as report.exchanges. Reading it decodes every response body
	 * not decoded yet (see `partsOf`): for tests and tools, not for the hot path.
	 */
	parts: DecodedPart[][];
	/**
	 * The decoded parts of exchange `index` (its position in report.exchanges), in the exchange's part
	 * order; [] when there is no such exchange. `analyze` decodes only what the request carried; a
	 * response body is decoded on the first call and kept.
	 */
	partsOf(index: number): DecodedPart[];
	/** The exchange as the capture held it (headers, bodies, timing); null when there is none. */
	exchange(index: number): Exchange | null;
	/** Filters and search over the capture, when analyze was asked to build them (`index: true`). */
	index: CaptureIndex | null;
	/** How many findings exchange `index` has (also when the report was made without keeping them). */
	findingCount(index: number): number;
	/** Exchange `index` with its findings (analysed again when the report does not keep them); null when there is none. */
	exchangeReport(index: number): ExchangeReport | null;
}
