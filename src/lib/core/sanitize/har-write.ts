/**
 * HAR 1.2 as text pieces: the `log` head, then one piece per entry, then the tail. No piece holds more than
 * one entry, so a capture of any size is written without one giant string (an entry is as big as the input's).
 */
import { VERSION } from '../version';
import type { HarObject } from './source';

/** What the HAR's `log` says before its entries: the input's own members, version 1.2 and a comment saying what was done. */
export function harHead(log: HarObject, comment: string): string {
	const head: HarObject = {
		version: '1.2',
		creator: isObject(log.creator) ? log.creator : { name: 'Telltale', version: VERSION },
		...(isObject(log.browser) ? { browser: log.browser } : {}),
		...(Array.isArray(log.pages) ? { pages: log.pages } : {}),
		comment: typeof log.comment === 'string' && log.comment ? `${log.comment}\n${comment}` : comment
	};
	const text = JSON.stringify({ log: head });
	// `{"log":{…}}` opened again just before its last two braces, for the entries.
	return `${text.slice(0, -2)},"entries":[\n`;
}

export function harEntryText(entry: HarObject, first: boolean): string {
	return (first ? '' : ',\n') + JSON.stringify(entry);
}

export const HAR_TAIL = '\n]}}\n';

function isObject(v: unknown): v is HarObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
