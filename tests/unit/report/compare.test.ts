import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { CaptureDigest, digestOf } from '../../../src/lib/core/report/capture-digest';
import { compareCaptures } from '../../../src/lib/core/report/compare';
import { streamReport } from '../../../src/lib/core/report/stream-report';
import type { Report } from '../../../src/lib/core/model';
import { FIXTURES } from '../capture/helpers';
import { exchange, finding } from './evidence/helpers';
import { harBytes } from '../classify/helpers';

const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const OTHER_GAID = 'a7c3e0f1-2b4d-4e6f-8a9b-0c1d2e3f4a5b';
const IMEI = '490154203237518';

const bytesOf = (path: string) => new Uint8Array(readFileSync(FIXTURES + path));
const reportOf = (name: string, bytes: Uint8Array) => analyze(readCapture({ name, bytes })).report;

/** burp-items.xml with its advertising ID replaced inside the base64 of the request. */
function burpWithOtherGaid(): Uint8Array {
	const xml = readFileSync(FIXTURES + 'capture/burp-items.xml', 'utf8').replace(/(<request base64="true"><!\[CDATA\[)(.*?)(\]\]>)/gs, (_m, open: string, body: string, close: string) => {
		const decoded = Buffer.from(body, 'base64').toString('latin1').replaceAll(GAID, OTHER_GAID);
		return open + Buffer.from(decoded, 'latin1').toString('base64') + close;
	});
	return new TextEncoder().encode(xml);
}

describe('compare two captures', () => {
	it.each(['capture/quirks.har', 'capture/burp-items.xml', 'har/mitmproxy/websocket.har', 'capture/sensors-request-response.http'])('%s with itself: everything in both, every identifier persisted, nothing changed', (path) => {
		const report = reportOf(path, bytesOf(path));
		const c = compareCaptures(digestOf(report), digestOf(report));
		expect(c.onlyA).toEqual({ sites: [], types: [], values: [] });
		expect(c.onlyB).toEqual({ sites: [], types: [], values: [] });
		expect(c.changed).toEqual([]);
		expect(c.both.types).toEqual([...new Set(report.exchanges.flatMap((e) => e.findings.map((f) => f.type)))].sort((a, b) => c.both.types.indexOf(a) - c.both.types.indexOf(b)));
		expect(c.persisted.map((p) => p.value).sort()).toEqual([...new Set(c.both.values.map((v) => v.value))].sort());
		for (const p of c.persisted) expect(p.a).toEqual(p.b);
	});

	it('an advertising ID changed between the captures is a reset; the user ID that stayed persisted', () => {
		const a = reportOf('a.xml', bytesOf('capture/burp-items.xml'));
		const b = reportOf('b.xml', burpWithOtherGaid());
		const c = compareCaptures(digestOf(a), digestOf(b));
		expect(c.changed).toEqual([{ type: 'ad.advertising_id', a: [GAID], b: [OTHER_GAID], kept: 0, kind: 'reset' }]);
		expect(c.onlyA.values).toEqual([{ type: 'ad.advertising_id', value: GAID }]);
		expect(c.onlyB.values).toEqual([{ type: 'ad.advertising_id', value: OTHER_GAID }]);
		expect(c.persisted).toEqual([{ value: 'u-77', a: { types: ['user.id'], sites: ['example.com'] }, b: { types: ['user.id'], sites: ['example.com'] } }]);
		expect(c.both.sites).toEqual([
			{ site: 'example.com', company: null },
			{ site: 'example.io', company: null }
		]);
	});

	it('a HAR whose IDFA changed and IMEI stayed: the IDFA reset, the IMEI persisted at the same sites', () => {
		const har = (idfa: string) => harBytes([0, 1].map((i) => ({ url: `https://t${i}.tracker.test/c?imei=${IMEI}&idfa=${idfa}` })));
		const c = compareCaptures(digestOf(reportOf('a.har', har('6D92078A-8246-4BA4-AE5B-76104861E7DC'))), digestOf(reportOf('b.har', har('0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5'))));
		// Detectors report advertising IDs in lower case, whatever case they were sent in.
		expect(c.changed).toEqual([{ type: 'ad.advertising_id', a: ['6d92078a-8246-4ba4-ae5b-76104861e7dc'], b: ['0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5'], kept: 0, kind: 'reset' }]);
		expect(c.persisted).toEqual([{ value: IMEI, a: { types: ['device.imei'], sites: ['tracker.test'] }, b: { types: ['device.imei'], sites: ['tracker.test'] } }]);
		expect(c.onlyA.sites).toEqual([]);
		expect(c.onlyA.types).toEqual([]);
	});

	it('a type that kept one value and swapped another changed, but was not reset; MAC addresses match in any case', () => {
		const report = (values: string[], mac: string): Report => ({
			...emptyReport(),
			exchanges: [exchange(0, { findings: [...values.map((value) => finding({ type: 'user.id', value })), finding({ type: 'device.mac', value: mac })] })]
		});
		const c = compareCaptures(digestOf(report(['u1', 'u2'], 'AA:BB:CC:DD:EE:FF')), digestOf(report(['u1', 'u3'], 'aa:bb:cc:dd:ee:ff')));
		expect(c.changed).toEqual([{ type: 'user.id', a: ['u2'], b: ['u3'], kept: 1, kind: 'changed' }]);
		expect(c.persisted.map((p) => p.value)).toEqual(['aa:bb:cc:dd:ee:ff', 'u1']);
	});

	it('digested while the report streams, it is the digest of the whole report', async () => {
		const bytes = bytesOf('capture/quirks.har');
		const sink = new CaptureDigest('quirks.har');
		const open = async function* () {
			yield bytes;
		};
		await streamReport(open, { name: 'quirks.har', sink, write: () => undefined });
		expect(sink.result()).toEqual(digestOf(reportOf('quirks.har', bytes)));
	});
});

function emptyReport(): Report {
	return {
		tool: { name: 'telltale', version: '0' },
		input: { name: 'x', format: 'har', exchanges: 1 },
		exchanges: [],
		identifiers: [],
		summary: { exchanges: 1, decodedParts: 0, findings: 0, findingsByType: {}, sites: [], notes: [] }
	};
}
