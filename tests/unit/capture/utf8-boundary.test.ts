import { describe, expect, it } from 'vitest';
import { readInChunks } from './helpers';

/**
 * Node's file streams hand over 64 KiB chunks, exactly the sniffing window. A HAR whose 65,536th byte falls
 * inside a multi-byte character (Chinese page titles are common in the captures Telltale exists for) was once
 * taken for binary data: the sniff flushed its UTF-8 decoder in the middle of that character.
 */
function harWithCharacterAcross(boundary: number): Uint8Array {
	const entry = (i: number, title: string) => ({
		startedDateTime: '2024-05-01T10:00:00.000Z',
		time: 1,
		request: { method: 'GET', url: `https://example.com/${i}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'X-Title', value: title }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
		response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: 0 },
		cache: {},
		timings: { send: 0, wait: 1, receive: 0 }
	});
	const build = (pad: number) => {
		const entries = [];
		for (let i = 0; i < 200; i++) entries.push(entry(i, `${'a'.repeat(i === 0 ? pad : 0)}中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题中文标题`));
		return new TextEncoder().encode(JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }));
	};
	// Shift the content a byte at a time until the boundary splits a three-byte character.
	for (let pad = 0; pad < 3; pad++) {
		const bytes = build(pad);
		if ((bytes[boundary]! & 0xc0) === 0x80) return bytes;
	}
	throw new Error('no padding puts a continuation byte at the boundary');
}

describe('a stream whose first chunk ends inside a character', () => {
	it('is still read as the HAR it is', async () => {
		const bytes = harWithCharacterAcross(64 * 1024);
		const capture = await readInChunks('split.har', bytes, [64 * 1024]);
		expect(capture.format).toBe('har');
		expect(capture.exchanges).toHaveLength(200);
	});
});
