/**
 * One Budget bounds everything that can grow: decoding depth, bytes produced, nodes and time.
 * Where a limit stops work, the caller records it on the node instead of failing the whole input.
 */
import { formatBytes } from './shared/bytes';

export interface Limits {
	/** Codec layers stacked on one value (base64 › gzip › json is 3). */
	maxLayers: number;
	/** Codec attempts (decode calls) the peeler may spend on one leaf before settling for the best so far. */
	maxSearchSteps: number;
	/** Nesting of structure (JSON, protobuf, …) converted into nodes. */
	maxStructureDepth: number;
	/** Bytes one codec may produce from one input. */
	maxBytesPerNode: number;
	/** Bytes all codecs together may produce for one input. */
	maxTotalBytes: number;
	/** Output / input ratio a decompressor may reach before it is called a bomb. */
	maxRatio: number;
	/** Decoded nodes for one input. */
	maxNodes: number;
	/** Wall-clock time for one input, in milliseconds. */
	maxMillis: number;
	/** Largest input accepted at all (a file or a paste), in bytes. */
	maxInputBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
	maxLayers: 12,
	maxSearchSteps: 48,
	maxStructureDepth: 256,
	maxBytesPerNode: 32 * 1024 * 1024,
	maxTotalBytes: 64 * 1024 * 1024,
	maxRatio: 1000,
	maxNodes: 500_000,
	maxMillis: 10_000,
	maxInputBytes: 1024 * 1024 * 1024
});

export type LimitName = 'layers' | 'structure-depth' | 'bytes-per-node' | 'total-bytes' | 'ratio' | 'nodes' | 'time' | 'input-size';

/** Thrown by Budget when a limit is reached; decoders catch it and record `limit` on the node. */
export class LimitExceeded extends Error {
	constructor(
		readonly limit: LimitName,
		message: string
	) {
		super(message);
		this.name = 'LimitExceeded';
	}
}

const now: () => number =
	typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

export class Budget {
	readonly limits: Readonly<Limits>;
	private readonly startedAt: number;
	bytesProduced = 0;
	nodes = 0;

	constructor(limits: Partial<Limits> = {}, private readonly clock: () => number = now) {
		// Nothing changes limits after construction: budgets with the defaults share one object (a capture makes one per part).
		this.limits = Object.keys(limits).length === 0 ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...limits };
		this.startedAt = clock();
	}

	elapsedMillis(): number {
		return this.clock() - this.startedAt;
	}

	timeIsUp(): boolean {
		return this.elapsedMillis() > this.limits.maxMillis;
	}

	checkTime(): void {
		if (this.timeIsUp()) {
			throw new LimitExceeded('time', `time limit reached (${this.limits.maxMillis} ms)`);
		}
	}

	/** The most bytes a codec may produce now from `inputBytes` of input. */
	allowanceFor(inputBytes: number): number {
		const byRatio = Math.max(inputBytes, 1024) * this.limits.maxRatio;
		const left = this.limits.maxTotalBytes - this.bytesProduced;
		return Math.max(0, Math.min(this.limits.maxBytesPerNode, byRatio, left));
	}

	/** Records bytes produced by a codec; throws when a byte limit is passed. */
	spendBytes(count: number, inputBytes: number): void {
		if (count > this.limits.maxBytesPerNode) {
			throw new LimitExceeded('bytes-per-node', `output larger than ${formatBytes(this.limits.maxBytesPerNode)}`);
		}
		if (inputBytes > 0 && count > Math.max(inputBytes, 1024) * this.limits.maxRatio) {
			throw new LimitExceeded('ratio', `expands more than ${this.limits.maxRatio}× (likely a decompression bomb)`);
		}
		if (this.bytesProduced + count > this.limits.maxTotalBytes) {
			throw new LimitExceeded('total-bytes', `decoded output passed ${formatBytes(this.limits.maxTotalBytes)} in total`);
		}
		this.bytesProduced += count;
	}

	/**
	 * Charges the bytes a remembered decode once recorded, when they still fit the total; false, charging
	 * nothing, when they do not (the decode must then run again, so the limit stops it where it would).
	 */
	replay(bytes: number): boolean {
		if (bytes !== 0 && this.bytesProduced + bytes > this.limits.maxTotalBytes) return false;
		this.bytesProduced += bytes;
		return true;
	}

	spendNode(): void {
		this.nodes += 1;
		if (this.nodes > this.limits.maxNodes) {
			throw new LimitExceeded('nodes', `more than ${this.limits.maxNodes.toLocaleString('en-US')} decoded values`);
		}
	}
}
