/**
 * A report written while its capture is read, for the command line: exchanges are analysed and written one at a
 * time and let go, so memory holds the capture's running totals, not the capture or the report. The input is read
 * twice: first to count its exchanges (the JSON report names the count before it lists them, and a capture that
 * turns out broken is reported before anything is written), then to analyse them.
 */
import type { Exchange } from '../model';
import { readCaptureStream, type ByteSource } from '../capture/stream';
import { ExchangeAnalyzer, type ExchangeAnalyzerOptions } from './exchange-analyzer';
import { ReportBuilder } from './report-builder';
import type { ReportSink } from './report-json';

export interface StreamReportOptions extends ExchangeAnalyzerOptions {
	name: string;
	size?: number;
	/** What the report is written as (JSON, NDJSON, a summary). */
	sink: ReportSink;
	/** Called with each piece of text in order; the next piece waits for its promise (back-pressure). */
	write: (text: string) => void | Promise<void>;
	/** Analyses a range of exchanges elsewhere (a pool of workers); by default they are analysed here, one by one. */
	analyzer?: { analyze(exchange: Exchange): ReturnType<ExchangeAnalyzer['analyze']> };
}

export interface StreamedReport {
	exchanges: number;
}

/** `open` is called once per reading pass and must give the same bytes each time. */
export async function streamReport(open: () => ByteSource, options: StreamReportOptions): Promise<StreamedReport> {
	let total = 0;
	const counted = await readCaptureStream(open(), { name: options.name, ...(options.size !== undefined ? { size: options.size } : {}), onExchange: () => total++ });
	const builder = new ReportBuilder(counted);
	const head = builder.head(total);
	const analyzer = options.analyzer ?? new ExchangeAnalyzer(options);
	const { sink } = options;
	let pending: string[] = [sink.start(head)];
	const flush = async (): Promise<void> => {
		if (pending.length === 0) return;
		const text = pending.join('');
		pending = [];
		await options.write(text);
	};
	// Writes what the last chunk's exchanges gave before reading the next chunk.
	async function* paced(source: ByteSource): AsyncGenerator<Uint8Array> {
		for await (const chunk of source as AsyncIterable<Uint8Array>) {
			await flush();
			yield chunk;
		}
	}
	const onExchange = (exchange: Exchange): void => {
		const result = analyzer.analyze(exchange);
		builder.add(result);
		pending.push(sink.exchange(result.report));
	};
	const capture = await readCaptureStream(paced(open()), { name: options.name, ...(options.size !== undefined ? { size: options.size } : {}), onExchange });
	const tail = builder.tail(capture.notes);
	pending.push(sink.end(head, tail));
	await flush();
	return { exchanges: total };
}
