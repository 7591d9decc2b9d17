import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformGlobals, violations, type SourceFile } from './dependency-rules';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): SourceFile[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = `${dir}/${name}`;
		if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
		if (!/\.(ts|svelte)$/.test(name)) return [];
		return [{ path: relative(ROOT, join(ROOT, path)).replace(/\\/g, '/'), text: readFileSync(join(ROOT, path), 'utf8') }];
	});
}

describe('dependency boundaries', () => {
	it('hold on the source tree', () => {
		const found = violations(sources('src'));
		expect(found.map((v) => `${v.file}:${v.line} imports ${v.specifier} — ${v.rule}`)).toEqual([]);
	});

	it('the core uses no browser or Node global', () => {
		expect(platformGlobals(sources('src/lib/core')).map((v) => `${v.file}:${v.line} ${v.specifier}`)).toEqual([]);
	});

	it('catches a browser or Node global in the core, and not one in a comment or a string', () => {
		const file = (text: string): SourceFile[] => [{ path: 'src/lib/core/x.ts', text }];
		expect(platformGlobals(file('const w = window.innerWidth;')).map((v) => v.specifier)).toEqual(['window']);
		expect(platformGlobals(file('const b = Buffer.from(x);\nconst e = process.env.X;')).map((v) => v.line)).toEqual([1, 2]);
		expect(platformGlobals(file("// window.cb && cb(\nconst s = 'document.cookie';"))).toEqual([]);
	});

	// The test of the test: each rule catches a deliberate violation, and lets through what it allows.
	const tree = (extra: SourceFile): SourceFile[] => [
		{ path: 'src/lib/core/decode/peel.ts', text: 'export const x = 1;' },
		{ path: 'src/lib/core/classify/findings.ts', text: 'export const y = 1;' },
		{ path: 'src/lib/core/report/analyze.ts', text: 'export const z = 1;' },
		{ path: 'src/lib/core/shared/text.ts', text: 'export const t = 1;' },
		{ path: 'src/lib/core/model.ts', text: 'export type M = 1;' },
		{ path: 'src/lib/state/workspace.svelte.ts', text: 'export class W {}' },
		{ path: 'src/lib/workers/analysis-client.ts', text: 'export class C {}' },
		extra
	];
	const caught = (extra: SourceFile) => violations(tree(extra)).map((v) => v.rule);

	it.each([
		['capture importing decode', { path: 'src/lib/core/capture/har.ts', text: "import { x } from '../decode/peel';" }, /capture is the first stage/],
		['decode importing classify', { path: 'src/lib/core/decode/codecs/json.ts', text: "import { y } from '../../classify/findings';" }, /decode does not import classify/],
		['classify importing report', { path: 'src/lib/core/classify/severity.ts', text: "export { z } from '../report/analyze';" }, /classify does not import report/],
		['core importing a Node built-in', { path: 'src/lib/core/limits.ts', text: "import { readFileSync } from 'node:fs';" }, /core imports no DOM, Node/],
		['core importing Svelte', { path: 'src/lib/core/limits.ts', text: "import { tick } from 'svelte';" }, /core imports no DOM, Node/],
		['core importing $app', { path: 'src/lib/core/limits.ts', text: "const m = import('$app/environment');" }, /core imports no DOM, Node/],
		['core reaching into state', { path: 'src/lib/core/limits.ts', text: "import { W } from '../state/workspace.svelte';" }, /does not reach out of core/],
		['shared importing decode', { path: 'src/lib/core/shared/path.ts', text: "import { x } from '../decode/peel';" }, /shared is the kernel/],
		['a component calling the core', { path: 'src/lib/components/X.svelte', text: "<script lang=\"ts\">\n\timport { analyze } from '$lib/core/report/analyze';\n</script>" }, /components do not call the core/],
		['a component using the worker', { path: 'src/lib/components/X.svelte', text: "<script lang=\"ts\">\n\timport { C } from '$lib/workers/analysis-client';\n</script>" }, /do not use the worker/]
	])('catches %s', (_name, file, rule) => {
		expect(caught(file)).toEqual([expect.stringMatching(rule)]);
	});

	it.each([
		['a component importing core types', { path: 'src/lib/components/X.svelte', text: "<script lang=\"ts\">\n\timport type { M } from '$lib/core/model';\n</script>" }],
		['a component using the shared kernel', { path: 'src/lib/components/X.svelte', text: "<script lang=\"ts\">\n\timport { t } from '$lib/core/shared/text';\n</script>" }],
		['classify importing decode', { path: 'src/lib/core/classify/x.ts', text: "import { x } from '../decode/peel';" }],
		['core importing a listed package', { path: 'src/lib/core/decode/codecs/gzip.ts', text: "import { Inflate } from 'pako';" }],
		['markup that mentions an import', { path: 'src/lib/components/X.svelte', text: "<p>import {'{'} x {'}'} from '$lib/core/report/analyze';</p>" }]
	])('allows %s', (_name, file) => {
		expect(caught(file)).toEqual([]);
	});
});
