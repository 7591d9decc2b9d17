import { describe, expect, it } from 'vitest';
import { BYTES_CODECS, TEXT_CODECS, codecById } from '../../../src/lib/core/decode/registry';
import { CONTENT_ENCODINGS } from '../../../src/lib/core/decode/http-hints';

describe('codec registry', () => {
	it('has one codec per id, each found by its id', () => {
		const ids = [...TEXT_CODECS, ...BYTES_CODECS].map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(codecById(id)?.id).toBe(id);
	});

	it('every codec a Content-Encoding names exists (ids are typed; this guards the data too)', () => {
		for (const ids of Object.values(CONTENT_ENCODINGS)) for (const id of ids) expect(codecById(id), id).toBeDefined();
	});
});
