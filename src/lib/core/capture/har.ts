/**
 * HAR 1.1 / 1.2 reader. Bytes go in chunk by chunk (`push`), entries come out one at a time as Exchanges;
 * `readCapture` (all bytes at once) and the streaming reader both feed this class, so they give the same Capture.
 */
import type { Capture, Exchange } from '../model';
import { InputError } from '../errors';
import { HarScanner, HarScanProblem } from './har-scanner';
import { exchangeFromHarEntry, newTally, type HarTally } from './har-entry';
import { firstJsonProblem } from './json-locate';
import { PartialCaptureError, count, plural } from './capture-error';
import { SNIFF_BYTES, type StreamingCaptureReader } from './reader';
import { WRAPPER_LABEL } from './wrappers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export interface HarReaderOptions {
	name: string;
	/** Said before every error message about bytes, e.g. "after gunzip" for a wrapped file. */
	wrapper?: string;
	/** Notes from outer layers (e.g. "unpacked from a gzip file"). */
	notes?: string[];
	/** Hands each exchange over as soon as it is read, instead of keeping it (the capture's `exchanges` stay empty). */
	onExchange?: (exchange: Exchange) => void;
}

export class HarReader {
	readonly exchanges: Exchange[] = [];
	private read = 0;
	private readonly tally: HarTally = newTally();
	private readonly meta = new Map<string, unknown>();
	private readonly scanner: HarScanner;

	constructor(private readonly options: HarReaderOptions) {
		this.scanner = new HarScanner({
			entry: (bytes, index, at) => this.take(this.readEntry(bytes, index, at)),
			tryEntry: (bytes, index) => {
				let value: unknown;
				try {
					value = JSON.parse(decoder.decode(bytes));
				} catch {
					return false;
				}
				this.take(exchangeFromHarEntry(value, index, this.tally));
				return true;
			},
			member: (key, bytes) => {
				try {
					this.meta.set(key, JSON.parse(decoder.decode(bytes)));
				} catch {
					// A malformed `creator` or `comment` does not stop the entries from being read.
				}
			}
		});
	}

	get bytesRead(): number {
		return this.scanner.bytesScanned;
	}

	get entriesRead(): number {
		return this.read;
	}

	private take(exchange: Exchange): void {
		this.read++;
		if (this.options.onExchange) this.options.onExchange(exchange);
		else this.exchanges.push(exchange);
	}

	push(chunk: Uint8Array): void {
		try {
			this.scanner.push(chunk);
		} catch (error) {
			throw this.toInputError(error);
		}
	}

	finish(): Capture {
		try {
			this.scanner.finish();
		} catch (error) {
			throw this.toInputError(error);
		}
		if (this.read === 0) throw new InputError('The HAR has no entries', 'log.entries');
		return this.capture();
	}

	/** Everything read so far, as a Capture (for partial results). */
	capture(): Capture {
		return { name: this.options.name, format: 'har', exchanges: this.exchanges.slice(), notes: this.notes() };
	}

	private readEntry(bytes: Uint8Array, index: number, at: number): Exchange {
		const text = decoder.decode(bytes);
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			const problem = firstJsonProblem(text);
			const offset = problem ? at + encoder.encode(text.slice(0, problem.index)).length : at;
			const why = problem?.reason ?? 'it is not valid JSON';
			throw new HarScanProblem('syntax', why, offset, index);
		}
		return exchangeFromHarEntry(value, index, this.tally);
	}

	private toInputError(error: unknown): unknown {
		if (!(error instanceof HarScanProblem)) return error;
		const where = this.options.wrapper ? ` (${this.options.wrapper})` : '';
		const byte = `byte ${count(error.at)}${where}`;
		const inside = error.insideEntry !== null ? ` (inside entry ${count(error.insideEntry + 1)})` : '';
		const read = `${plural(this.read, 'complete entry', 'complete entries')} ${this.read === 1 ? 'was' : 'were'} read`;
		switch (error.kind) {
			case 'empty':
				return new InputError(`${this.options.name} holds no JSON`);
			case 'not-har':
				return new InputError(`Not a HAR file: ${error.detail}`, error.at > 0 ? `byte ${error.at}` : undefined);
			case 'truncated':
				return new PartialCaptureError(
					`The HAR ends unexpectedly at ${byte}${inside || (this.scanner.sawEntries ? '' : ' (before `log.entries`)')}: the file is truncated — ${read}`,
					`byte ${error.at}`,
					this.capture()
				);
			case 'syntax':
				return new PartialCaptureError(`The HAR is not valid JSON at ${byte}${inside}: ${error.detail} — ${read}`, `byte ${error.at}`, this.capture());
		}
	}

	private notes(): string[] {
		const notes: string[] = [...(this.options.notes ?? [])];
		const creator = this.meta.get('creator') as { name?: unknown; version?: unknown } | undefined;
		if (typeof creator?.name === 'string') notes.push(`written by ${creator.name}${typeof creator.version === 'string' ? ` ${creator.version}` : ''}`);
		const browser = this.meta.get('browser') as { name?: unknown; version?: unknown } | undefined;
		if (typeof browser?.name === 'string') notes.push(`recorded in ${browser.name}${typeof browser.version === 'string' ? ` ${browser.version}` : ''}`);
		const version = this.meta.get('version');
		if (typeof version === 'string' && version !== '1.2') notes.push(`HAR version ${version}`);
		const t = this.tally;
		if (t.timesWithoutZone > 0) notes.push(`${plural(t.timesWithoutZone, 'time stamp')} had no time zone and ${t.timesWithoutZone === 1 ? 'was' : 'were'} read as UTC`);
		if (t.base64Lies > 0) notes.push(`${plural(t.base64Lies, 'body', 'bodies')} marked base64 ${t.base64Lies === 1 ? 'was' : 'were'} not base64 and ${t.base64Lies === 1 ? 'was' : 'were'} read as text`);
		if (t.externalBodies > 0) notes.push(`${plural(t.externalBodies, 'body', 'bodies')} stored outside the HAR (not decoded)`);
		if (t.nonObjectEntries > 0) notes.push(`${plural(t.nonObjectEntries, 'entry', 'entries')} ${t.nonObjectEntries === 1 ? 'was' : 'were'} not an object`);
		if (this.scanner.trailingAt >= 0) notes.push(`ignored data after the end of the HAR at byte ${count(this.scanner.trailingAt)}`);
		return notes;
	}
}

const HAR_MEMBER = /"log"\s*:\s*\{|"entries"\s*:\s*\[/;

/** HAR 1.1 / 1.2: JSON with a `log` object or an `entries` array near its start; read entry by entry. */
export const harReader = {
	id: 'har',
	reads: 'stream',
	sniff: (start) => start.startsWith('{') && HAR_MEMBER.test(start.slice(0, SNIFF_BYTES)),
	open: ({ name, wrapper, onExchange }) =>
		new HarReader({
			name,
			...(onExchange ? { onExchange } : {}),
			wrapper: wrapper ? `of the HAR unpacked from ${WRAPPER_LABEL[wrapper]}` : undefined,
			notes: wrapper ? [`unpacked from ${WRAPPER_LABEL[wrapper]}`] : []
		})
} as const satisfies StreamingCaptureReader<'har'>;
