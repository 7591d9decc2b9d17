import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { readInChunks } from './helpers';

const layersOf = (text: string) => analyze(readCapture({ name: 'pasted text', bytes: new TextEncoder().encode(text) })).report.exchanges[0]!.layers.join(' › ');

describe('a one-line payload ending with a line break (echo, a terminal paste, a file) reads as the line itself', () => {
	it.each([
		['no line break', 'data=eyJhIjoxfQ%3D%3D'],
		['LF', 'data=eyJhIjoxfQ%3D%3D\n'],
		['CRLF', 'data=eyJhIjoxfQ%3D%3D\r\n']
	])('%s', (_name, text) => {
		expect(layersOf(text)).toBe('form › base64 › json');
	});

	it('from standard input too (the streaming reader)', async () => {
		const capture = await readInChunks('stdin', new TextEncoder().encode('data=eyJhIjoxfQ%3D%3D\n'), [5]);
		expect(capture.exchanges[0]!.parts[0]!.payload).toEqual({ kind: 'text', text: 'data=eyJhIjoxfQ%3D%3D' });
	});

	it('a payload of several lines keeps every line break', () => {
		const text = '{"a":1}\n{"b":2}\n';
		const capture = readCapture({ name: 'events.ndjson', bytes: new TextEncoder().encode(text) });
		expect(capture.exchanges[0]!.parts[0]!.payload).toEqual({ kind: 'text', text });
	});
});
