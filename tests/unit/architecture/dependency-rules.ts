/**
 * The dependency rules of docs/ARCHITECTURE.md, checked over source text: which module may import which. A rule is
 * (files it applies to, imports it forbids, why). Imports are read from `import … from`, `export … from`,
 * `import('…')` and bare `import '…'`; `import type` is allowed wherever a rule says types are fine.
 */
import { dirname, join, normalize } from 'node:path';

export interface SourceFile {
	/** Path from the repository root, with forward slashes (`src/lib/core/capture/har.ts`). */
	path: string;
	text: string;
}

export interface Violation {
	file: string;
	line: number;
	specifier: string;
	rule: string;
}

interface ImportSite {
	specifier: string;
	/** The repository path it resolves to (relative and `$lib/` specifiers), else null for packages. */
	target: string | null;
	typeOnly: boolean;
	line: number;
}

interface Rule {
	name: string;
	applies(path: string): boolean;
	forbids(site: ImportSite, from: string): boolean;
}

const CORE = 'src/lib/core/';
const under = (folder: string) => (path: string | null) => path !== null && path.startsWith(folder);
const inCore = under(CORE);
const inCapture = under(`${CORE}capture/`);
const inDecode = under(`${CORE}decode/`);
const inClassify = under(`${CORE}classify/`);
const inReport = under(`${CORE}report/`);
const inShared = under(`${CORE}shared/`);

/** Packages the core may use at run time: pure JavaScript that runs the same in Node, a worker and a test. */
const CORE_PACKAGES = ['pako', 'fflate', 'brotli', 'fzstd', '@msgpack/msgpack', 'cbor-x', 'lz-string', 'tldts', 'libphonenumber-js', '@noble/hashes'];
const isCorePackage = (specifier: string) => CORE_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`));

export const RULES: readonly Rule[] = [
	{
		name: 'core imports no DOM, Node, Svelte or $app: only relative modules and the pure packages it lists',
		applies: inCore,
		forbids: (site) => site.target === null && !isCorePackage(site.specifier)
	},
	{
		name: 'core does not reach out of core (workers, state, components, the command line)',
		applies: inCore,
		// The one exception: version.ts reads the version from the package manifest (data, not code).
		forbids: (site, from) => site.target !== null && !inCore(site.target) && !(from === `${CORE}version.ts` && site.target === 'package.json')
	},
	{
		name: 'shared is the kernel: it imports only shared',
		applies: inShared,
		forbids: (site) => site.target !== null && !inShared(site.target)
	},
	{
		name: 'capture is the first stage: it does not import decode, classify or report',
		applies: inCapture,
		forbids: (site) => inDecode(site.target) || inClassify(site.target) || inReport(site.target)
	},
	{
		name: 'decode does not import classify or report (nor capture, the stage before it)',
		applies: inDecode,
		forbids: (site) => inClassify(site.target) || inReport(site.target) || inCapture(site.target)
	},
	{
		name: 'classify does not import report',
		applies: inClassify,
		forbids: (site) => inReport(site.target)
	},
	{
		name: 'components do not call the core at run time (types and the shared kernel are fine): the state or the worker does',
		applies: under('src/lib/components/'),
		forbids: (site) => !site.typeOnly && inCore(site.target) && !inShared(site.target)
	},
	{
		name: 'components and routes do not use the worker or IndexedDB directly: state classes do',
		applies: (path) => path.startsWith('src/lib/components/') || path.startsWith('src/routes/'),
		forbids: (site) => !site.typeOnly && (under('src/lib/workers/')(site.target) || under('src/lib/store/')(site.target))
	}
];

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '.svelte.ts', '/index.ts'];

function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

function resolve(from: string, specifier: string, exists: (path: string) => boolean): string | null {
	let base: string;
	if (specifier.startsWith('$lib/')) base = `src/lib/${specifier.slice(5)}`;
	else if (specifier.startsWith('.')) base = normalize(join(dirname(from), specifier)).replace(/\\/g, '/');
	else return null;
	for (const ext of EXTENSIONS) if (exists(base + ext)) return base + ext;
	return base;
}

/** Every import of a file; in a .svelte file only its script blocks count. */
export function importsOf(file: SourceFile, exists: (path: string) => boolean): ImportSite[] {
	const text = file.path.endsWith('.svelte') ? scriptsOf(file.text) : file.text;
	const sites: ImportSite[] = [];
	for (const match of text.matchAll(IMPORT)) {
		const specifier = match[3]!;
		// `export { x }` without `from` matches nothing; `import x, { type y }` counts as a run-time import.
		sites.push({ specifier, target: resolve(file.path, specifier, exists), typeOnly: match[2] !== undefined, line: lineAt(text, match.index) });
	}
	for (const match of text.matchAll(DYNAMIC_IMPORT)) {
		const specifier = match[1]!;
		sites.push({ specifier, target: resolve(file.path, specifier, exists), typeOnly: false, line: lineAt(text, match.index) });
	}
	return sites;
}

/** The script blocks of a Svelte component, with everything else blanked to keep line numbers. */
function scriptsOf(text: string): string {
	return text.replace(/<script[^>]*>([\s\S]*?)<\/script>|[^\n]/g, (whole, script: string | undefined) => (script !== undefined ? whole : ''));
}

export function violations(files: readonly SourceFile[]): Violation[] {
	const paths = new Set(files.map((f) => f.path));
	const exists = (path: string) => paths.has(path);
	const out: Violation[] = [];
	for (const file of files) {
		const rules = RULES.filter((rule) => rule.applies(file.path));
		if (rules.length === 0) continue;
		for (const site of importsOf(file, exists)) {
			for (const rule of rules) if (rule.forbids(site, file.path)) out.push({ file: file.path, line: site.line, specifier: site.specifier, rule: rule.name });
		}
	}
	return out;
}

/** Browser and Node globals the core must not touch: it runs the same in Node, a worker and a test. */
const PLATFORM_GLOBAL = /\b(document|window|localStorage|sessionStorage|indexedDB|navigator|process|Buffer|require)\s*[.([]/g;

/** Code without its comments and string literals (roughly: enough to keep prose from looking like code). */
function codeOnly(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (m) => m.replace(/[^\n]/g, ' '));
}

export function platformGlobals(files: readonly SourceFile[]): Violation[] {
	const out: Violation[] = [];
	for (const file of files) {
		if (!inCore(file.path) || !file.path.endsWith('.ts')) continue;
		const code = codeOnly(file.text);
		for (const match of code.matchAll(PLATFORM_GLOBAL)) {
			out.push({ file: file.path, line: lineAt(code, match.index), specifier: match[1]!, rule: 'core uses no browser or Node global' });
		}
	}
	return out;
}
