import { describe, expect, it } from 'vitest';
import { readLaunchedFiles, type LaunchedHandle } from '../../../src/lib/pwa/launch-queue';
import { leftOutNote } from '../../../src/lib/pwa/left-out';

const fileHandle = (name: string, content = 'x'): LaunchedHandle => ({ kind: 'file', name, getFile: async () => new File([content], name) });

describe('reading a launch', () => {
	it('reads file handles in order and names what it could not read', async () => {
		const launched = await readLaunchedFiles({
			files: [
				fileHandle('a.har', '{}'),
				{ kind: 'directory', name: 'captures' },
				{ kind: 'file', name: 'gone.har', getFile: () => Promise.reject(new DOMException('NotFoundError')) },
				fileHandle('b.curl')
			]
		});
		expect(launched.files.map((file) => file.name)).toEqual(['a.har', 'b.curl']);
		expect(await launched.files[0]?.text()).toBe('{}');
		expect(launched.unreadable).toEqual(['captures', 'gone.har']);
	});

	it('a launch without files is empty', async () => {
		expect(await readLaunchedFiles({ files: [] })).toEqual({ files: [], unreadable: [] });
	});
});

describe('what is said about files left out', () => {
	it.each<[string | null, string[], string | null]>([
		['a.har', [], null],
		['a.har', ['b.har'], 'Opened “a.har”. Telltale opens one capture at a time, so “b.har” was not opened.'],
		['a.har', ['b.har', 'c.txt'], 'Opened “a.har”. Telltale opens one capture at a time, so “b.har”, “c.txt” were not opened.'],
		[null, ['dir'], 'Nothing could be opened: “dir” could not be read.']
	])('%s + %j', (opened, leftOut, expected) => {
		expect(leftOutNote(opened, leftOut)).toBe(expected);
	});
});
