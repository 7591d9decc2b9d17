/** Every codec the peeler may try. Adding a codec is one new file in codecs/ and one line here. */
import type { BytesCodec, TextCodec } from './codec';
import { base64 } from './codecs/base64';
import { hex } from './codecs/hex';
import { json } from './codecs/json';

export const TEXT_CODECS: readonly TextCodec[] = [json, base64, hex];

export const BYTES_CODECS: readonly BytesCodec[] = [];

export function codecById(id: string): TextCodec | BytesCodec | undefined {
	return TEXT_CODECS.find((c) => c.id === id) ?? BYTES_CODECS.find((c) => c.id === id);
}
