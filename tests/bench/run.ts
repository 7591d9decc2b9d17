/**
 * `npm run bench [-- <filter>]`: runs every `tests/bench/*.bench.ts` (each exports `benchmarks`), prints
 * a table and refreshes each benchmark's section in docs/PERFORMANCE.md. Exit code 1 when one fails.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, machine, markdownSection, perItemLine, refreshDocument, targetText, verdict, type Benchmark, type BenchResult } from './harness';
import { measureIsolated } from './isolated';
import { BROWSER_DROP_ID, browserDropSection, runBrowserDrop } from './browser-drop';
import { BROWSER_LARGE_ID, browserLargeSection, runBrowserLarge } from './browser-large';
import { BROWSER_WORKSPACE_ID, browserWorkspaceSection, runBrowserWorkspace } from './browser-workspace';
import { ACCURACY_ID, accuracyDocument, runAccuracy } from './accuracy';

const here = dirname(fileURLToPath(import.meta.url));
const docPath = resolve(here, '../../docs/PERFORMANCE.md');
const accuracyPath = resolve(here, '../../docs/ACCURACY.md');
const DOC_HEAD = `# Performance

Measured by \`npm run bench\` (tests/bench/). Each benchmark times Telltale against a minimal baseline doing
the same job with platform primitives, in the same run (each side in processes of its own), and compares medians. Inputs are
generated in code from a fixed seed. Sections below are refreshed by each run; machine, date and Node
version are written with each one.
`;

async function main(filter: string | undefined): Promise<number> {
	const files = readdirSync(here)
		.filter((f) => f.endsWith('.bench.ts'))
		.sort();
	const benches: Array<{ file: string; bench: Benchmark }> = [];
	for (const file of files) {
		const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks?: Benchmark[] };
		for (const bench of mod.benchmarks ?? []) if (!filter || bench.id.includes(filter)) benches.push({ file, bench });
	}
	if (benches.length === 0 && !(filter && (BROWSER_DROP_ID.includes(filter) || BROWSER_LARGE_ID.includes(filter) || BROWSER_WORKSPACE_ID.includes(filter) || ACCURACY_ID.includes(filter)))) {
		process.stderr.write(`no benchmark matches ${filter ?? '(none found)'}\n`);
		return 1;
	}
	const m = machine();
	const results: BenchResult[] = [];
	for (const { file, bench } of benches) {
		process.stdout.write(`running ${bench.id}…\n`);
		const result = measureIsolated(file, bench);
		results.push(result);
		process.stdout.write(`  ${result.subjectMs.toFixed(1)} ms vs ${result.baselineMs.toFixed(1)} ms: ${result.ratio.toFixed(2)}× (target ${targetText(result)}) ${verdict(result)}\n`);
		if (result.perItem) process.stdout.write(`  ${perItemLine(result.perItem)}\n`);
	}
	process.stdout.write(`\n${formatTable(results)}\n\n${m.date} · Node ${m.node} · ${m.cpu} (${m.cores} cores) · ${m.os}\n`);
	const sections = results.map((r) => ({ id: r.id, text: markdownSection(r, m) }));
	let browserPass = true;
	// Accuracy is not timed: two corpora scored apart, written to docs/ACCURACY.md.
	if (!filter || ACCURACY_ID.includes(filter)) {
		const corpora = runAccuracy();
		for (const c of corpora) {
			process.stdout.write(
				`accuracy, ${c.name}: ${c.cases} cases, ${c.sdks} SDKs; recall ${(100 * c.score.recall).toFixed(1)}%, precision ${(100 * c.score.precision).toFixed(1)}%, company ${(100 * c.score.companyAccuracy).toFixed(1)}%, ${c.score.forbidden.length} forbidden: ${c.pass ? 'PASS' : 'FAIL'}\n`
			);
		}
		browserPass &&= corpora.every((c) => c.pass);
		writeFileSync(accuracyPath, accuracyDocument(corpora, m));
		process.stdout.write(`updated ${accuracyPath}\n`);
	}
	// The Chromium benchmark is asynchronous and needs the production build; it runs after the Node ones.
	if (!filter || BROWSER_DROP_ID.includes(filter)) {
		process.stdout.write(`running ${BROWSER_DROP_ID} (Chromium, production build)…\n`);
		const r = await runBrowserDrop();
		browserPass = r.pass;
		process.stdout.write(
			`  overview after ${r.overviewMs.toFixed(0)} ms (page JSON.parse of the file: ${r.baselineMs.toFixed(0)} ms); longest main-thread task ${r.longestTaskMs.toFixed(0)} ms, ${r.longTasks} long tasks: ${r.pass ? 'PASS' : 'FAIL'}\n`
		);
		sections.push({ id: BROWSER_DROP_ID, text: browserDropSection(r, m) });
	}
	if (!filter || BROWSER_WORKSPACE_ID.includes(filter)) {
		process.stdout.write(`running ${BROWSER_WORKSPACE_ID} (Chromium, production build)…\n`);
		const r = await runBrowserWorkspace();
		browserPass &&= r.pass;
		process.stdout.write(`  overview rendered ${r.overviewMs.toFixed(0)} ms after the report arrived\n`);
		for (const s of r.steps) process.stdout.write(`  ${s.name}: ${s.ms.toFixed(0)} ms, longest task ${s.longestTaskMs.toFixed(0)} ms: ${s.pass ? 'PASS' : 'FAIL'}\n`);
		sections.push({ id: BROWSER_WORKSPACE_ID, text: browserWorkspaceSection(r, m) });
	}
	if (!filter || BROWSER_LARGE_ID.includes(filter)) {
		process.stdout.write(`running ${BROWSER_LARGE_ID} (Chromium, production build)…\n`);
		const r = await runBrowserLarge();
		browserPass &&= r.pass;
		process.stdout.write(
			`  ${(r.fileBytes / 1024 / 1024).toFixed(0)} MB: overview after ${(r.overviewMs / 1000).toFixed(0)} s, ${r.exchanges} exchanges, renderer peak RSS ${(r.rendererPeakBytes / 1024 / 1024).toFixed(0)} MB (${(r.rendererPeakBytes / r.fileBytes).toFixed(2)}× the file): ${r.pass ? 'PASS' : `FAIL ${r.error ?? ''}`}\n`
		);
		sections.push({ id: BROWSER_LARGE_ID, text: browserLargeSection(r, m) });
	}
	const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : DOC_HEAD;
	writeFileSync(docPath, refreshDocument(doc, sections));
	process.stdout.write(`updated ${docPath}\n`);
	return results.every((r) => r.pass) && browserPass ? 0 : 1;
}

main(process.argv[2]).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	}
);
