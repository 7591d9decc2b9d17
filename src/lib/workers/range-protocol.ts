/** Messages between the analysis worker that holds a capture and the pool workers it spreads the analysis over. */
import type { Exchange } from '../core/model';
import type { ExchangeAnalyzerOptions } from '../core/report/exchange-analyzer';
import type { ExchangeOutcome } from '../core/report/analyze';

export type RangeRequest = { type: 'setup'; options: ExchangeAnalyzerOptions } | { type: 'range'; id: number; exchanges: Exchange[] };

export type RangeResponse = { type: 'range'; id: number; results: ExchangeOutcome[] } | { type: 'range-error'; id: number; message: string };
