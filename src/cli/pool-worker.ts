/**
 * One analysis thread of the command line's pool: an ExchangeAnalyzer of its own (its own caches; the results are
 * the same as on one thread), analysing the ranges it is sent, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ExchangeAnalyzer } from '../lib/core/report/exchange-analyzer';
import type { PoolRequest, PoolResponse, PoolSetup } from './pool-protocol';

const analyzer = new ExchangeAnalyzer(workerData as PoolSetup);

parentPort!.on('message', ({ id, exchanges }: PoolRequest) => {
	let response: PoolResponse;
	try {
		// The trees stay here: the report needs only each exchange's result.
		response = { id, results: exchanges.map((exchange) => {
			const { report, decodedParts, notes, encrypted, tokens } = analyzer.analyze(exchange);
			return { report, decodedParts, notes, ...(encrypted ? { encrypted } : {}), ...(tokens ? { tokens } : {}) };
		}) };
	} catch (error) {
		response = { id, error: error instanceof Error ? error.message : String(error) };
	}
	parentPort!.postMessage(response);
});
