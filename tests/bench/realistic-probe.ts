/**
 * A process of its own for peak-memory measurement: `realistic-probe.ts <analyze|worker|minimal> FILE` reads the
 * file from disk and does one side's whole job, then prints one JSON line. Peak RSS is taken by the parent
 * from `/usr/bin/time -v`; the heap is sampled here, so it counts only what the probe can see between steps.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { readCaptureStream } from '../../src/lib/core/capture/stream';
import { analyze } from '../../src/lib/core/report/analyze';
import { minimalPipeline } from './realistic-minimal';

/** analyze: as the app's worker did before it kept no findings; worker: as it does now (keepFindings false). */
const [mode, file] = process.argv.slice(2) as ['analyze' | 'worker' | 'minimal', string];
let heapPeak = 0;
const sample = (): void => {
	heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
};

const started = performance.now();
let summary: Record<string, number>;
if (mode === 'minimal') {
	const bytes = new Uint8Array(readFileSync(file));
	sample();
	const result = minimalPipeline(bytes);
	sample();
	summary = { events: result.events };
} else {
	const capture = await readCaptureStream(createReadStream(file, { highWaterMark: 1024 * 1024 }), { name: basename(file), size: statSync(file).size, onProgress: sample });
	// Sampling every exchange would cost more than it tells; every 100th catches the slope.
	const { report } = analyze(capture, { onProgress: (done) => done % 100 === 0 && sample(), keepFindings: mode === 'analyze' });
	sample();
	summary = { exchanges: report.exchanges.length, findings: report.exchanges.reduce((n, x) => n + x.findings.length, 0) };
}
process.stdout.write(`probe:${JSON.stringify({ ...summary, heapPeak, ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
