/**
 * Finding detection per request (issue 5 target: classification under 1 ms per request on average), and
 * the corpus accuracy table (per-type precision / recall), printed when the benchmark is set up.
 * Input: the labelled corpus (tests/fixtures/corpus), peeled once in setup, repeated to 1,000 requests.
 */
import type { Benchmark } from './harness';
import { CORPUS } from '../fixtures/corpus/index';
import { captureBytes, runCase, score, typeTable } from '../fixtures/corpus/evaluate';
import { readCapture } from '../../src/lib/core/capture/sniff';
import { analyze } from '../../src/lib/core/report/analyze';
import { exchangeFindings } from '../../src/lib/core/classify/findings';
import { FindingSet } from '../../src/lib/core/classify/finding-set';
import { DETECTORS } from '../../src/lib/core/classify/detectors/index';
import { KnownValueMatcher } from '../../src/lib/core/classify/known-values';
import { destinationOf } from '../../src/lib/core/classify/destination';
import type { DecodedNode, DecodedPart, Exchange, Finding } from '../../src/lib/core/model';

interface Request {
	exchange: Exchange;
	parts: DecodedPart[];
}

const PER_REQUEST_LIMIT_MS = 1;
const REQUESTS = 1000;

function requests(): Request[] {
	const peeled: Request[] = CORPUS.map((c) => {
		const capture = readCapture({ name: c.id, bytes: captureBytes(c) });
		const { parts } = analyze(capture);
		return { exchange: capture.exchanges[0]!, parts: parts[0]! };
	});
	const out: Request[] = [];
	for (let i = 0; i < REQUESTS; i++) out.push(peeled[i % peeled.length]!);
	return out;
}

/** One value pattern per finding family: what a key-blind, validator-free scan would test. */
const FAMILY_PATTERNS = [
	/^\d{15}$/, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i, /^-?\d{1,3}\.\d+$/,
	/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, /^\+?\d{7,15}$/, /^https?:\/\//, /^[a-z]\w*(\.\w+)+$/, /^(Bearer|Basic) /, /^[0-9a-f]{16}$/i, /^\d+\.\d+(\.\d+)*$/
];
const KNOWN_PLAIN = ['868027043216757', '38400000-8cf0-11bd-b23e-10b96e40000d', 'someone@example.org'];

/** The least a detector suite does: one walk, key lower-cased, each scalar tested once per family and searched for each known value as typed. */
function baselineWalk(parts: DecodedPart[]): number {
	let hits = 0;
	const stack: DecodedNode[] = parts.map((p) => p.root);
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.text !== undefined) {
			const key = typeof node.key === 'string' ? node.key.toLowerCase().replace(/[$_-]/g, '') : '';
			for (const pattern of FAMILY_PATTERNS) if (pattern.test(node.text)) hits += key.length > 0 ? 1 : 0;
			for (const k of KNOWN_PLAIN) if (node.text.includes(k)) hits++;
		}
		if (node.children) for (const c of node.children) stack.push(c);
		if (node.decoded) stack.push(node.decoded);
	}
	return hits;
}

const known = new KnownValueMatcher([
	{ type: 'device.imei', value: '868027043216757' },
	{ type: 'ad.advertising_id', value: '38400000-8cf0-11bd-b23e-10b96e40000d' },
	{ type: 'contact.email', value: 'someone@example.org' }
]);

function classifyAll(input: Request[]): Finding[][] {
	return input.map((r) => {
		// As analyze does it: known-value matches first, then the detectors, into one grouping set.
		const set = new FindingSet();
		set.addAll(known.findings(r.exchange, r.parts));
		return exchangeFindings(r.exchange, r.parts, DETECTORS, set);
	});
}

const findings: Benchmark<Request[]> = {
	id: 'findings-per-request',
	title: 'Detect findings in 1,000 requests',
	description:
		'Every detector (device, ad, network, location, contact, browsing, apps, media, secrets, user IDs) plus three known values in all their ' +
		'encoded and hashed forms, over the peeled corpus requests repeated to 1,000. Baseline: one walk of the same trees testing each text ' +
		`against one regular expression. Also checked: detectors + known values + destination under ${PER_REQUEST_LIMIT_MS} ms per request on average.`,
	baselineLabel: 'one walk, 11 family regexes + 3 plain substrings per leaf',
	target: 25,
	setup: () => {
		const s = score(CORPUS.map(runCase));
		process.stdout.write(
			`\ncorpus accuracy (${CORPUS.length} cases): recall ${(100 * s.recall).toFixed(1)}%, precision ${(100 * s.precision).toFixed(1)}%, ` +
				`company ${(100 * s.companyAccuracy).toFixed(1)}% of ${s.trackerRequests} tracker requests, ${s.forbidden.length} forbidden findings on negatives\n${typeTable(s)}\n\n`
		);
		return requests();
	},
	baseline: (input) => input.map((r) => baselineWalk(r.parts)),
	subject: classifyAll,
	verify(input, result) {
		const lists = result as Finding[][];
		if (!lists.some((l) => l.some((f) => f.type === 'device.imei'))) return 'no IMEI found in the corpus requests';
		const started = performance.now();
		for (const r of input) {
			known.findings(r.exchange, r.parts);
			exchangeFindings(r.exchange, r.parts);
			destinationOf(r.exchange.host, r.parts, r.exchange);
		}
		const perRequest = (performance.now() - started) / input.length;
		process.stdout.write(`  classification: ${perRequest.toFixed(3)} ms per request (detectors + 3 known values + destination)\n`);
		return perRequest < PER_REQUEST_LIMIT_MS ? null : `${perRequest.toFixed(3)} ms per request (limit ${PER_REQUEST_LIMIT_MS} ms)`;
	}
};

export const benchmarks: Benchmark[] = [findings as Benchmark];
