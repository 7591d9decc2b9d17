/** `telltale compare A B`: both captures streamed into digests (no report kept), then compared by the core. */
import type { KnownValue } from '../lib/core/classify/known-values';
import { CaptureDigest } from '../lib/core/report/capture-digest';
import { compareCaptures, type Comparison } from '../lib/core/report/compare';
import { streamReport, type RangeAnalyzer } from '../lib/core/report/stream-report';
import type { Input } from './inputs';

async function digest(input: Input, known: KnownValue[], pool: RangeAnalyzer | null) {
	const sink = new CaptureDigest(input.name);
	await streamReport(input.open, {
		name: input.name,
		...(input.size !== undefined ? { size: input.size } : {}),
		known,
		...(pool ? { ranges: pool } : {}),
		sink,
		write: () => undefined
	});
	return sink.result();
}

export async function compareInputs(a: Input, b: Input, known: KnownValue[], pool: RangeAnalyzer | null): Promise<Comparison> {
	return compareCaptures(await digest(a, known, pool), await digest(b, known, pool));
}
