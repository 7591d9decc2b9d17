/** The sanitizer's vocabulary: what the caller asks for and what it is told. */
import type { FindingType } from '../model';

export interface SanitizeOptions {
	/** `secrets`: credentials only (cookies, credential headers, tokens, API keys, session IDs, JWT signatures); `all`: also every detected identifier and personal value. */
	mask: 'secrets' | 'all';
	/** Finding types to leave as they are (e.g. keep `browsing.url` to show where data went). `auth.secret` here keeps credentials too. */
	keepTypes?: readonly string[];
	/** Changes listed at most (the rest are counted); default 10,000. */
	maxChanges?: number;
}

/** What a placeholder stands for: a finding type, or a credential found by its name or place. */
export type MaskKind = FindingType | 'cookie' | 'credential' | 'jwt-signature' | 'whole';

/** Where in an exchange a change was made. */
export type ChangePlace = 'url' | 'query' | 'header' | 'cookie' | 'request-body' | 'response-header' | 'response-body' | 'websocket' | 'payload' | 'other';

export interface SanitizeChange {
	/** 0-based exchange (HAR entry) index. */
	exchange: number;
	place: ChangePlace;
	/** The path through the layers (`body › base64 › gzip › json.imei`), or the header / field name. */
	path: string;
	kind: MaskKind;
	placeholder: string;
	/** A hint of the original that gives nothing away: its first two characters and its length (`35…, 15 chars`). */
	hint: string;
}

/** A value written as one placeholder because a layer inside it cannot be written back faithfully. */
export interface WholeReplacement {
	exchange: number;
	path: string;
	placeholder: string;
	/** `replaced whole: <why>` */
	reason: string;
}

export interface SanitizeReport {
	mask: SanitizeOptions['mask'];
	exchanges: number;
	/** The first `maxChanges` changes, in capture order. */
	changes: SanitizeChange[];
	/** Every change, listed or not. */
	changeCount: number;
	/** Every change, listed or not, by kind. */
	changesByKind: Record<string, number>;
	replacedWhole: WholeReplacement[];
	/** Distinct values masked, by kind. */
	placeholdersByKind: Record<string, number>;
	/** Things the reader says about the input (format, notes) and what was not inspected (limits). */
	notes: string[];
}
