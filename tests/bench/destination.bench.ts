/**
 * Destination classification per request (issue 5 target: under 1 ms on average). 1,000 requests mixing tracker,
 * overlay, unknown, IP and self-hosted-SDK hosts, their bodies peeled once in setup (peeling is measured elsewhere).
 */
import { parse } from 'tldts';
import type { Benchmark } from './harness';
import { random, sensorsBatch } from './inputs';
import { peel } from '../../src/lib/core/decode/peel';
import { destinationOf } from '../../src/lib/core/classify/destination';
import { adguardIndex } from '../../src/lib/core/classify/destinations/bundled';
import type { DecodedNode, DecodedPart, Destination, Exchange } from '../../src/lib/core/model';

interface Request {
	exchange: Exchange;
	parts: DecodedPart[];
}

const HOSTS = [
	'www.google-analytics.com', 'sa.api.intl.miui.com', 'tracking.intl.miui.com', 'graph.facebook.com', 'api2.amplitude.com',
	'app.adjust.com', 'ulogs.umeng.com', 'cdn.example-shop.com', 'api.example.org', '203.0.113.7', 'o1.ingest.sentry.io',
	'mst2.is.autonavi.com', 'static.some-unlisted-site.co.uk', 'localhost', 'log.mmstat.com'
];

const PER_REQUEST_LIMIT_MS = 1;

function requests(count: number): Request[] {
	const next = random(5);
	const sensors = sensorsBatch(20).body;
	const ga = 'v=1&t=pageview&tid=UA-12345678-1&cid=555.666&dl=https%3A%2F%2Fexample.com%2F';
	const json = JSON.stringify({ api_key: 'k', events: [{ event_type: 'open', device_id: 'd', session_id: 1 }] });
	const bodies: Array<[string, string]> = [
		[sensors, 'application/x-www-form-urlencoded'],
		[ga, 'application/x-www-form-urlencoded'],
		[json, 'application/json'],
		['{"hello":"world","n":[1,2,3]}', 'application/json']
	];
	const out: Request[] = [];
	for (let i = 0; i < count; i++) {
		const host = HOSTS[Math.floor(next() * HOSTS.length)]!;
		const [body, contentType] = bodies[Math.floor(next() * bodies.length)]!;
		const exchange: Exchange = {
			index: i, method: 'POST', url: `https://${host}/collect?i=${i}`, host, status: 200, startedAt: null,
			requestHeaders: [{ name: 'Content-Type', value: contentType }], responseHeaders: [], notes: [],
			parts: [{ kind: 'request-body', name: 'body', payload: { kind: 'text', text: body }, contentType }]
		};
		const parts: DecodedPart[] = [{ kind: 'request-body', name: 'body', root: peel({ kind: 'text', text: body }, 'body', { contentType }) }];
		out.push({ exchange, parts });
	}
	return out;
}

/** Every object key in the decoded trees: the minimal walk a shape-reading classifier needs. */
function keysOf(parts: DecodedPart[]): Set<string> {
	const keys = new Set<string>();
	const stack: DecodedNode[] = parts.map((p) => p.root);
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (typeof node.key === 'string') keys.add(node.key);
		if (node.children) for (const c of node.children) stack.push(c);
		if (node.decoded) stack.push(node.decoded);
	}
	return keys;
}

const classify: Benchmark<Request[]> = {
	id: 'destination-per-request',
	title: 'Classify the destination of 1,000 requests',
	description:
		'host → site → company/category through the user/overlay/AdGuard/Exodus lists plus every SDK fingerprint over the peeled body, ' +
		'for 1,000 requests (15 hosts, 4 body shapes incl. a 20-event Sensors batch). ' +
		`Baseline: tldts parse + one Map lookup of the site in the AdGuard domain table + one walk of the decoded tree collecting object keys (the least any payload-aware classifier does). Also checked: under ${PER_REQUEST_LIMIT_MS} ms per request on average.`,
	baselineLabel: 'tldts + Map.get(site) + one walk of the tree',
	target: 10,
	setup: () => {
		adguardIndex(); // built lazily once per process; not what this measures
		return requests(1000);
	},
	baseline(input) {
		const index = adguardIndex();
		return input.map((r) => [index.lookup(parse(r.exchange.host!).domain ?? r.exchange.host!), keysOf(r.parts)]);
	},
	subject: (input) => input.map((r) => destinationOf(r.exchange.host, r.parts, r.exchange)),
	verify(input, result) {
		const destinations = result as Array<Destination | null>;
		if (destinations.some((d) => d === null)) return 'a request with a host got no destination';
		if (!destinations.some((d) => d!.source.includes('self-hosted by Xiaomi'))) return 'no Sensors batch recognised on a Xiaomi host';
		const started = performance.now();
		for (const r of input) destinationOf(r.exchange.host, r.parts, r.exchange);
		const perRequest = (performance.now() - started) / input.length;
		return perRequest < PER_REQUEST_LIMIT_MS ? null : `${perRequest.toFixed(3)} ms per request (limit ${PER_REQUEST_LIMIT_MS} ms)`;
	}
};

export const benchmarks: Benchmark[] = [classify as Benchmark];
