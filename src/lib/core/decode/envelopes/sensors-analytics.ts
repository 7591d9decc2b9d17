/**
 * Sensors Analytics (神策) batch uploads, as sent by the public Android and JavaScript SDKs: a form body
 * `crc=<n>&gzip=<mode>&data_list=<value>`.
 *   gzip=1   data_list is base64(gzip(JSON array of events))
 *   gzip=9   data_list is a JSON array of { ekey, pkv, payloads, flush_time }: each payload is AES-encrypted,
 *            the AES key (ekey) is RSA-encrypted with the app's public key number pkv
 *   gzip=13  transport encryption: the whole batch is encrypted
 * `crc` is Java's String.hashCode() of the data_list value as sent, a signed 32-bit integer.
 */
import type { DecodedNode } from '../../model';
import { childByKey, decodedChain, type Envelope } from './envelope';

const NAME = 'Sensors Analytics';

export const sensorsAnalytics: Envelope = {
	id: 'sensors-analytics',
	recognize(layer) {
		if (layer.codec !== 'form' || layer.kind !== 'object') return null;
		const dataList = childByKey(layer, 'data_list');
		const mode = childByKey(layer, 'gzip')?.text;
		if (dataList?.text === undefined || mode === undefined) return null;
		const crc = crcVerdict(childByKey(layer, 'crc')?.text, dataList.text);
		const { codecs, last } = decodedChain(dataList);
		let verdict: string;
		if (mode === '9' || mode === '13') {
			const payloads = encryptedPayloadCount(last);
			const count = payloads === null ? '' : `, ${thousands(payloads)} encrypted payload${payloads === 1 ? '' : 's'}`;
			verdict = `${NAME} encrypted batch (gzip=${mode}): RSA/AES-encrypted, cannot be decoded without the app's key${count}`;
		} else if (mode === '1') {
			const expected = codecs[0] === 'base64' && codecs[1] === 'gzip' && codecs[2] === 'json';
			verdict = expected
				? `${NAME} batch (gzip=1): data_list is base64(gzip(JSON))${eventCount(last)}`
				: `${NAME} batch (gzip=1), but data_list did not decode as base64(gzip(JSON))`;
		} else {
			verdict = `${NAME} batch (gzip=${mode.slice(0, 8)})${codecs.length > 0 ? `: data_list is ${codecs.join(' › ')}` : ''}`;
		}
		return crc ? `${verdict}; ${crc}` : verdict;
	}
};

/** Java's String.hashCode(): 31·h + UTF-16 code unit, wrapping at 32 bits. */
export function javaStringHashCode(text: string): number {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
	return h;
}

function crcVerdict(crc: string | undefined, dataList: string): string | null {
	if (crc === undefined) return null;
	if (!/^-?\d{1,10}$/.test(crc)) return `crc "${crc.slice(0, 16)}" is not a number`;
	return Number(crc) === javaStringHashCode(dataList) ? 'crc verified' : 'crc mismatch';
}

function eventCount(json: DecodedNode): string {
	if (json.kind !== 'array' || !json.children) return '';
	const n = json.children.length;
	return `, ${thousands(n)} event${n === 1 ? '' : 's'}`;
}

/** Counts `payloads` entries of a decoded gzip=9 batch; null when it did not decode to that shape. */
function encryptedPayloadCount(json: DecodedNode): number | null {
	if (json.kind !== 'array' || !json.children) return null;
	let count = 0;
	for (const batch of json.children) {
		if (!childByKey(batch, 'ekey') || !childByKey(batch, 'pkv')) return null;
		count += childByKey(batch, 'payloads')?.children?.length ?? 0;
	}
	return count;
}

/** 12,345 without toLocaleString, which is slow and differs between runtimes. */
function thousands(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
