/**
 * Identifiers that propagate (issue #13): once a value is identified at high confidence anywhere in a capture (an
 * advertising ID under its key, an IMEI under `imei`), every other exchange that carried it — plain, encoded or hashed,
 * with or without a key — is found and the occurrence reported, with a reason that points to where it was identified.
 *
 * It needs the whole capture, so it runs after the first pass: while exchanges are analysed, PropagationCollector keeps
 * the high-confidence identifiers (seeds) and, per exchange, the hashes of the identifier-shaped leaves it carried
 * (classify/propagation/leaf-tokens.ts). Then `plan` looks every seed's forms up in those hashes, and `propagate`
 * analyses the exchanges it names again, with the seeds as known values. The result is the same whatever order or thread
 * the first pass ran in: seeds are taken in capture order, and the second look depends only on the seeds.
 */
import type { Exchange, ExchangeReport, Finding, FindingType } from '../model';
import { KnownValueMatcher, type KnownValue } from '../classify/known-values';
import { tokenHash } from '../classify/propagation/leaf-tokens';
import { ExchangeAnalyzer, type ExchangeAnalyzerOptions } from './exchange-analyzer';
import type { ExchangeResult } from './report-builder';

export const PROPAGATION_DETECTOR = 'propagation';

/** Types that name one device or person wherever they travel; user IDs and content do not (they are per app or per page). */
const PROPAGATING: ReadonlySet<FindingType> = new Set<FindingType>([
	'device.imei', 'device.imsi', 'device.iccid', 'device.meid', 'device.serial', 'device.android_id', 'device.mac',
	'ad.advertising_id', 'contact.email', 'contact.phone'
]);

/** A capture names a handful of devices and people; past this many seeds, the rest are not looked for. */
const MAX_SEEDS = 256;
/** Exchanges looked at again, at most: each costs a second analysis. Past it the summary says what was not done. */
export const MAX_SECOND_LOOKS = 2000;

interface Seed {
	type: FindingType;
	value: string;
	exchange: number;
	path: string;
}

/** Findings that propagation added to one exchange, with the exchange's report as the first pass made it (for its destination). */
export interface PropagatedExchange {
	report: ExchangeReport;
	findings: Finding[];
}

export interface PropagationPlan {
	/** Exchange index → the seeds it seems to carry without reporting them. */
	exchanges: Map<number, Seed[]>;
	/** Exchanges that matched beyond MAX_SECOND_LOOKS and were not looked at again. */
	skipped: number;
}

export class PropagationCollector {
	private readonly seeds = new Map<string, Seed>();
	/**
	 * Every exchange's leaf hashes in one pool, without the values the exchange already reports (those are not looked for
	 * there again): `[start, end)` of exchange i at `spans[2i]`, `spans[2i + 1]`. One pool, not a typed array per exchange:
	 * 20,000 small arrays cost more in object headers than in hashes, and all of it is held until the capture is read.
	 */
	private pool = new Uint32Array(1 << 16);
	private used = 0;
	private readonly spans: number[] = [];

	add(result: ExchangeResult): void {
		const { report } = result;
		let reported: Set<number> | null = null;
		for (const f of report.findings) {
			(reported ??= new Set()).add(tokenHash(f.value));
			if (f.confidence === 'high' && PROPAGATING.has(f.type) && !this.seeds.has(f.value) && this.seeds.size < MAX_SEEDS) {
				this.seeds.set(f.value, { type: f.type, value: f.value, exchange: report.index, path: f.path });
			}
		}
		const start = this.used;
		for (const hash of result.tokens ?? []) {
			if (reported?.has(hash)) continue;
			if (this.used === this.pool.length) {
				const grown = new Uint32Array(this.pool.length * 2);
				grown.set(this.pool);
				this.pool = grown;
			}
			this.pool[this.used++] = hash;
		}
		this.spans[2 * report.index] = start;
		this.spans[2 * report.index + 1] = this.used;
	}

	/** Which exchanges to look at again, for which seeds. */
	plan(): PropagationPlan {
		const exchanges = new Map<number, Seed[]>();
		if (this.seeds.size === 0) return { exchanges, skipped: 0 };
		const byHash = new Map<number, Seed[]>();
		const matcher = new KnownValueMatcher([...this.seeds.values()].map((s) => ({ type: s.type, value: s.value })));
		for (const [text, known] of matcher.wholeForms()) {
			const seed = this.seeds.get(known.value)!;
			const hash = tokenHash(text);
			const list = byHash.get(hash) ?? [];
			if (!list.includes(seed)) list.push(seed);
			byHash.set(hash, list);
		}
		let skipped = 0;
		for (let index = 0; 2 * index < this.spans.length; index++) {
			const start = this.spans[2 * index];
			if (start === undefined) continue;
			const end = this.spans[2 * index + 1]!;
			let found: Seed[] | null = null;
			for (let at = start; at < end; at++) {
				for (const seed of byHash.get(this.pool[at]!) ?? []) {
					if (seed.exchange === index) continue;
					if (!(found ??= []).includes(seed)) found.push(seed);
				}
			}
			if (found === null) continue;
			if (exchanges.size >= MAX_SECOND_LOOKS) skipped++;
			else exchanges.set(index, found);
		}
		return { exchanges, skipped };
	}
}

/** The second look at one exchange: what its seeds add, each with where it was identified. */
export function propagateInto(exchange: Exchange, seeds: readonly Seed[], options: ExchangeAnalyzerOptions): PropagatedExchange | null {
	const identified: KnownValue[] = seeds.map((s) => ({
		type: s.type,
		value: s.value,
		identified: { reason: `the same value as the ${typeLabel(s.type)} identified in exchange ${s.exchange} at ${s.path}`, detector: PROPAGATION_DETECTOR }
	}));
	const { report } = new ExchangeAnalyzer({ ...options, known: [...(options.known ?? []), ...identified] }).analyze(exchange);
	const findings = report.findings.filter((f) => f.detector === PROPAGATION_DETECTOR);
	return findings.length === 0 ? null : { report: { ...report, findings }, findings };
}

/** The note the summary gives when the second look was cut short. */
export function skippedNote(skipped: number): string {
	return `identifier propagation: ${skipped.toLocaleString('en-US')} more exchanges seemed to carry an identifier found elsewhere, past the ${MAX_SECOND_LOOKS.toLocaleString('en-US')} looked at again; they were not`;
}

function typeLabel(type: FindingType): string {
	const name = type.split('.').pop()!;
	return name === 'android_id' ? 'Android ID' : name === 'advertising_id' ? 'advertising ID' : name.replace(/_/g, ' ').replace(/^(imei|imsi|iccid|meid|mac)$/, (m) => m.toUpperCase());
}
