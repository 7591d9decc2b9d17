import type { FindingType, ReportDestination } from '../../../../src/lib/core/model';
import { typesMask } from '../../../../src/lib/core/report/capture-index';
import type { ViewedExchange } from '../../../../src/lib/state/views/receivers';

export interface Shape {
	company?: string | null;
	product?: string | null;
	site?: string;
	host?: string | null;
	/** No destination at all (the host stands for it). */
	bare?: boolean;
	types?: FindingType[];
	at?: string | null;
}

/** Exchanges in capture order from short descriptions. */
export function exchanges(shapes: Shape[]): ViewedExchange[] {
	return shapes.map((s, index) => {
		const site = s.site ?? 'example.com';
		const destination: ReportDestination | null = s.bare ? null : { site, company: s.company ?? null, product: s.product ?? null, category: 'analytics', source: 'test' };
		return { index, host: s.host === undefined ? `api.${site}` : s.host, startedAt: s.at ?? null, destination, types: typesMask(s.types ?? []) };
	});
}

/** `count` copies of one shape. */
export function times(count: number, shape: Shape): Shape[] {
	return Array.from({ length: count }, () => shape);
}

/** A deterministic pseudo-random sequence, so synthetic captures are the same on every run. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}
