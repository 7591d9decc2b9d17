/** Messages between the command line and its analysis threads (node:worker_threads, structured clone). */
import type { Exchange } from '../lib/core/model';
import type { ExchangeAnalyzerOptions } from '../lib/core/report/exchange-analyzer';
import type { ExchangeResult } from '../lib/core/report/report-builder';

/** Handed to each thread when it starts (workerData). */
export type PoolSetup = Pick<ExchangeAnalyzerOptions, 'known' | 'limits'>;

export type PoolRequest = { id: number; exchanges: Exchange[] };

export type PoolResponse = { id: number; results: ExchangeResult[] } | { id: number; error: string };
