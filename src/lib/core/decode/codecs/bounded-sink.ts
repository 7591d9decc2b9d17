/**
 * Collects a decompressor's output chunk by chunk and stops it the moment the output passes what the
 * Budget allows for this input, so a bomb never gets to allocate its full size.
 */
import { LimitExceeded } from '../../limits';
import type { DecodeContext } from '../codec';

export class BoundedSink {
	private readonly chunks: Uint8Array[] = [];
	private readonly allowance: number;
	size = 0;

	constructor(
		private readonly ctx: DecodeContext,
		private readonly inputLength: number
	) {
		this.allowance = ctx.budget.allowanceFor(inputLength);
	}

	/** Bytes the output may still grow by before the allowance is passed. */
	get remaining(): number {
		return this.allowance - this.size;
	}

	/** Takes one chunk; throws LimitExceeded (with the limit's own name) once the output is too large. */
	push(chunk: Uint8Array): void {
		if (chunk.length === 0) return;
		this.size += chunk.length;
		if (this.size > this.allowance) this.overflow();
		// The sink keeps the chunk as is: callers whose library reuses its buffer must pass a copy.
		this.chunks.push(chunk);
	}

	/** Throws for an output that is known to be too large before it is produced (a declared size, a window). */
	refuse(declaredSize: number): void {
		if (declaredSize > this.allowance) {
			this.size = declaredSize;
			this.overflow();
		}
	}

	/** The whole output, recorded against the budget. */
	finish(): Uint8Array {
		this.ctx.budget.spendBytes(this.size, this.inputLength);
		return this.joined();
	}

	private joined(): Uint8Array {
		if (this.chunks.length === 1) return this.chunks[0]!;
		const out = new Uint8Array(this.size);
		let at = 0;
		for (const c of this.chunks) {
			out.set(c, at);
			at += c.length;
		}
		return out;
	}

	private overflow(): never {
		// spendBytes applies the same three limits as allowanceFor and names the one that was passed.
		this.ctx.budget.spendBytes(this.size, this.inputLength);
		throw new LimitExceeded('bytes-per-node', `output passed the ${this.allowance.toLocaleString('en-US')}-byte allowance for this input`);
	}
}
