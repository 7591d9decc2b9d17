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

/** Burp writes `Mon Mar 06 10:14:33 CET 2023` (Java's Date.toString); only UTC/GMT and numeric zones convert safely. */
function burpTime(value: string): string | null {
	const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) (\S+) (\d{4})$/.exec(value.trim());
	if (!m) return parseCaptureTime(value)?.iso ?? null;
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const month = months.indexOf(m[1]!);
	const zone = m[4]!;
	const offset = zone === 'UTC' || zone === 'GMT' || zone === 'Z' ? 'Z' : /^(?:GMT|UTC)?[+-]\d{2}:?\d{2}$/.test(zone) ? zone.replace(/^(GMT|UTC)/, '') : null;
	if (month < 0 || offset === null) return null;
	return parseCaptureTime(`${m[5]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}T${m[3]}${offset}`)?.iso ?? null;
}
