import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { harBytes } from '../classify/helpers';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { streamReport } from '../../../src/lib/core/report/stream-report';
import { ReportJson } from '../../../src/lib/core/report/report-json';
import { PROPAGATION_DETECTOR } from '../../../src/lib/core/report/propagation';

const GAID = '9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34';
const IMEI = '867531042139580';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Exchange 0 names the IDs under their keys; the others carry them without a key that says so. */
const capture = harBytes([
	{ url: 'https://ads.example-network.com/v1/init', method: 'POST', mimeType: 'application/json', body: JSON.stringify({ gaid: GAID, imei: IMEI, app: 'com.example.game' }) },
	// An array of values with no keys, as a schema-less batch sends them.
	{ url: 'https://collector.example-metrics.io/batch', method: 'POST', mimeType: 'application/json', body: JSON.stringify({ e: [['launch', GAID, 1700000000]] }) },
	// The IMEI hashed, under a key that says nothing, inside base64.
	{ url: 'https://sync.example-data.net/s', method: 'POST', mimeType: 'application/x-www-form-urlencoded', body: `d=${encodeURIComponent(Buffer.from(JSON.stringify({ h: sha256(IMEI) })).toString('base64'))}` },
	// Nothing of them.
	{ url: 'https://cdn.example.org/app.js', body: '' }
]);

describe('identifiers that propagate', () => {
	const { report } = analyze(readCapture({ name: 'p.har', bytes: capture }));

	it('finds the identified values where no key says what they are, with where they were identified', () => {
		const found = report.propagated ?? [];
		expect(found.map((p) => [p.exchange, p.finding.type, p.finding.value])).toEqual([
			[1, 'ad.advertising_id', GAID],
			[2, 'device.imei', IMEI]
		]);
		for (const { finding } of found) {
			expect(finding.detector).toBe(PROPAGATION_DETECTOR);
			expect(finding.reason).toMatch(/identified in exchange 0 at body › json\.(gaid|imei)/);
		}
		expect(found[1]!.finding.reason).toContain('sha256');
		expect(found[1]!.finding.path).toContain('base64');
	});

	it('correlation counts them: each ID reached three sites', () => {
		const gaid = report.identifiers.find((i) => i.value === GAID);
		expect(gaid?.sites).toEqual(['example-metrics.io', 'example-network.com']);
		const imei = report.identifiers.find((i) => i.value === IMEI);
		expect(imei?.exchanges).toEqual([0, 2]);
		expect(report.summary.findingsByType['ad.advertising_id']).toBe(2);
	});

	it('the streamed report says the same as the one built at once', async () => {
		let text = '';
		await streamReport(() => Readable.from([capture]) as unknown as AsyncIterable<Uint8Array>, { name: 'p.har', sink: new ReportJson(), write: (t) => void (text += t) });
		expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
	});

	it('an opened exchange shows them with its own findings, and search and filters know them', () => {
		const analysis = analyze(readCapture({ name: 'p.har', bytes: capture }), { keepFindings: false, index: true });
		expect(analysis.exchangeReport(1)!.findings.some((f) => f.value === GAID && f.detector === PROPAGATION_DETECTOR)).toBe(true);
		expect(analysis.findingCount(1)).toBeGreaterThan(0);
		expect(analysis.index!.find(1, GAID)).not.toBeNull();
		const ads = analysis.index!.leakGroups().find((g) => g.type === 'ad.advertising_id');
		expect(ads?.values.find((v) => v.value === GAID)?.exchanges).toEqual([0, 1]);
	});

	it('a capture without identifiers found elsewhere has no propagated member', () => {
		const plain = analyze(readCapture({ name: 'q.har', bytes: harBytes([{ url: 'https://cdn.example.org/app.js', body: '' }]) })).report;
		expect('propagated' in plain).toBe(false);
	});
});

describe('the readable summary', () => {
	it('lists what propagation found, with where each value was identified', async () => {
		const { renderSummary } = await import('../../../src/cli/summary');
		const { report } = analyze(readCapture({ name: 'p.har', bytes: capture }));
		const text = renderSummary(report);
		expect(text).toContain('identifiers found again where no key said what they were:');
		expect(text).toMatch(/#1 ad\.advertising_id 9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34 at .*identified in exchange 0/);
	});
});
