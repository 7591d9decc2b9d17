import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../src/lib/core/capture/sniff';
import { analyze } from '../../../src/lib/core/report/analyze';
import { CaptureIndex, LEAK_VALUES_MAX, typesMask, typesOfMask } from '../../../src/lib/core/report/capture-index';
import { runQuery, statusClass, type ExchangeQuery } from '../../../src/lib/core/report/exchange-query';
import { FINDING_TYPES, type ExchangeReport, type Finding, type FindingType } from '../../../src/lib/core/model';
import { FIXTURES, fixtureFiles as files } from '../capture/helpers';


function finding(type: FindingType, value: string, count = 1): Finding {
	return { type, value, path: 'body', paths: ['body'], count, confidence: 'high', reason: 'test', detector: 'test' };
}

function exchange(index: number, fields: Partial<ExchangeReport> = {}): ExchangeReport {
	return { index, method: 'GET', url: `https://example.com/${index}`, host: 'example.com', status: 200, startedAt: null, destination: null, layers: [], findings: [], ...fields };
}

const matches = (exchanges: ExchangeReport[], query: ExchangeQuery) => {
	const index = new CaptureIndex();
	for (const e of exchanges) index.add(e);
	return [...runQuery(exchanges, index, query, 2)].flat();
};

describe('types masks', () => {
	it('round-trip every subset of types in the report order', () => {
		expect(typesOfMask(typesMask(FINDING_TYPES))).toEqual([...FINDING_TYPES]);
		expect(typesOfMask(typesMask(['auth.secret', 'device.imei']))).toEqual(['device.imei', 'auth.secret']);
		expect(typesOfMask(0)).toEqual([]);
	});
});

describe('the capture index agrees with the findings it was built from', () => {
	for (const path of [...files(FIXTURES + 'har'), ...files(FIXTURES + 'capture')]) {
		const name = path.slice(FIXTURES.length);
		let capture;
		try {
			capture = readCapture({ name, bytes: new Uint8Array(readFileSync(path)) });
		} catch {
			continue;
		}
		it(name, () => {
			const full = analyze(capture);
			const lean = analyze(capture, { keepFindings: false, index: true });
			const index = lean.index!;
			expect(index.size).toBe(full.report.exchanges.length);
			const groups = new Map(index.leakGroups().map((g) => [g.type, g]));
			for (const e of full.report.exchanges) {
				const types = new Set(e.findings.map((f) => f.type));
				expect(typesOfMask(index.typesMask(e.index))).toEqual(FINDING_TYPES.filter((t) => types.has(t)));
				for (const f of e.findings) {
					const listed = groups.get(f.type)!.values.find((v) => f.value.startsWith(v.value));
					expect(listed?.exchanges).toContain(e.index);
				}
			}
			for (const type of FINDING_TYPES) {
				const expected = full.report.exchanges.filter((e) => e.findings.some((f) => f.type === type)).map((e) => e.index);
				expect([...runQuery(lean.report.exchanges, index, { types: [type] })].flat().map((m) => m.index)).toEqual(expected);
			}
		});
	}
});

describe('queries', () => {
	const google = { site: 'google.com', company: 'Google', product: null, category: 'analytics' as const, source: 'test' };
	const sensors = { site: 'sensorsdata.cn', company: null, product: 'Sensors Analytics SDK', category: 'analytics' as const, source: 'test' };
	const list = [
		exchange(0, { destination: google, findings: [finding('device.imei', '868027043216757', 20)], severity: { level: 'high', why: '' }, startedAt: '2026-01-01T00:00:00Z' }),
		exchange(1, { destination: sensors, method: 'POST', status: 404, findings: [finding('browsing.search_query', 'Cheap Flights')], startedAt: '2026-01-01T00:01:00Z' }),
		exchange(2, { url: 'https://cdn.example.com/SEARCH?q=1', status: null, startedAt: 'not a date' }),
		exchange(3, { destination: google, method: 'post', findings: [finding('browsing.url', 'https://news.example/a'), finding('device.imei', '868027043216757')] })
	];
	const cases: [string, ExchangeQuery, number[]][] = [
		['an empty query matches everything', {}, [0, 1, 2, 3]],
		['a company', { companies: ['Google'] }, [0, 3]],
		['an unknown company is the empty name', { companies: [''] }, [1, 2]],
		['two companies are ORed', { companies: ['Google', ''] }, [0, 1, 2, 3]],
		['a site, or the host when no destination is known', { sites: ['example.com'] }, [2]],
		['a data type', { types: ['device.imei'] }, [0, 3]],
		['a company and a data type are ANDed', { companies: [''], types: ['device.imei'] }, []],
		['methods ignore case', { methods: ['post'] }, [1, 3]],
		['a status class', { statuses: ['4xx'] }, [1]],
		['no status', { statuses: ['none'] }, [2]],
		['a severity', { severities: ['high'] }, [0]],
		['no severity is none', { severities: ['none'] }, [1, 2, 3]],
		['an explicit list of exchanges', { exchanges: [3, 1] }, [1, 3]],
		['a time range leaves out exchanges without a time', { from: Date.parse('2026-01-01T00:00:30Z') }, [1]],
		['text in a URL, any case', { text: 'search?Q' }, [2]],
		['text in a found value, any case', { text: 'cheap fl' }, [1]],
		['text and a facet', { text: '8680', companies: ['Google'] }, [0, 3]],
		['text that occurs nowhere', { text: 'zzz' }, []]
	];
	it.each(cases)('%s', (_name, query, expected) => {
		expect(matches(list, query).map((m) => m.index)).toEqual(expected);
	});
	it('says where the text matched', () => {
		expect(matches(list, { text: 'cheap' })[0]!.hit).toEqual({ field: 'value', text: 'cheap flights' });
		expect(matches(list, { text: 'cdn.' })[0]!.hit).toEqual({ field: 'url', text: 'https://cdn.example.com/search?q=1' });
		// A URL is one line of the search text; the values found after it are not part of it.
		expect(matches(list, { text: 'news.example' })[0]!.hit).toEqual({ field: 'value', text: 'https://news.example/a' });
		expect(matches(list, { text: 'example.com/3' })[0]!.hit).toEqual({ field: 'url', text: 'https://example.com/3' });
		expect(matches(list, { companies: ['Google'] })[0]!.hit).toBeNull();
	});
	it('classes statuses', () => {
		expect([statusClass(null), statusClass(204), statusClass(302), statusClass(0), statusClass(999)]).toEqual(['none', '2xx', '3xx', 'none', 'none']);
	});
});

describe('what leaked', () => {
	it('groups values by type, counts occurrences and lists each exchange once', () => {
		const index = new CaptureIndex();
		index.add(exchange(0, { findings: [finding('device.imei', '1', 20), finding('browsing.url', 'u')] }));
		index.add(exchange(1, { findings: [finding('device.imei', '1', 3)] }));
		index.add(exchange(2, { findings: [finding('device.imei', '2')] }));
		const groups = index.leakGroups();
		expect(groups.map((g) => g.type)).toEqual(['device.imei', 'browsing.url']);
		expect(groups[0]!.values).toEqual([
			{ value: '1', truncated: false, occurrences: 23, exchanges: [0, 1] },
			{ value: '2', truncated: false, occurrences: 1, exchanges: [2] }
		]);
	});
	it('lists at most LEAK_VALUES_MAX values per type and counts the rest', () => {
		const index = new CaptureIndex();
		const total = LEAK_VALUES_MAX + 250;
		for (let i = 0; i < total; i++) index.add(exchange(i, { findings: [finding('browsing.url', `https://e.com/${i}`, 2)] }));
		const [group] = index.leakGroups();
		expect(group!.values).toHaveLength(LEAK_VALUES_MAX);
		expect(group!.unlisted).toEqual({ values: 250, exact: true, occurrences: 500 });
	});
	it('cuts a very long value and says so', () => {
		const index = new CaptureIndex();
		index.add(exchange(0, { findings: [finding('browsing.title', 'x'.repeat(5000))] }));
		const value = index.leakGroups()[0]!.values[0]!;
		expect(value.truncated).toBe(true);
		expect(value.value.length).toBeLessThan(5000);
	});
});
