/** Child process of isolated.ts: `tsx side.ts <bench file> <id> <baseline|subject>`; prints the runs as one JSON line. */
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runSide, type Benchmark, type Side } from './harness';

const [file, id, side] = process.argv.slice(2) as [string, string, Side];
const here = dirname(fileURLToPath(import.meta.url));
const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks?: Benchmark[] };
const bench = mod.benchmarks?.find((b) => b.id === id);
if (!bench) throw new Error(`no benchmark ${id} in ${file}`);
process.stdout.write(`side-runs:${JSON.stringify(runSide(bench, side))}\n`);
