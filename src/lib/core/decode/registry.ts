/** Every codec the peeler may try. Adding a codec is one new file in codecs/ and one line here. */
import type { BytesCodec, TextCodec } from './codec';
import { base64 } from './codecs/base64';
import { base64Concat } from './codecs/base64-concat';
import { hex } from './codecs/hex';
import { json } from './codecs/json';
import { escape } from './codecs/escape';
import { form } from './codecs/form';
import { jwt } from './codecs/jwt';
import { lines } from './codecs/lines';
import { lzString } from './codecs/lz-string';
import { multipart } from './codecs/multipart';
import { percent } from './codecs/percent';
import { url } from './codecs/url';
import { brotli } from './codecs/brotli';
import { cbor } from './codecs/cbor';
import { deflateRaw } from './codecs/deflate-raw';
import { gzip } from './codecs/gzip';
import { msgpack } from './codecs/msgpack';
import { protobuf } from './codecs/protobuf';
import { utf16 } from './codecs/utf16';
import { zlib } from './codecs/zlib';
import { zstd } from './codecs/zstd';
import { taggedId } from './codecs/tagged-id';

export const TEXT_CODECS = [json, jwt, url, multipart, form, lines, percent, base64, base64Concat, lzString, escape, hex, taggedId] as const satisfies readonly TextCodec[];

export const BYTES_CODECS = [gzip, zstd, zlib, brotli, cbor, msgpack, protobuf, utf16, deflateRaw] as const satisfies readonly BytesCodec[];

/** Every codec id, as it appears in `layers` and paths; a misspelt id does not compile. */
export type CodecId = (typeof TEXT_CODECS)[number]['id'] | (typeof BYTES_CODECS)[number]['id'];

export function codecById(id: CodecId): TextCodec | BytesCodec | undefined {
	return TEXT_CODECS.find((c) => c.id === id) ?? BYTES_CODECS.find((c) => c.id === id);
}
