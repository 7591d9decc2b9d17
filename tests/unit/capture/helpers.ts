import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Capture, Exchange, Part } from '../../../src/lib/core/model';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { readCaptureStream } from '../../../src/lib/core/capture/stream';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Every fixture file below `dir` (licence and source notes left out). */
export function fixtureFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? fixtureFiles(join(dir, name)) : /LICENSE|SOURCES/.test(name) ? [] : [join(dir, name)]));
}

export function fixture(path: string): Uint8Array {
	return new Uint8Array(readFileSync(FIXTURES + path));
}

export function read(path: string): Capture {
	return readCapture({ name: path.split('/').pop()!, bytes: fixture(path) });
}

export function readText(name: string, text: string): Capture {
	return readCapture({ name, bytes: new TextEncoder().encode(text) });
}

/** Feeds `bytes` in chunks of the given sizes (cycled) through the streaming reader. */
export async function readInChunks(name: string, bytes: Uint8Array, sizes: number[]): Promise<Capture> {
	async function* chunks(): AsyncGenerator<Uint8Array> {
		let i = 0;
		let k = 0;
		while (i < bytes.length) {
			const n = Math.max(1, sizes[k++ % sizes.length]!);
			yield bytes.slice(i, i + n);
			i += n;
		}
	}
	return readCaptureStream(chunks(), { name, size: bytes.length });
}

export function part(exchange: Exchange, name: string): Part {
	const found = exchange.parts.find((p) => p.name === name);
	if (!found) throw new Error(`no part ${name} in ${exchange.parts.map((p) => p.name).join(', ')}`);
	return found;
}

export function textOf(p: Part): string {
	return p.payload.kind === 'text' ? p.payload.text : new TextDecoder().decode(p.payload.bytes);
}

export function caught(fn: () => unknown): Error {
	try {
		fn();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error');
}
