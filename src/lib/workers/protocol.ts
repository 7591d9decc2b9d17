/** The typed messages between the page and the analysis worker. */
import type { Analysis } from '../core/model';

export type WorkerRequest =
	| { type: 'analyze-text'; id: number; name: string; text: string }
	| { type: 'analyze-file'; id: number; file: File };

export type Phase = 'reading' | 'decoding';

export type WorkerResponse =
	| { type: 'progress'; id: number; phase: Phase; done: number; total: number; unit: 'bytes' | 'exchanges' }
	| { type: 'result'; id: number; analysis: Analysis; millis: number }
	| { type: 'error'; id: number; kind: 'input' | 'bug'; message: string; location?: string };
