import { InputError } from '../errors';

const encoder = new TextEncoder();

/**
 * Turns a JSON.parse failure into an InputError that says where, in bytes, as a user counts them in a file.
 * V8 reports positions in UTF-16 code units; we convert them.
 */
export function jsonSyntaxError(text: string, error: unknown, what: string): InputError {
	const message = error instanceof Error ? error.message : String(error);
	const totalBytes = encoder.encode(text).length;
	if (/Unexpected end of JSON input|Unterminated string/i.test(message) && !/position \d+/.test(message)) {
		return new InputError(`${what} ends unexpectedly at byte ${totalBytes.toLocaleString('en-US')}: the file is truncated`, `byte ${totalBytes}`);
	}
	const position = /position (\d+)/.exec(message);
	if (position) {
		const at = Number(position[1]);
		const byte = encoder.encode(text.slice(0, at)).length;
		if (at >= text.length - 1 && /end|Unterminated|Expected/.test(message)) {
			return new InputError(`${what} ends unexpectedly at byte ${totalBytes.toLocaleString('en-US')}: the file is truncated`, `byte ${totalBytes}`);
		}
		const detail = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
		return new InputError(`${what} is not valid JSON at byte ${byte.toLocaleString('en-US')}: ${detail}`, `byte ${byte}`);
	}
	return new InputError(`${what} is not valid JSON: ${message}`);
}
