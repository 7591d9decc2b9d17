/**
 * A report written while its capture is read, for the command line: exchanges are analysed and written one at a
 * time and let go, so memory holds the capture's running totals, not the capture or the report. The input is read
 * twice: first to count its exchanges (the JSON report names the count before it lists them, and a capture that
 * turns out broken is reported before anything is written), then to analyse them.
 */
import type { Exchange } from '../model';
import { readCaptureStream, type ByteSource } from '../capture/stream';
import { ExchangeAnalyzer, type ExchangeAnalyzerOptions } from './exchange-analyzer';
import { ReportBuilder, type ExchangeResult } from './report-builder';
import type { ReportSink } from './report-json';
import { PropagationCollector, propagateInto, skippedNote, type PropagatedExchange } from './propagation';

export interface StreamReportOptions extends ExchangeAnalyzerOptions {
	name: string;
	size?: number;
	/** What the report is written as (JSON, NDJSON, a summary). */
	sink: ReportSink;
	/** Called with each piece of text in order; the next piece waits for its promise (back-pressure). */
	write: (text: string) => void | Promise<void>;
	/** Analyses contiguous ranges of exchanges elsewhere (a pool of workers); by default they are analysed here, one by one. */
	ranges?: RangeAnalyzer;
}

/** A pool that analyses contiguous ranges of exchanges; results come back per range, in the range's order. */
export interface RangeAnalyzer {
	analyze(exchanges: Exchange[]): Promise<ExchangeResult[]>;
	/** How many ranges may be waiting at once: enough to keep every worker busy, few enough to bound memory. */
	readonly inFlight: number;
}

/** Exchanges per range sent to a pool: big enough to amortise a message, small enough to spread a small capture. */
export const RANGE_SIZE = 128;

export interface StreamedReport {
	exchanges: number;
}

/** `open` is called once per reading pass and must give the same bytes each time. */
export async function streamReport(open: () => ByteSource, options: StreamReportOptions): Promise<StreamedReport> {
	let total = 0;
	const counted = await readCaptureStream(open(), { name: options.name, ...(options.size !== undefined ? { size: options.size } : {}), onExchange: () => total++ });
	const builder = new ReportBuilder(counted);
	const head = builder.head(total);
	const { sink } = options;
	// A capture of one range gains nothing from a pool: threads cost their start-up.
	const ranges = total > RANGE_SIZE ? options.ranges : undefined;
	const analyzer = ranges ? null : new ExchangeAnalyzer(options);
	let pending: string[] = [sink.start(head)];
	const propagation = new PropagationCollector();
	const take = (result: ExchangeResult): void => {
		builder.add(result);
		propagation.add(result);
		pending.push(sink.exchange(result.report));
	};
	// With a pool: ranges in flight, oldest first, taken in capture order whatever order they finish in.
	const queue: Promise<ExchangeResult[]>[] = [];
	let batch: Exchange[] = [];
	const submit = (): void => {
		if (batch.length === 0) return;
		queue.push(ranges!.analyze(batch));
		batch = [];
	};
	const takeOldest = async (): Promise<void> => {
		for (const result of await queue.shift()!) take(result);
	};
	const flush = async (): Promise<void> => {
		if (pending.length === 0) return;
		const text = pending.join('');
		pending = [];
		await options.write(text);
	};
	// Writes what the last chunk's exchanges gave before reading the next chunk.
	async function* paced(source: ByteSource): AsyncGenerator<Uint8Array> {
		for await (const chunk of source as AsyncIterable<Uint8Array>) {
			while (ranges && queue.length >= ranges.inFlight) await takeOldest();
			await flush();
			yield chunk;
		}
	}
	const onExchange = (exchange: Exchange): void => {
		if (analyzer) return take(analyzer.analyze(exchange));
		batch.push(exchange);
		if (batch.length >= RANGE_SIZE) submit();
	};
	const capture = await readCaptureStream(paced(open()), { name: options.name, ...(options.size !== undefined ? { size: options.size } : {}), onExchange });
	submit();
	while (queue.length > 0) {
		await takeOldest();
		await flush();
	}
	await secondLook(open, options, propagation, builder);
	const tail = builder.tail(capture.notes);
	pending.push(sink.end(head, tail));
	await flush();
	return { exchanges: total };
}

/**
 * Propagation's second look (propagation.ts): the exchanges it names are read again from the input (a third pass; the
 * capture is not held) and analysed with the identifiers found elsewhere. Nothing is read when nothing matched.
 */
async function secondLook(open: () => ByteSource, options: StreamReportOptions, propagation: PropagationCollector, builder: ReportBuilder): Promise<void> {
	const plan = propagation.plan();
	const found: PropagatedExchange[] = [];
	if (plan.exchanges.size > 0) {
		await readCaptureStream(open(), {
			name: options.name,
			...(options.size !== undefined ? { size: options.size } : {}),
			onExchange: (exchange) => {
				const seeds = plan.exchanges.get(exchange.index);
				const more = seeds ? propagateInto(exchange, seeds, options) : null;
				if (more) found.push(more);
			}
		});
	}
	builder.addPropagated(found, plan.skipped > 0 ? skippedNote(plan.skipped) : null);
}
