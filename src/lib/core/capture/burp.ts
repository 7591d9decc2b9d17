/**
 * Burp Suite's "Save items" XML: `<items><item>…<request base64="true">…</request>…</item></items>`.
 * Requests and responses are raw HTTP messages, usually base64; they go through the raw HTTP reader.
 */
import type { Capture, Exchange } from '../model';
import { InputError } from '../errors';
import { strictBase64 } from './base64-text';
import { exchangeFromMessages, parseHttpMessages, type HttpMessage } from './http';
import { parseCaptureTime } from './dates';
import { count } from './capture-error';
import { lenientText as textOf, type WholeCaptureReader } from './reader';

const ITEM = /<item>([\s\S]*?)<\/item>/g;
const encoder = new TextEncoder();

export function readBurp(name: string, xml: string): Capture {
	const exchanges: Exchange[] = [];
	ITEM.lastIndex = 0;
	for (let m = ITEM.exec(xml); m !== null; m = ITEM.exec(xml)) {
		exchanges.push(readItem(m[1]!, exchanges.length, m.index));
	}
	if (exchanges.length === 0) {
		if (/<item>/.test(xml)) throw new InputError(`The Burp export ${name} ends inside its first <item>: the file is truncated`);
		throw new InputError(`The Burp export ${name} has no items`);
	}
	const version = /<items[^>]*\sburpVersion="([^"]*)"/.exec(xml)?.[1];
	const notes = version ? [`written by Burp Suite ${version}`] : [];
	if (!/<\/items>\s*$/.test(xml)) notes.push('the export does not end with </items>: it may be truncated');
	return { name, format: 'burp', exchanges, notes };
}

function readItem(item: string, index: number, at: number): Exchange {
	const notes: string[] = [];
	const request = message(item, 'request', index, notes);
	const response = message(item, 'response', index, notes);
	const url = field(item, 'url')?.text || null;
	const protocol = field(item, 'protocol')?.text || null;
	let startedAt: string | null = null;
	const time = field(item, 'time')?.text;
	if (time) {
		startedAt = burpTime(time);
		if (startedAt === null) notes.push(`time "${time}" has a time zone name Telltale cannot convert; not used`);
	}
	if (!request) notes.push(`item ${index + 1} (at character ${count(at)}) has no request`);
	const exchange = exchangeFromMessages(index, { request, response, url, scheme: protocol, startedAt, notes });
	if (exchange.status === null) {
		const status = Number(field(item, 'status')?.text);
		if (Number.isInteger(status) && status > 0) exchange.status = status;
	}
	if (exchange.method === null) exchange.method = field(item, 'method')?.text || null;
	return exchange;
}

function message(item: string, tag: 'request' | 'response', index: number, notes: string[]): HttpMessage | null {
	const f = field(item, tag);
	if (!f || f.text.length === 0) return null;
	let bytes: Uint8Array;
	if (f.attributes.includes('base64="true"')) {
		const decoded = strictBase64(f.text);
		if (!decoded) {
			notes.push(`the ${tag} says base64 but is not; read as text`);
			bytes = encoder.encode(f.text);
		} else bytes = decoded;
	} else bytes = encoder.encode(f.text);
	try {
		const messages = parseHttpMessages(bytes, `The ${tag} of Burp item ${index + 1}`);
		return messages[0] ?? null;
	} catch (error) {
		if (error instanceof InputError) {
			notes.push(error.message);
			return null;
		}
		throw error;
	}
}

interface Field {
	attributes: string;
	text: string;
}

function field(item: string, tag: string): Field | null {
	const m = new RegExp(`<${tag}(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(item);
	if (!m) return null;
	return { attributes: m[1] ?? '', text: xmlText(m[2] ?? '') };
}

/** Element content: CDATA sections verbatim (Burp splits content holding `]]>` over several), entities decoded elsewhere. */
function xmlText(raw: string): string {
	let out = '';
	let i = 0;
	while (i < raw.length) {
		const start = raw.indexOf('<![CDATA[', i);
		if (start < 0) {
			out += decodeEntities(raw.slice(i));
			break;
		}
		out += decodeEntities(raw.slice(i, start));
		const end = raw.indexOf(']]>', start + 9);
		if (end < 0) {
			out += raw.slice(start + 9);
			break;
		}
		out += raw.slice(start + 9, end);
		i = end + 3;
	}
	return out.trim() === '' ? '' : out;
}

function decodeEntities(text: string): string {
	return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (whole, dec: string, hex: string, named: string) => {
		if (dec) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
		if (hex) return String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff));
		return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[named] ?? whole;
	});
}

/**
 * Zone names Java's Date.toString writes that stand for one offset. Ambiguous names are left out on purpose
 * (CST: US Central or China; IST: India, Ireland or Israel; AST: Atlantic or Arabia): a time in a zone not
 * listed here keeps its note rather than get a guessed offset. BST is London's summer time (Java writes BDT
 * for Bangladesh).
 */
export const ZONE_OFFSETS: Readonly<Record<string, string>> = {
	UTC: 'Z', GMT: 'Z', Z: 'Z',
	WET: '+00:00', WEST: '+01:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', MET: '+01:00', MEST: '+02:00',
	EET: '+02:00', EEST: '+03:00', MSK: '+03:00',
	EST: '-05:00', EDT: '-04:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
	AKST: '-09:00', AKDT: '-08:00', HST: '-10:00', NST: '-03:30', NDT: '-02:30', BRT: '-03:00', ART: '-03:00',
	JST: '+09:00', KST: '+09:00', HKT: '+08:00', SGT: '+08:00', WIB: '+07:00', ICT: '+07:00', PKT: '+05:00',
	AEST: '+10:00', AEDT: '+11:00', ACST: '+09:30', ACDT: '+10:30', AWST: '+08:00', NZST: '+12:00', NZDT: '+13:00'
};

/**
 * Burp writes `Mon Mar 06 10:14:33 CET 2023` (Java's Date.toString). UTC/GMT, numeric zones (`GMT+01:00`) and
 * the named zones of ZONE_OFFSETS convert; any other name gives null (the caller notes it).
 */
export function burpTime(value: string): string | null {
	const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) (\S+) (\d{4})$/.exec(value.trim());
	if (!m) return parseCaptureTime(value)?.iso ?? null;
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const month = months.indexOf(m[1]!);
	const zone = m[4]!;
	const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})$/.exec(zone);
	const offset = numeric ? `${numeric[1]}${numeric[2]!.padStart(2, '0')}:${numeric[3]}` : (ZONE_OFFSETS[zone.toUpperCase()] ?? null);
	if (month < 0 || offset === null) return null;
	return parseCaptureTime(`${m[5]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}T${m[3]}${offset}`)?.iso ?? null;
}

const BURP_ITEMS = /^<\?xml[^>]*>\s*(?:<!DOCTYPE items[^>]*(?:\[[\s\S]*?\])?\s*>\s*)?<items[\s>]/;

/** Burp Suite's "Save items" XML. */
export const burpReader = {
	id: 'burp',
	reads: 'whole',
	sniff: (start) => BURP_ITEMS.test(start) || /^<items\s+burpVersion=/.test(start),
	read: (name, bytes) => readBurp(name, textOf(bytes))
} as const satisfies WholeCaptureReader<'burp'>;
