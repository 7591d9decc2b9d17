/**
 * The one reading pipeline behind both `readCapture` (all bytes at once) and `readCaptureStream` (chunks):
 * bytes are pushed in, a wrapper (gzip, zlib, zip) is peeled while streaming, the content is sniffed from its
 * first 64 KiB, and then either fed entry by entry to the HAR reader or collected for a small-format reader.
 */
import type { Capture, Exchange } from '../model';
import { InputError } from '../errors';
import { DEFAULT_LIMITS } from '../limits';
import { formatBytes } from '../shared/bytes';
import { Gunzip, Unzip, UnzipInflate, Unzlib } from 'fflate';
import { PartialCaptureError, plural } from './capture-error';
import { SNIFF_BYTES, WRAPPER_LABEL, checkBinary, formatOfText, namedLikeHar, wrapperOf, type Wrapper } from './formats';
import { concat } from './har-scanner';
import { readPayload } from './payload';
import { FALLBACK_READER, readerFor, type CaptureFormat } from './readers';
import type { CaptureStream } from './reader';

export interface CaptureSink {
	push(chunk: Uint8Array): void;
	finish(): Capture;
	/** Entries read so far (HAR only; 0 for formats read at the end). */
	readonly entries: number;
	/** What was read so far when reading cannot go on (HAR only: its complete entries), else null. */
	partial(): Capture | null;
}

export interface PipelineOptions {
	name: string;
	/** Largest input accepted, before and after unpacking. */
	maxInputBytes?: number;
	/** Total size when known (a File), for messages about binary input. */
	size?: number;
	/**
	 * Hands each exchange over as soon as it is read, in capture order, instead of keeping it: a large HAR is then
	 * never held whole. The Capture `finish` returns has no exchanges.
	 */
	onExchange?: (exchange: Exchange) => void;
}

export function createCaptureSink(options: PipelineOptions): CaptureSink {
	return new OuterSink({ maxInputBytes: DEFAULT_LIMITS.maxInputBytes, ...options });
}

type Options = PipelineOptions & { maxInputBytes: number };


function tooLarge(name: string, max: number, what = ''): InputError {
	return new InputError(`${name}${what} is larger than ${formatBytes(max)}, the most Telltale reads`);
}

/** Waits for the first 4 bytes to see whether the input is wrapped. */
class OuterSink implements CaptureSink {
	private head: Uint8Array[] = [];
	private headLength = 0;
	private total = 0;
	private inner: CaptureSink | null = null;

	constructor(private readonly options: Options) {}

	get entries(): number {
		return this.inner?.entries ?? 0;
	}

	partial(): Capture | null {
		return this.inner?.partial() ?? null;
	}

	push(chunk: Uint8Array): void {
		this.total += chunk.length;
		if (this.total > this.options.maxInputBytes) throw tooLarge(this.options.name, this.options.maxInputBytes);
		if (this.inner) return this.inner.push(chunk);
		this.head.push(chunk);
		this.headLength += chunk.length;
		if (this.headLength >= 4) this.start();
	}

	finish(): Capture {
		if (!this.inner) {
			if (this.total === 0) throw new InputError(`${this.options.name} is empty`);
			this.start();
		}
		return this.inner!.finish();
	}

	private start(): void {
		const head = concat(this.head);
		this.head = [];
		const wrapper = wrapperOf(head);
		this.inner = wrapper ? new UnwrapSink(wrapper, this.options) : new ContentSink(this.options, null);
		this.inner.push(head);
	}
}

/** Sniffs the (unwrapped) content and hands it to the right reader. */
class ContentSink implements CaptureSink {
	private head: Uint8Array[] = [];
	private headLength = 0;
	/** The reader parsing while bytes arrive (HAR), once the format is known. */
	private stream: CaptureStream | null = null;
	private collected: Uint8Array[] | null = null;
	private collectedLength = 0;
	format: CaptureFormat | null = null;

	constructor(
		private readonly options: Options,
		private readonly wrapper: Wrapper | null
	) {}

	get entries(): number {
		return this.stream?.entriesRead ?? 0;
	}

	get streamReader(): CaptureStream | null {
		return this.stream;
	}

	partial(): Capture | null {
		return this.stream?.capture() ?? null;
	}

	push(chunk: Uint8Array): void {
		if (this.stream) return this.stream.push(chunk);
		if (this.collected) {
			this.collected.push(chunk);
			this.collectedLength += chunk.length;
			return;
		}
		this.head.push(chunk);
		this.headLength += chunk.length;
		if (this.headLength >= SNIFF_BYTES) this.decide(false);
	}

	/** Picks the format; after this `format` is set. */
	decide(atEnd: boolean): void {
		if (this.format) return;
		const head = concat(this.head);
		this.head = [];
		const { name } = this.options;
		if (head.length === 0) throw new InputError(this.wrapper ? `${name} unpacks to nothing` : `${name} is empty`);
		if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
			// UTF-16 text (some Windows tools): collected and re-read as UTF-8 at the end.
			this.format = FALLBACK_READER.id;
			return this.collect(head);
		}
		let text: string | null;
		try {
			// A fresh decoder, streaming unless this is all: a head that ends inside a multi-byte character
			// (the 64 KiB a file stream hands over) is still text.
			text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !atEnd });
		} catch {
			text = null;
		}
		if (text === null && isHttpStart(head)) {
			// Raw HTTP with a binary (e.g. gzip) body.
			this.format = 'http';
			return this.collect(head);
		}
		if (text === null) {
			if (!this.wrapper || namedLikeHar(name)) checkBinary(head, name, this.options.size ?? (atEnd ? head.length : undefined));
			this.format = FALLBACK_READER.id;
			return this.collect(head);
		}
		if (text.trim().length === 0 && text.replace(/^\ufeff/, '').trim().length === 0 && atEnd) {
			throw new InputError(`${name} holds only white space`);
		}
		this.format = formatOfText(text.replace(/^\ufeff/, ''), name);
		const reader = readerFor(this.format);
		if (reader.reads === 'stream') {
			this.stream = reader.open({ name, wrapper: this.wrapper, ...(this.options.onExchange ? { onExchange: this.options.onExchange } : {}) });
			this.stream.push(head);
		} else this.collect(head);
	}

	private collect(head: Uint8Array): void {
		this.collected = [head];
		this.collectedLength = head.length;
	}

	finish(): Capture {
		this.decide(true);
		if (this.stream) return this.stream.finish();
		const bytes = concat(this.collected ?? []);
		this.collected = null;
		const { name } = this.options;
		const notes = this.wrapper ? [`unpacked from ${WRAPPER_LABEL[this.wrapper]}`] : [];
		const capture = readCollected(name, this.format!, bytes);
		capture.notes.unshift(...notes);
		return handOver(capture, this.options.onExchange);
	}
}

/** Formats read whole hand their exchanges over at the end, in order, when the caller asked for them one by one. */
function handOver(capture: Capture, onExchange: ((exchange: Exchange) => void) | undefined): Capture {
	if (!onExchange) return capture;
	for (const exchange of capture.exchanges) onExchange(exchange);
	return { ...capture, exchanges: [] };
}

function isHttpStart(head: Uint8Array): boolean {
	const firstLine = new TextDecoder('latin1').decode(head.subarray(0, 1024)).split('\n', 1)[0] ?? '';
	return formatOfText(`${firstLine}\n`, '') === 'http';
}

function readCollected(name: string, format: CaptureFormat, bytes: Uint8Array): Capture {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
		const sink = new ContentSink({ name, maxInputBytes: DEFAULT_LIMITS.maxInputBytes }, null);
		sink.push(new TextEncoder().encode(text));
		const capture = sink.finish();
		capture.notes.unshift('read as UTF-16 text');
		return capture;
	}
	const reader = readerFor(format);
	if (reader.reads !== 'whole') throw new Error(`${format} is read while streaming, not collected`);
	return reader.read(name, bytes);
}

/**
 * Unpacks gzip, zlib or zip while streaming into a ContentSink. When the unpacked content is not a capture,
 * the input is a compressed bare payload: the original bytes are kept so the decoder shows the compression layer.
 */
class UnwrapSink implements CaptureSink {
	private readonly content: ContentSink;
	private raw: Uint8Array[] | null = [];
	private rawLength = 0;
	private unpacked = 0;
	private rawMode = false;
	private readonly push_: (chunk: Uint8Array, final: boolean) => void;
	private zipChosen: string | null = null;
	private readonly zipNames: string[] = [];

	constructor(
		private readonly wrapper: Wrapper,
		private readonly options: Options
	) {
		this.content = new ContentSink(options, wrapper);
		const ondata = (data: Uint8Array): void => this.unpackedChunk(data);
		if (wrapper === 'gzip') {
			const g = new Gunzip((data) => ondata(data));
			this.push_ = (chunk, final) => g.push(chunk, final);
		} else if (wrapper === 'zlib') {
			const z = new Unzlib((data) => ondata(data));
			this.push_ = (chunk, final) => z.push(chunk, final);
		} else {
			const u = new Unzip();
			u.register(UnzipInflate);
			u.onfile = (file) => {
				this.zipNames.push(file.name);
				if (this.zipChosen !== null || !/\.(har|zhar|json)$/i.test(file.name)) return;
				this.zipChosen = file.name;
				file.ondata = (error, data) => {
					if (error) throw error;
					ondata(data);
				};
				file.start();
			};
			this.push_ = (chunk, final) => u.push(chunk, final);
		}
	}

	get entries(): number {
		return this.content.entries;
	}

	partial(): Capture | null {
		return this.content.partial();
	}

	push(chunk: Uint8Array): void {
		if (this.raw) {
			this.raw.push(chunk);
			this.rawLength += chunk.length;
		}
		if (this.rawMode) return;
		this.unpack(chunk, false);
	}

	finish(): Capture {
		if (!this.rawMode) this.unpack(new Uint8Array(0), true);
		if (this.rawMode) return handOver(readPayload(this.options.name, { kind: 'bytes', bytes: concat(this.raw ?? []) }), this.options.onExchange);
		return this.content.finish();
	}

	private unpack(chunk: Uint8Array, final: boolean): void {
		try {
			this.push_(chunk, final);
		} catch (error) {
			if (error instanceof InputError) throw error;
			throw this.corrupt(error, final);
		}
		if (final && this.wrapper === 'zip' && this.zipChosen === null) {
			const names = this.zipNames.slice(0, 5).join(', ') + (this.zipNames.length > 5 ? ', …' : '');
			throw new InputError(`The zip file ${this.options.name} holds no HAR file${names ? ` (it holds ${names})` : ''}`);
		}
		if (final && this.content.format === null) this.content.decide(true);
		this.afterDecision();
	}

	private unpackedChunk(data: Uint8Array): void {
		if (this.rawMode || data.length === 0) return;
		this.unpacked += data.length;
		if (this.unpacked > this.options.maxInputBytes) {
			throw tooLarge(this.options.name, this.options.maxInputBytes, ` unpacked from ${WRAPPER_LABEL[this.wrapper]}`);
		}
		this.content.push(data);
		this.afterDecision();
	}

	private afterDecision(): void {
		const format = this.content.format;
		if (format === null || this.raw === null) return;
		if (format === 'payload' && this.wrapper !== 'zip') {
			// A compressed bare payload: stop unpacking (a bomb stops here too); the decoder peels the original.
			this.rawMode = true;
			return;
		}
		this.raw = null;
	}

	private corrupt(error: unknown, final: boolean): InputError {
		const label = WRAPPER_LABEL[this.wrapper];
		const message = error instanceof Error ? error.message : String(error);
		// Stream decoders only notice a cut-off file when told the input ended.
		const truncated = final;
		try {
			// What was unpacked before the damage is still worth reading.
			if (this.content.format === null) this.content.decide(true);
		} catch {
			// The unpacked start says nothing usable; the wrapper's message stands alone.
		}
		const har = this.content.streamReader;
		const read = har ? ` — ${plural(har.entriesRead, 'complete entry', 'complete entries')} ${har.entriesRead === 1 ? 'was' : 'were'} read` : '';
		const text = truncated
			? `The ${label} file ${this.options.name} ends unexpectedly: the file is truncated${read}`
			: `The ${label} file ${this.options.name} is corrupt: ${message}${read}`;
		if (har) return new PartialCaptureError(text, undefined, har.capture());
		return new InputError(text);
	}
}

