import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { digestOf } from '../../../src/lib/core/report/capture-digest';
import { compareCaptures } from '../../../src/lib/core/report/compare';
import { isInputError } from '../../../src/lib/core/errors';
import { VERSION } from '../../../src/lib/core/version';
import {
	BlobWriter,
	compareSources,
	previewChanges,
	previewSanitize,
	readable,
	runJob,
	webCryptoSha256,
	WEBCRYPTO_MAX_BYTES,
	writeReport,
	type OnProgress
} from '../../../src/lib/workers/export-handlers';
import { exportFileName, type JobSource } from '../../../src/lib/workers/export-protocol';
import type { WorkerResponse } from '../../../src/lib/workers/protocol';
import { FIXTURES } from '../capture/helpers';
import { harBytes } from '../classify/helpers';

const SETTINGS = { known: [], userLists: [] };
const AT = '2024-05-01T12:00:00.000Z';
const IMEI = '490154203237518';
const noProgress: OnProgress = () => undefined;

const fixture = (path: string) => new Uint8Array(readFileSync(FIXTURES + path));
const fileOf = (name: string, bytes: Uint8Array): JobSource => ({ kind: 'file', file: new File([bytes as Uint8Array<ArrayBuffer>], name) });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('export file names', () => {
	it.each([
		['capture.har', 'html', 'capture.telltale.html'],
		['capture.har.gz', 'md', 'capture.telltale.md'],
		['dir/sub\\session.zhar', 'json', 'session.telltale.json'],
		['pasted text', 'html', 'pasted text.telltale.html'],
		['a<b>:"c|?*.har', 'json', 'a_b_c_.telltale.json'],
		['..hidden.har', 'har', 'hidden.sanitized.har'],
		['\u0000\u0007', 'md', 'capture.telltale.md'],
		['', 'html', 'capture.telltale.html'],
		['x'.repeat(300) + '.har', 'md', 'x'.repeat(120) + '.telltale.md']
	] as const)('%j as %s → %j', (name, format, expected) => {
		expect(exportFileName(name, format)).toBe(expected);
	});
});

describe('readable sources', () => {
	it('hands pasted text over in slices that join to its UTF-8 bytes, and reads again on every pass', async () => {
		const text = 'é'.repeat(600_000);
		const input = readable({ kind: 'text', name: 'pasted text', text });
		const read = async () => {
			const chunks: Uint8Array[] = [];
			for await (const chunk of input.open()) chunks.push(chunk);
			return chunks;
		};
		const first = await read();
		expect(first.length).toBe(2);
		expect(Buffer.concat(first).toString('utf8')).toBe(text);
		expect(input.size).toBe(1_200_000);
		expect(Buffer.concat(await read()).equals(Buffer.concat(first))).toBe(true);
	});
});

describe('BlobWriter', () => {
	it('joins strings and bytes in order across flushes', async () => {
		const writer = new BlobWriter(4);
		for (const piece of ['ab', '', 'cde', new TextEncoder().encode('fg'), 'hé']) writer.write(piece);
		expect(writer.length).toBe(9);
		const blob = writer.finish('text/plain');
		expect(blob.type).toBe('text/plain');
		expect(await blob.text()).toBe('abcdefghé');
	});
});

describe('writeReport', () => {
	const bytes = fixture('capture/quirks.har');

	it('JSON: the report the core makes of the same input (the CLI contract), named after the capture', async () => {
		const { blob, fileName } = await writeReport(fileOf('quirks.har', bytes), 'json', SETTINGS, AT, noProgress);
		expect(fileName).toBe('quirks.telltale.json');
		expect(blob.type).toBe('application/json');
		expect(JSON.parse(await blob.text())).toEqual(JSON.parse(JSON.stringify(analyze(readCapture({ name: 'quirks.har', bytes })).report)));
	});

	it('HTML: records the input SHA-256, name, size, version and date, and holds no script', async () => {
		const progress: [string, number, number][] = [];
		const { blob, fileName } = await writeReport(fileOf('quirks.har', bytes), 'html', SETTINGS, AT, (phase, done, total) => progress.push([phase, done, total]));
		const html = await blob.text();
		expect(fileName).toBe('quirks.telltale.html');
		expect(html).toContain(sha256(bytes));
		expect(html).toContain('quirks.har');
		expect(html).toContain(`${bytes.length.toLocaleString('en-US')} bytes`);
		expect(html).toContain(VERSION);
		expect(html).toContain(AT);
		expect(html).not.toMatch(/<script/i);
		// Hashing, then the counting pass, then the analysing pass, each to the end of the input.
		expect(progress[0]![0]).toBe('hashing');
		expect(progress.filter(([phase, done]) => phase === 'reading' && done === bytes.length)).toHaveLength(1);
		expect(progress.at(-1)).toEqual(['decoding', bytes.length, bytes.length]);
	});

	it('Markdown: the SHA-256 of pasted text is that of its UTF-8 bytes', async () => {
		const text = new TextDecoder().decode(bytes);
		const { blob, fileName } = await writeReport({ kind: 'text', name: 'pasted text', text }, 'md', SETTINGS, AT, noProgress);
		expect(fileName).toBe('pasted text.telltale.md');
		const md = await blob.text();
		expect(md).toMatch(/^# /m);
		expect(md).toContain(sha256(new TextEncoder().encode(text)));
	});

	it('a broken capture fails with the input error, not a file', async () => {
		const error = await writeReport(fileOf('broken.har', new TextEncoder().encode('{"log":{"entries":[{"request":')), 'json', SETTINGS, AT, noProgress).then(
			() => null,
			(e: unknown) => e
		);
		expect(isInputError(error)).toBe(true);
	});

	it('leaves hashing to the stream past the WebCrypto size', async () => {
		expect(await webCryptoSha256({ kind: 'text', name: 't', text: 'abc' }, WEBCRYPTO_MAX_BYTES + 1)).toBeNull();
		expect(await webCryptoSha256({ kind: 'text', name: 't', text: 'abc' }, 3)).toBe(sha256(new TextEncoder().encode('abc')));
	});
});

describe('compareSources', () => {
	const har = (idfa: string) => harBytes([0, 1].map((i) => ({ url: `https://t${i}.tracker.test/c?imei=${IMEI}&idfa=${idfa}` })));
	const a = har('6D92078A-8246-4BA4-AE5B-76104861E7DC');
	const b = har('0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5');
	const expected = compareCaptures(digestOf(analyze(readCapture({ name: 'a.har', bytes: a })).report), digestOf(analyze(readCapture({ name: 'b.har', bytes: b })).report));

	it('is telltale compare of the two inputs, and gives back the first digest to reuse', async () => {
		const steps = new Set<string | undefined>();
		const { comparison, digestA } = await compareSources(fileOf('a.har', a), fileOf('b.har', b), SETTINGS, (_p, _d, _t, step) => steps.add(step));
		expect(comparison).toEqual(expected);
		expect(comparison.persisted.map((p) => p.value)).toEqual([IMEI]);
		expect(comparison.changed.map((c) => [c.type, c.kind])).toEqual([['ad.advertising_id', 'reset']]);
		expect([...steps]).toEqual(['First capture', 'Second capture']);
		const again = await compareSources({ kind: 'digest', digest: digestA }, fileOf('b.har', b), SETTINGS, (_p, _d, _t, step) => steps.add(step ?? 'none'));
		expect(again.comparison).toEqual(expected);
	});

	it('names the capture that could not be read', async () => {
		await expect(compareSources(fileOf('a.har', a), fileOf('bad.har', new TextEncoder().encode('{"log":{"entries":[{')), SETTINGS, noProgress)).rejects.toThrow(/^Second capture \(bad\.har\): /);
	});
});

describe('runJob', () => {
	const run = async (request: Parameters<typeof runJob>[0]) => {
		const posted: WorkerResponse[] = [];
		const failed: unknown[] = [];
		await runJob(request, (m) => posted.push(m), (_id, error) => failed.push(error));
		return { posted, failed };
	};

	it('answers an export with its file after progress in bytes', async () => {
		const { posted, failed } = await run({ type: 'export', id: 7, source: fileOf('q.har', fixture('capture/quirks.har')), format: 'md', settings: SETTINGS, analysedAt: AT });
		expect(failed).toEqual([]);
		const last = posted.at(-1)!;
		expect(last).toMatchObject({ type: 'file', id: 7, fileName: 'q.telltale.md' });
		expect(posted.slice(0, -1).every((m) => m.type === 'progress' && m.unit === 'bytes' && m.id === 7)).toBe(true);
	});

	it('previews what the sanitized HAR masks, then writes a HAR that holds none of it', async () => {
		const source = fileOf('q.har', fixture('capture/quirks.har'));
		const preview = await run({ type: 'preview-sanitize', id: 1, source, choice: { mask: 'all', keepTypes: [] } });
		expect(preview.failed).toEqual([]);
		const answer = preview.posted.at(-1)!;
		expect(answer.type).toBe('sanitize-preview');
		const changes = answer.type === 'sanitize-preview' ? answer.preview : null;
		expect(changes!.total).toBeGreaterThan(0);
		// The totals count every change, listed or not.
		expect(changes!.byKind.reduce((sum, k) => sum + k.count, 0)).toBe(changes!.total);
		expect(changes!.changes.length).toBe(Math.min(changes!.total, 200));
		expect(changes!.changes.every((c) => /\(was .+\)|\(replaced whole/.test(c.placeholder))).toBe(true);
		const written = await run({ type: 'export-har', id: 2, source, choice: { mask: 'all', keepTypes: [] } });
		expect(written.failed).toEqual([]);
		const file = written.posted.at(-1)!;
		expect(file).toMatchObject({ type: 'file', id: 2, fileName: 'q.sanitized.har' });
		const har = JSON.parse(await (file as { blob: Blob }).blob.text()) as { log: { entries: unknown[]; comment?: string } };
		expect(har.log.entries.length).toBeGreaterThan(0);
		expect(JSON.stringify(har.log)).toContain('Sanitized by Telltale');
	});
});

describe('previewChanges', () => {
	it('counts every change by kind and keeps the first 200 in order', async () => {
		const changes = Array.from({ length: 250 }, (_, i) => ({ exchange: i, where: `query.q${i}`, what: i % 5 === 0 ? 'Cookie' : 'IMEI', placeholder: `X-${i}` }));
		const preview = await previewChanges(changes);
		expect(preview.total).toBe(250);
		expect(preview.byKind).toEqual([
			{ what: 'IMEI', count: 200 },
			{ what: 'Cookie', count: 50 }
		]);
		expect(preview.changes).toHaveLength(200);
		expect(preview.changes[199]!.exchange).toBe(199);
	});
});

describe('the sanitized HAR preview of a big capture', () => {
	it('lists the first 200 changes but counts all of them', async () => {
		const entries = Array.from({ length: 150 }, (_, i) => ({
			startedDateTime: '2024-01-01T00:00:00.000Z',
			time: 1,
			request: { method: 'GET', url: `https://t.example-tracker.com/c?imei=49015420323751${i % 10}&email=user${i}%40example.org&idfa=6D92078A-8246-4BA4-AE5B-7610486${String(i).padStart(5, '0')}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
			response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: 0 },
			cache: {},
			timings: { send: 0, wait: 1, receive: 0 }
		}));
		const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
		const preview = await previewSanitize({ kind: 'text', name: 'big.har', text }, { mask: 'all', keepTypes: [] });
		expect(preview.changes).toHaveLength(200);
		expect(preview.total).toBeGreaterThan(300);
		expect(preview.byKind.reduce((sum, k) => sum + k.count, 0)).toBe(preview.total);
	});
});
