/**
 * The Sensors Analytics (神策) wire shape, in one place: the envelope that names a batch (decode/) and the
 * fingerprint that names the SDK (classify/) both read it from here. Facts from the public SDKs
 * (github.com/sensorsdata: sa-sdk-android, sa-sdk-javascript).
 *
 * Android/iOS batches are a form body `crc=<n>&gzip=<mode>&data_list=<value>`:
 *   gzip=1   data_list is base64(gzip(JSON array of events))
 *   gzip=9   data_list is a JSON array of { ekey, pkv, payloads, flush_time }: each payload is AES-encrypted,
 *            the AES key (ekey) is RSA-encrypted with the app's public key number pkv
 *   gzip=13  transport encryption: the whole batch is encrypted
 * `crc` is Java's String.hashCode() of the data_list value as sent, a signed 32-bit integer.
 * The web SDK sends `data=base64(JSON)&ext=crc%3D…`. Events carry `distinct_id`, `lib: { $lib, $lib_version }` and
 * `properties`.
 */

export const SENSORS_NAME = 'Sensors Analytics';

/** The form fields of an app batch. */
export const SENSORS_BATCH_FIELDS = { crc: 'crc', mode: 'gzip', data: 'data_list' } as const;
/** gzip=… values: plain base64(gzip(JSON)), and the two encrypted modes. */
export const SENSORS_PLAIN_MODE = '1';
export const SENSORS_ENCRYPTED_MODES: readonly string[] = ['9', '13'];
/** The fields of one encrypted batch entry (gzip=9). */
export const SENSORS_ENCRYPTED_FIELDS = { key: 'ekey', keyVersion: 'pkv', payloads: 'payloads' } as const;

/** The web SDK's fields: `data` and `ext`, whose value starts with `crc=`. */
export const SENSORS_WEB_FIELDS = { data: 'data', ext: 'ext' } as const;
export const SENSORS_WEB_EXT_PREFIX = /^crc=/;

/** The fields every event has, and the library marker inside `lib`. */
export const SENSORS_EVENT_FIELDS: readonly string[] = ['distinct_id', 'lib', 'properties'];
export const SENSORS_LIB_MARKER = '$lib';

/** Java's String.hashCode(): 31·h + UTF-16 code unit, wrapping at 32 bits (how `crc` is computed). */
export function javaStringHashCode(text: string): number {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
	return h;
}
