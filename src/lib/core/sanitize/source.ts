/**
 * The capture as HAR entries, whatever it was. A HAR is scanned entry by entry (capture/har-scanner.ts) and
 * each entry kept as written, so every field a tool wrote (pages, `_initiator`, timings, cache) goes back out;
 * only one entry at a time is parsed. Anything else (raw HTTP, curl, Burp XML, a bare payload, a wrapped
 * HAR) is read by the capture readers and each exchange written as a HAR 1.2 entry (har-entry-from.ts).
 */
import type { Exchange } from '../model';
import { InputError } from '../errors';
import { readCapture } from '../capture/sniff';
import { formatOfText, wrapperOf } from '../capture/formats';
import { HarScanner, HarScanProblem } from '../capture/har-scanner';
import { exchangeFromHarEntry, newTally, type HarTally } from '../capture/har-entry';
import { harEntryFrom } from './har-entry-from';

export interface SanitizeInput {
	/** The file's name (decides nothing but a HAR by name and the messages). */
	name: string;
	bytes: Uint8Array;
}

export type HarObject = Record<string, unknown>;

export interface EntrySource {
	format: string;
	/** `log` members other than `entries` (version, creator, browser, comment, pages), as written. */
	log: HarObject;
	count: number;
	/** Entry `i` parsed afresh (the sanitizer reads each twice and keeps neither). */
	entry(i: number): { entry: HarObject; exchange: Exchange };
}

const decoder = new TextDecoder();
const SNIFF_BYTES = 64 * 1024;

export function entrySource(input: SanitizeInput): EntrySource {
	const { bytes, name } = input;
	if (bytes.length === 0) throw new InputError(`${name} is empty`);
	const wrapped = wrapperOf(bytes.subarray(0, 4)) !== null;
	const head = decoder.decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\ufeff/, '');
	if (!wrapped && formatOfText(head, name) === 'har') return harSource(input);
	return exchangeSource(input);
}

function harSource({ name, bytes }: SanitizeInput): EntrySource {
	const slices: Uint8Array[] = [];
	const log: HarObject = {};
	const scanner = new HarScanner({
		entry: (b) => {
			slices.push(b);
		},
		tryEntry: (b) => {
			try {
				JSON.parse(decoder.decode(b));
			} catch {
				return false;
			}
			slices.push(b);
			return true;
		},
		member: (key, b) => {
			try {
				log[key] = JSON.parse(decoder.decode(b));
			} catch {
				// A malformed member is left out; the entries are what matters.
			}
		}
	});
	try {
		scanner.push(bytes);
		scanner.finish();
	} catch (error) {
		if (error instanceof HarScanProblem) throw new InputError(`${name}: ${error.detail} (byte ${error.at})`, `byte ${error.at}`);
		throw error;
	}
	if (slices.length === 0) throw new InputError('The HAR has no entries', 'log.entries');
	const tally: HarTally = newTally();
	return {
		format: 'har',
		log,
		count: slices.length,
		entry(i) {
			let entry: unknown;
			try {
				entry = JSON.parse(decoder.decode(slices[i]!));
			} catch {
				throw new InputError(`entry ${i + 1} of ${name} is not valid JSON`, `log.entries[${i}]`);
			}
			const object: HarObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as HarObject) : {};
			return { entry: object, exchange: exchangeFromHarEntry(object, i, tally) };
		}
	};
}

function exchangeSource(input: SanitizeInput): EntrySource {
	const capture = readCapture(input);
	const entries = capture.exchanges.map(harEntryFrom);
	const tally: HarTally = newTally();
	return {
		format: capture.format,
		log: {},
		count: entries.length,
		entry(i) {
			// A copy: the sanitizer writes into the entry it is given, and reads each twice.
			const entry = structuredClone(entries[i]!);
			return { entry, exchange: exchangeFromHarEntry(entry, i, tally) };
		}
	};
}
