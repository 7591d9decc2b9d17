/// <reference lib="webworker" />
/**
 * One worker of the analysis pool: analyses the contiguous ranges of exchanges its holder sends, with an
 * ExchangeAnalyzer of its own (its own caches: the results are the same as on one thread).
 */
import { rangeHandler } from './range-handler';
import type { RangeRequest } from './range-protocol';

declare const self: DedicatedWorkerGlobalScope;

const handle = rangeHandler();

self.onmessage = (event: MessageEvent<RangeRequest>) => {
	const response = handle(event.data);
	if (response) self.postMessage(response);
};
