/** What a pool worker does with each message, apart from the worker itself (so it runs the same in a test). */
import { ExchangeAnalyzer } from '../core/report/exchange-analyzer';
import type { RangeRequest, RangeResponse } from './range-protocol';

export function rangeHandler(): (request: RangeRequest) => RangeResponse | null {
	let analyzer: ExchangeAnalyzer | null = null;
	return (request) => {
		if (request.type === 'setup') {
			analyzer = new ExchangeAnalyzer(request.options);
			return null;
		}
		try {
			// Only an exchange a limit touched sends its trees back (the holder keeps those; the others are peeled again when opened).
			const results = request.exchanges.map((exchange) => {
				const result = analyzer!.analyze(exchange);
				return { ...result, trees: result.limited ? result.trees : [] };
			});
			return { type: 'range', id: request.id, results };
		} catch (error) {
			return { type: 'range-error', id: request.id, message: error instanceof Error ? error.message : String(error) };
		}
	};
}
