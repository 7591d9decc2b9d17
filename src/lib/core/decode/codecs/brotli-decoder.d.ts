/** Types for the decoder half of the `brotli` package (plain CommonJS, no types of its own). */
declare module 'brotli/dec/decode.js' {
	export interface BrotliReadable {
		/** Copies up to `count` bytes into `buffer` at `offset`; returns how many were copied. */
		read(buffer: Uint8Array, offset: number, count: number): number;
	}
	export interface BrotliWritable {
		/**
		 * The decoder grows this buffer before each meta-block when it is shorter than the output so far;
		 * a sink that streams its output passes `{ length: Infinity }` so nothing is allocated.
		 */
		buffer: { length: number };
		/** Receives the first `count` bytes of `buffer` (a buffer the decoder reuses). */
		write(buffer: Uint8Array, count: number): number;
	}
	export function BrotliDecompress(input: BrotliReadable, output: BrotliWritable): void;
}
