/** Names Sensors Analytics batches (their wire shape is described in shared/wire/sensors-analytics.ts) and checks their crc. */
import type { DecodedNode } from '../../model';
import { childByKey, decodedChain, type Envelope } from './envelope';
import type { CodecId } from '../registry';
import {
	SENSORS_BATCH_FIELDS as FIELDS,
	SENSORS_ENCRYPTED_FIELDS,
	SENSORS_ENCRYPTED_MODES,
	SENSORS_NAME as NAME,
	SENSORS_PLAIN_MODE,
	javaStringHashCode
} from '../../shared/wire/sensors-analytics';

/** Typed ids: a misspelt codec would not compile. */
const FORM: CodecId = 'form';
const PLAIN_CHAIN: readonly CodecId[] = ['base64', 'gzip', 'json'];

export const sensorsAnalytics: Envelope = {
	id: 'sensors-analytics',
	recognize(layer) {
		if (layer.codec !== FORM || layer.kind !== 'object') return null;
		const dataList = childByKey(layer, FIELDS.data);
		const mode = childByKey(layer, FIELDS.mode)?.text;
		if (dataList?.text === undefined || mode === undefined) return null;
		const crc = crcVerdict(childByKey(layer, FIELDS.crc)?.text, dataList.text);
		const { codecs, last } = decodedChain(dataList);
		let verdict: string;
		if (SENSORS_ENCRYPTED_MODES.includes(mode)) {
			const payloads = encryptedPayloadCount(last);
			const count = payloads === null ? '' : `, ${thousands(payloads)} encrypted payload${payloads === 1 ? '' : 's'}`;
			verdict = `${NAME} encrypted batch (gzip=${mode}): RSA/AES-encrypted, cannot be decoded without the app's key${count}`;
		} else if (mode === SENSORS_PLAIN_MODE) {
			const expected = PLAIN_CHAIN.every((id, i) => codecs[i] === id);
			verdict = expected
				? `${NAME} batch (gzip=1): data_list is base64(gzip(JSON))${eventCount(last)}`
				: `${NAME} batch (gzip=1), but data_list did not decode as base64(gzip(JSON))`;
		} else {
			verdict = `${NAME} batch (gzip=${mode.slice(0, 8)})${codecs.length > 0 ? `: data_list is ${codecs.join(' › ')}` : ''}`;
		}
		return crc ? `${verdict}; ${crc}` : verdict;
	}
};

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
		if (!childByKey(batch, SENSORS_ENCRYPTED_FIELDS.key) || !childByKey(batch, SENSORS_ENCRYPTED_FIELDS.keyVersion)) return null;
		count += childByKey(batch, SENSORS_ENCRYPTED_FIELDS.payloads)?.children?.length ?? 0;
	}
	return count;
}

/** 12,345 without toLocaleString, which is slow and differs between runtimes. */
function thousands(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
