import { describe, expect, it } from 'vitest';
import { CAPTURE_READERS, FALLBACK_READER, readerFor } from '../../../src/lib/core/capture/readers';
import { fixture } from './helpers';

const startOf = (path: string) => new TextDecoder().decode(fixture(path).subarray(0, 64 * 1024)).replace(/^\ufeff/, '').trimStart();

/** One fixture per reader: each is claimed by its own reader and by no other, so the order of the list is not what decides. */
const OWN_FIXTURE = {
	har: 'har/mitmproxy/chrome.har',
	http: 'capture/sensors-request-response.http',
	curl: 'capture/chrome-bash.curl.txt',
	burp: 'capture/burp-items.xml'
} as const;

describe('capture reader registry', () => {
	it('has one reader per id', () => {
		const ids = [...CAPTURE_READERS, FALLBACK_READER].map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(Object.entries(OWN_FIXTURE))('%s: only its reader claims its fixture', (id, path) => {
		const claimants = CAPTURE_READERS.filter((reader) => reader.sniff(startOf(path))).map((r) => r.id);
		expect(claimants).toEqual([id]);
	});

	it('PowerShell and cmd-flavoured curl are claimed by the curl reader', () => {
		for (const path of ['capture/chrome.powershell.txt', 'capture/chrome-cmd.curl.txt']) expect(CAPTURE_READERS.filter((r) => r.sniff(startOf(path))).map((r) => r.id)).toEqual(['curl']);
	});

	it('leaves what none claims to the bare-payload reader', () => {
		expect(CAPTURE_READERS.some((reader) => reader.sniff('data=eyJhIjoxfQ%3D%3D'))).toBe(false);
		expect(readerFor('payload')).toBe(FALLBACK_READER);
	});
});
