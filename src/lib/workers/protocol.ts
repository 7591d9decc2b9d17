/**
 * The typed messages between the page and an analysis worker. Only an overview of the report crosses to the
 * page in one piece; findings and decoded trees stay in the worker and cross one exchange at a time, so a
 * 20,000-entry capture never makes the main thread deserialize tens of megabytes in one task.
 */
import type { Analysis, DecodedPart, ExchangeReport, Report } from '../core/model';
import type { KnownValue } from '../core/classify/known-values';
import type { UserTrackerList } from '../core/classify/destinations/user-list';
import { typesMask, type LeakGroup, type SearchHit } from '../core/report/capture-index';
import { facetsOf, type Facets } from '../core/report/facets';
import type { ExchangeQuery } from '../core/report/exchange-query';
import type { ExchangeSource } from '../core/report/exchange-source';
import type { Digest } from '../core/report/capture-digest';
import type { Comparison } from '../core/report/compare';
import type { ExportFormat, JobSource, SanitizeChoice, SanitizePreview } from './export-protocol';

/**
 * What the page gets of each exchange up front: everything but the findings, which (with paths and reasons) are
 * most of a report's size; they come with the exchange's decoded trees when it is selected.
 */
export type ExchangeOverview = Omit<ExchangeReport, 'findings'> & {
	findingCount: number;
	/** The finding types it carried, as a CaptureIndex mask (`typesOfMask` lists them). */
	types: number;
};
export type ReportOverview = Omit<Report, 'exchanges'> & {
	exchanges: ExchangeOverview[];
	/** The filter bar's choices with their counts, counted in the worker. */
	facets: Facets;
};

/** What the user set up for every analysis: their own identifiers and imported tracker lists. */
export interface AnalysisSettings {
	known: KnownValue[];
	userLists: UserTrackerList[];
}

export type WorkerRequest =
	| { type: 'analyze-text'; id: number; name: string; text: string; settings: AnalysisSettings }
	| { type: 'analyze-file'; id: number; file: File; settings: AnalysisSettings }
	| { type: 'get-exchange'; id: number; exchange: number }
	/** Filter and search the loaded capture; answered by query-chunk messages, the last with `done`. */
	| { type: 'query'; id: number; query: ExchangeQuery }
	| { type: 'get-leaks'; id: number }
	| { type: 'parse-tracker-list'; id: number; text: string }
	/** Jobs over the loaded capture's input, each in a worker of its own (export-handlers.ts): cancelling terminates it. */
	| { type: 'export'; id: number; source: JobSource; format: ExportFormat; settings: AnalysisSettings; analysedAt: string }
	| { type: 'export-har'; id: number; source: JobSource; choice: SanitizeChoice }
	| { type: 'preview-sanitize'; id: number; source: JobSource; choice: SanitizeChoice }
	/** `a` may be the digest of an earlier comparison with the same first capture, so it is not analysed again. */
	| { type: 'compare'; id: number; a: JobSource | { kind: 'digest'; digest: Digest }; b: JobSource; settings: AnalysisSettings };

/** `hashing`: an export computing the input's SHA-256; `reading` and `decoding` in bytes: a job's two passes over its input. */
export type Phase = 'reading' | 'decoding' | 'hashing';

export type WorkerResponse =
	/** `step`: which input a job with two is on ("Second capture"). */
	| { type: 'progress'; id: number; phase: Phase; done: number; total: number; unit: 'bytes' | 'exchanges'; entries?: number; step?: string }
	/** Exchange overviews arrive in chunks before their result, so no single message is a long task to receive. */
	| { type: 'overview-chunk'; id: number; exchanges: ExchangeOverview[] }
	/** `warnings`: what went wrong on the way without losing anything (a pool worker that failed and whose range was analysed again). */
	| { type: 'result'; id: number; report: ReportOverview; millis: number; warnings: string[] }
	/** The input broke partway (a truncated HAR): what was read before the problem, and the problem. */
	| { type: 'partial'; id: number; report: ReportOverview; millis: number; message: string; location?: string }
	/** `source`: the exchange as captured (headers, cookies, timing, bounded payloads), for the detail's proxy tabs. */
	| { type: 'exchange'; id: number; exchange: ExchangeReport | null; parts: DecodedPart[]; source: ExchangeSource | null }
	| { type: 'tracker-list'; id: number; list: UserTrackerList }
	/** Matches in capture order: exchange indexes, and where the text matched (null entries when the query has no text). */
	| { type: 'query-chunk'; id: number; indexes: number[]; hits: (SearchHit | null)[]; done: boolean }
	| { type: 'leaks'; id: number; groups: LeakGroup[] }
	| { type: 'error'; id: number; kind: 'input' | 'bug'; message: string; location?: string }
	/** An export, made in the worker from its text pieces (never one string). */
	| { type: 'file'; id: number; blob: Blob; fileName: string }
	| { type: 'sanitize-preview'; id: number; preview: SanitizePreview }
	| { type: 'compared'; id: number; comparison: Comparison; digestA: Digest };

export function overviewOf(analysis: Analysis): ReportOverview {
	const { report } = analysis;
	return {
		...report,
		exchanges: report.exchanges.map(({ findings: _findings, ...rest }, i) => ({ ...rest, findingCount: analysis.findingCount(i), types: analysis.index?.typesMask(i) ?? 0 })),
		facets: facetsOf(report.exchanges, (i) => analysis.index?.typesMask(i) ?? typesMask(report.exchanges[i]?.findings.map((f) => f.type) ?? []))
	};
}

/** How many exchange overviews one message carries: small enough to clone in a few milliseconds. */
export const OVERVIEW_CHUNK = 1000;
