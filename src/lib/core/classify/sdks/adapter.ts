/**
 * The SdkAdapter contract: everything Telltale knows about one SDK, in one file per SDK (see index.ts), so a
 * reader finds an SDK in one place and a reviewer can hold each fact against the sources the file cites.
 * The destination code (hosts, fingerprints) and the detectors (field maps, constants) consult the adapters
 * through engine.ts; an adapter holds data and small pure tests, never a walk of its own.
 */
import type { Confidence, DecodedNode, DestinationCategory, FindingType } from '../../model';
import type { PayloadShape } from './shape';

/**
 * What one named field holds. The value is handed to the detectors as if it sat under `as`, so their
 * validators (Luhn, placeholders, URL parsing) still decide: a field map says what a name means, never that
 * a value is valid.
 */
export interface FieldSpec {
	/** What the SDK's documentation or source says the field holds. */
	type: FindingType;
	/** Plain words for the reason ("document location"). */
	meaning: string;
	/** The key the detectors judge the value under; by default the usual key for `type` (engine.ts, KEY_FOR_TYPE). */
	as?: string;
	/** The field is read as mapped only when its value passes (a name shared with unrelated data). */
	check?: (value: string) => boolean;
	/**
	 * For fields no key of the detectors' vocabulary would read as `type` (a position in an array, a one-letter
	 * name): when the detectors find nothing of `type` and `check` passes, the adapter reports it at this confidence.
	 */
	report?: { confidence: Confidence; check: (value: string) => boolean };
}

export type FieldMap = Readonly<Record<string, FieldSpec>>;

/** A request the SDK makes: the host (lower case) and the URL path both have to match. */
export interface Endpoint {
	/** Omitted: any host (self-hosted collectors keep the SDK's paths). */
	host?: RegExp;
	path: RegExp;
	/** Parameters of this endpoint, in the query or the body: their names mean something only here. */
	params?: FieldMap;
	/** Recognises this endpoint's hit by the fields around a value, for proxied or self-hosted collectors. */
	shape?(siblings: ReadonlyMap<string, DecodedNode>): boolean;
	/**
	 * Parameters of this endpoint that say nothing about the device's user, and what they are: a push notification's
	 * title and body (a message the app's server writes, not a page the user read), the app's own build number (not an
	 * OS version). Nothing is reported on these values themselves; what is nested in them is still read.
	 */
	neutral?: Readonly<Record<string, string>>;
	/** Request headers of this endpoint (names in lower case) and what they hold. */
	headers?: FieldMap;
}

/** Hosts the SDK's maker runs, as the overlay lists them (they win over the bundled lists). */
export interface HostListing {
	/** Domains (matching their subdomains) or wildcards where `*` is exactly one label (`data.mistat.*.xiaomi.com`). */
	hosts: readonly string[];
	/** Who receives data at these hosts; by default the adapter's company. */
	company?: string;
	/** The name the report shows for these hosts; omitted when it would only repeat the company. */
	product?: string;
	category?: DestinationCategory;
	/** Why we say so: a URL or a citable reference, shown in the destination's source. */
	source: string;
}

/**
 * Numbered fields of a schema-less binary format (protobuf without a schema): what each number means, by
 * where the message sits (its field numbers from the body's root, joined by dots).
 */
export interface NumberedFields {
	/** Requests that carry the format. */
	at: Endpoint;
	/** Chain → { message name for the reason, field number → spec }. */
	messages: Readonly<Record<string, { name: string; fields: FieldMap }>>;
	/** Name/value pairs: at `chain`, field `value` holds the value of the pair named by its sibling field `name`. */
	pairs: ReadonlyArray<{ chain: string; value: string; name: string; kind: string }>;
	/** Pair names the SDK reserves, and what they mean (any other name is judged as itself). */
	reservedNames: FieldMap;
}

export interface SdkAdapter {
	/** Stable id, also the file's name. */
	id: string;
	/** The SDK's name as reports show it for a fingerprint ("Sensors Analytics SDK"). */
	name: string;
	/** The short name reasons use ("Google Analytics: document location"). */
	label: string;
	/**
	 * Who makes the SDK, as a public source names it. Not necessarily who receives the data: SDKs are often
	 * self-hosted, so the report's `company` stays the host's. Null only with `companyUnknown` saying why.
	 */
	company: string | null;
	companyUnknown?: string;
	/**
	 * Only the maker runs the SDK's collector (no self-hosted edition exists): a host no list knows that carries the SDK's
	 * hits is a first-party name pointing at the maker (a CNAME), so the maker receives the data. Says why, for the report.
	 */
	collectedOnlyByMaker?: string;
	category: DestinationCategory;
	/** Host entries for the overlay. */
	listings?: readonly HostListing[];
	/** The SDK's requests, and what their parameters mean. */
	endpoints?: readonly Endpoint[];
	/** Names the SDK from the shape of what it sends, whatever the host: the evidence, or null. */
	fingerprint?(shape: PayloadShape): string | null;
	/** Arrays the SDK sends by position (Facebook's `extinfo`): the key holding the array → index → spec. */
	positional?: Readonly<Record<string, Readonly<Record<number, FieldSpec>>>>;
	numbered?: NumberedFields;
	/** The SDK's own values, never findings: its homepage, library name, version strings. Compared trimmed, ignoring case. */
	constants?: readonly string[];
	/**
	 * The SDK encrypts what it sends: at these requests an opaque body is said to be this format, by name,
	 * instead of being guessed at.
	 */
	encryptedEnvelope?: { at: readonly Endpoint[]; verdict: string };
}
