// Each real HAR fixture (and the bundled sample), sanitized: the result validates against the HAR 1.2 schema
// (har-schema 2.0.0, vendored in tests/fixtures/har-schema, checked with ajv), keeps what Chrome's importer reads, contains none of the values it was asked to
// hide, and Telltale analyses it to the same destinations and layer chains as the original.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { richestLayers } from '../../../src/lib/core/report/layers';
import { analyzeBytes, bytesOf, sanitize } from './support';

const SHARED_HARS = 'tests/fixtures/har';
const FILES = [
	...readdirSync(SHARED_HARS, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => readdirSync(join(SHARED_HARS, d.name)).filter((f) => f.endsWith('.har')).map((f) => join(SHARED_HARS, d.name, f))),
	'src/lib/samples/xiaomi-browser.har',
	'tests/fixtures/capture/quirks.har'
];

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
// The schema's formats (ajv-formats would bring its own set; these are the four har-schema uses).
ajv.addFormat('ipv4', /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/);
ajv.addFormat('ipv6', /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/);
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/);
ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
const SCHEMAS = 'tests/fixtures/har-schema';
for (const f of readdirSync(SCHEMAS)) if (f.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')));
const validateHar = ajv.getSchema('har.json#')!;

/** Members Chrome DevTools' HAR importer reads (front_end/models/har/HARFormat.ts). */
function expectChromeMembers(har: any): void {
	expect(har.log.version).toBe('1.2');
	expect(typeof har.log.creator.name).toBe('string');
	for (const e of har.log.entries) {
		expect(typeof e.startedDateTime).toBe('string');
		expect(typeof e.time).toBe('number');
		for (const k of ['method', 'url', 'httpVersion']) expect(typeof e.request[k]).toBe('string');
		for (const k of ['headers', 'queryString', 'cookies']) expect(Array.isArray(e.request[k])).toBe(true);
		for (const k of ['headersSize', 'bodySize']) expect(typeof e.request[k]).toBe('number');
		expect(typeof e.response.status).toBe('number');
		for (const k of ['statusText', 'httpVersion', 'redirectURL']) expect(typeof e.response[k]).toBe('string');
		expect(typeof e.response.content.size).toBe('number');
		expect(typeof e.response.content.mimeType).toBe('string');
		expect(typeof e.timings).toBe('object');
	}
}

describe.each(FILES)('sanitized %s', (file) => {
	const bytes = new Uint8Array(readFileSync(file));
	const original = analyzeBytes(bytes, file);

	it.each(['all', 'secrets'] as const)('mask %s: valid HAR 1.2 with the same destinations and layers, none of the hidden values', (mask) => {
		const { text, report } = sanitize(bytes, { mask }, file);
		const har = JSON.parse(text);
		const valid = validateHar(har);
		expect(valid, JSON.stringify(validateHar.errors?.slice(0, 3))).toBe(true);
		expectChromeMembers(har);
		expect(har.log.entries).toHaveLength(original.report.exchanges.length);

		const after = analyzeBytes(bytesOf(text), file);
		const shape = (a: typeof original) => a.report.exchanges.map((e) => ({ host: e.host, site: e.destination?.site ?? null, company: e.destination?.company ?? null }));
		expect(shape(after)).toEqual(shape(original));
		// Layers of everything but cookies: a cookie is a credential and is replaced whole in both modes, so a
		// chain inside one (a percent-encoded cookie value) is gone by design.
		const layers = (a: typeof original) => a.report.exchanges.map((_, i) => richestLayers(a.partsOf(i).filter((p) => p.kind !== 'cookie').map((p) => p.root)));
		expect(layers(after)).toEqual(layers(original));
		const cookieless = original.report.exchanges.filter((_, i) => original.partsOf(i).every((p) => p.kind !== 'cookie')).map((e) => e.index);
		for (const i of cookieless) expect(after.report.exchanges[i]!.layers).toEqual(original.report.exchanges[i]!.layers);

		// Secret findings never carry their value (detectors cut it), so secrets are checked by the headers that held them below.
		const hidden = mask === 'all' ? original.report.exchanges.flatMap((e) => e.findings).filter((f) => f.type !== 'auth.secret') : [];
		for (let i = 0; i < original.report.exchanges.length; i++) {
			const x = original.exchange(i)!;
			for (const h of [...x.requestHeaders, ...x.responseHeaders]) {
				const name = h.name.toLowerCase();
				const values = name === 'cookie' ? h.value.split(';').map((p) => p.slice(p.indexOf('=') + 1).trim()) : name === 'set-cookie' ? h.value.split('\n').map((l) => l.split(';')[0]!.slice(l.indexOf('=') + 1).trim()) : name === 'authorization' ? [h.value] : [];
				for (const v of values) if (v.length >= 8) expect(text.includes(v), `${name} of exchange ${i}`).toBe(false);
			}
		}
		// Long values must be gone from every byte of the file; every value must be gone from what Telltale finds.
		// A page's own address stays where it is the request's URL (its origin names the destination, which must survive).
		const requestUrls = original.report.exchanges.map((e) => e.url ?? '');
		const isRequestUrl = (v: string) => requestUrls.some((u) => u === v || u.startsWith(v));
		for (const f of hidden) if (f.value.length >= 8 && !(f.type === 'browsing.url' && isRequestUrl(f.value))) expect(text.includes(f.value), `${f.type} ${f.value.slice(0, 4)}…`).toBe(false);
		const foundAfter = new Set(after.report.exchanges.flatMap((e) => e.findings.map((f) => `${f.type}\u0000${f.value}`)));
		for (const f of hidden) expect(foundAfter.has(`${f.type}\u0000${f.value}`), `${f.type} still found`).toBe(false);
		if (mask === 'all' && hidden.length > 0) expect(report.changeCount).toBeGreaterThan(0);
	});
});
