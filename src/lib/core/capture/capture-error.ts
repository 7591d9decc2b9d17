/** A reading error that still produced something: the app shows what was read, the command line says how much. */
import type { Capture } from '../model';
import { InputError } from '../errors';

export class PartialCaptureError extends InputError {
	constructor(
		message: string,
		location: string | undefined,
		/** Everything read before the problem (possibly no exchanges). */
		readonly partial: Capture
	) {
		super(message, location);
		// Keeps `isInputError` true after a structured clone across the worker boundary.
		this.name = 'InputError';
	}
}

export function isPartialCaptureError(error: unknown): error is PartialCaptureError {
	return error instanceof PartialCaptureError || (typeof error === 'object' && error !== null && 'partial' in error && (error as { name?: unknown }).name === 'InputError');
}

/** "12,345" — how byte offsets and counts are written in messages. */
export function count(n: number): string {
	return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${count(n)} ${n === 1 ? one : many}`;
}
