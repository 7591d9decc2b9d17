import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	SHARE_INBOX_CACHE,
	SHARE_INBOX_FILE,
	SHARE_INBOX_META,
	SHARE_TARGET_PATH,
	SHARED_QUERY,
	sharedInput,
	type ShareMeta,
	type SharedInput
} from '../../../src/lib/pwa/shared-inbox';

describe('what a share opens', () => {
	const text = (value: string, name: string, ignored: string[] = []): SharedInput => ({ kind: 'text', text: value, name, ignored });
	const cases: [string, ShareMeta, SharedInput][] = [
		['text alone', { title: '', text: 'eyJhIjoxfQ==', url: '' }, text('eyJhIjoxfQ==', 'shared text')],
		['a link alone (its query is often the payload)', { text: '', url: 'https://t.example/c?d=1' }, text('https://t.example/c?d=1', 'shared link')],
		['text and a link it does not contain: both', { text: 'look', url: 'https://t.example/?x=1' }, text('look\nhttps://t.example/?x=1', 'shared text')],
		['text that already holds the link: the text', { text: 'see https://t.example/?x=1', url: 'https://t.example/?x=1' }, text('see https://t.example/?x=1', 'shared text')],
		['only a title', { title: 'eyJhIjoxfQ==' }, text('eyJhIjoxfQ==', 'shared title')],
		['whitespace only: empty', { text: '  \n', url: ' ' }, { kind: 'error', message: 'The share arrived empty: no text, link or file came with it.' }],
		['nothing at all', {}, { kind: 'error', message: 'The share arrived empty: no text, link or file came with it.' }],
		['a broken form', { error: 'bad boundary' }, { kind: 'error', message: 'The shared item could not be read: bad boundary' }],
		['non-string members are ignored', { text: 42 as unknown as string, url: 'u', ignoredFiles: ['a', 7 as unknown as string] }, text('u', 'shared link', ['a'])]
	];
	it.each(cases)('%s', (_name, meta, expected) => {
		expect(sharedInput(meta, null)).toEqual(expected);
	});

	it('a file wins over text and keeps its name and type; further files are named', async () => {
		const input = sharedInput({ text: 'ignored caption', file: { name: 'capture.har', type: 'application/json' }, ignoredFiles: ['b.har'] }, new Blob(['{"log":{}}']));
		expect(input.kind).toBe('file');
		if (input.kind !== 'file') return;
		expect(input.file.name).toBe('capture.har');
		expect(input.file.type).toBe('application/json');
		expect(await input.file.text()).toBe('{"log":{}}');
		expect(input.ignored).toEqual(['b.har']);
	});

	it('a file named in the meta whose bytes are gone falls back to the text', () => {
		expect(sharedInput({ text: 'abc', file: { name: 'x.har', type: '' } }, null)).toEqual(text('abc', 'shared text'));
	});
});

describe('the service worker and the page agree on the inbox', () => {
	const worker = readFileSync(new URL('../../../static/share-target.js', import.meta.url), 'utf8');
	it.each([
		['SHARE_TARGET_PATH', SHARE_TARGET_PATH],
		['SHARE_INBOX_CACHE', SHARE_INBOX_CACHE],
		['SHARE_INBOX_META', SHARE_INBOX_META],
		['SHARE_INBOX_FILE', SHARE_INBOX_FILE],
		['SHARED_QUERY', SHARED_QUERY]
	])('%s', (name, value) => {
		expect(worker).toContain(`const ${name} = '${value}';`);
	});
});
