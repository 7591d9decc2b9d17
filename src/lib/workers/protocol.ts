/**
 * The typed messages between the page and an analysis worker. Only the report crosses to the page in one
 * piece; the decoded trees stay in the worker and cross one exchange at a time, so a 20,000-entry capture
 * never makes the main thread deserialize millions of nodes at once.
 */
import type { DecodedPart, Report } from '../core/model';
import type { KnownValue } from '../core/classify/known-values';
import type { UserTrackerList } from '../core/classify/destinations/user-list';

/** What the user set up for every analysis: their own identifiers and imported tracker lists. */
export interface AnalysisSettings {
	known: KnownValue[];
	userLists: UserTrackerList[];
}

export type WorkerRequest =
	| { type: 'analyze-text'; id: number; name: string; text: string; settings: AnalysisSettings }
	| { type: 'analyze-file'; id: number; file: File; settings: AnalysisSettings }
	| { type: 'get-parts'; id: number; exchange: number }
	| { type: 'parse-tracker-list'; id: number; text: string };

export type Phase = 'reading' | 'decoding';

export type WorkerResponse =
	| { type: 'progress'; id: number; phase: Phase; done: number; total: number; unit: 'bytes' | 'exchanges'; entries?: number }
	| { type: 'result'; id: number; report: Report; millis: number }
	/** The input broke partway (a truncated HAR): what was read before the problem, and the problem. */
	| { type: 'partial'; id: number; report: Report; millis: number; message: string; location?: string }
	| { type: 'parts'; id: number; exchange: number; parts: DecodedPart[] }
	| { type: 'tracker-list'; id: number; list: UserTrackerList }
	| { type: 'error'; id: number; kind: 'input' | 'bug'; message: string; location?: string };
