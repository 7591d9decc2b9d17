/**
 * What to mask, gathered over the whole capture before anything is written (the first pass): the values the
 * detectors found (by type, filtered by the options), credentials found by name, and where each finding sat.
 * A value found anywhere is then masked everywhere it appears, also where no detector looked (a response
 * header, a tool's `_initiator` field, an earlier exchange).
 */
import type { Finding } from '../model';
import { Placeholders, type Placeholder } from './placeholders';
import type { MaskKind, SanitizeOptions } from './types';

/** Values at least this long are masked wherever they appear whole, in any exchange. */
export const MIN_EXACT_ANYWHERE = 6;
/** Values at least this long are masked wherever they appear inside a text, in any exchange. */
export const MIN_SUBSTRING_ANYWHERE = 8;
/** Distinct values the capture-wide substring search holds at most (a pattern of more is slow to build and run). */
const MAX_PATTERN_VALUES = 20_000;

export interface Wanted {
	value: string;
	kind: MaskKind;
}

export class MaskPlan {
	readonly placeholders = new Placeholders();
	readonly masksSecrets: boolean;
	private readonly keep: ReadonlySet<string>;
	private readonly values = new Map<string, MaskKind>();
	private readonly byExchange = new Map<number, { paths: Map<string, Wanted[]>; values: Set<string> }>();
	private pattern: RegExp | null = null;
	private variants = new Map<string, string>();

	constructor(readonly options: SanitizeOptions) {
		this.keep = new Set(options.keepTypes ?? []);
		this.masksSecrets = !this.keep.has('auth.secret');
	}

	/** Whether findings of `type` are to be masked under the options. */
	wants(type: string): boolean {
		if (this.keep.has(type)) return false;
		return this.options.mask === 'all' || type === 'auth.secret';
	}

	addFinding(exchange: number, finding: Finding): void {
		if (!this.wants(finding.type) || finding.value.length === 0) return;
		const entry = this.exchangeEntry(exchange);
		for (const path of finding.paths) {
			const list = entry.paths.get(path);
			const wanted = { value: finding.value, kind: finding.type };
			if (list) list.push(wanted);
			else entry.paths.set(path, [wanted]);
		}
		// Detectors never report a secret's value in full (`ab…23 (19 chars)`): only where it sat is of use, and the
		// value there is replaced whole (rewrite.ts).
		if (finding.type !== 'auth.secret') this.addValue(finding.value, finding.type, exchange);
	}

	/** A value to mask wherever it is met (a credential by name, a cookie). */
	addValue(value: string, kind: MaskKind, exchange?: number): void {
		if (value.length === 0) return;
		if (!this.values.has(value)) this.values.set(value, kind);
		if (exchange !== undefined) this.exchangeEntry(exchange).values.add(value);
		this.pattern = null;
	}

	private exchangeEntry(exchange: number) {
		let entry = this.byExchange.get(exchange);
		if (!entry) this.byExchange.set(exchange, (entry = { paths: new Map(), values: new Set() }));
		return entry;
	}

	/** The findings of `exchange` at `path`. */
	at(exchange: number, path: string): readonly Wanted[] {
		return this.byExchange.get(exchange)?.paths.get(path) ?? [];
	}

	/** The kind of a whole value to mask in `exchange`, or null. */
	exact(value: string, exchange: number): MaskKind | null {
		const kind = this.values.get(value);
		if (kind === undefined) return null;
		return value.length >= MIN_EXACT_ANYWHERE || this.byExchange.get(exchange)?.values.has(value) ? kind : null;
	}

	placeholder(value: string, kind: MaskKind): Placeholder {
		return this.placeholders.of(value, kind);
	}

	/**
	 * `text` with every known value inside it replaced: long values anywhere (also percent-encoded), and the
	 * findings of this path whatever their length. Null when nothing was replaced.
	 */
	substitute(text: string, exchange: number, path: string | null, hit: (value: string, kind: MaskKind, placeholder: string) => void): string | null {
		let out = text;
		if (path !== null) {
			for (const { value, kind } of this.at(exchange, path)) {
				if (value.length < MIN_SUBSTRING_ANYWHERE || !out.includes(value)) continue;
				const p = this.placeholder(value, kind).text;
				out = out.split(value).join(p);
				hit(value, kind, p);
			}
		}
		// Short values of this exchange (an OS version `10`, a model `A52`) only as whole words: `Android 10`, not `Chrome/100`.
		const local = this.shortValuePattern(exchange);
		if (local) {
			local.lastIndex = 0;
			out = out.replace(local, (match) => {
				const kind = this.values.get(match)!;
				const p = this.placeholder(match, kind).text;
				hit(match, kind, p);
				return p;
			});
		}
		if (out.length >= MIN_SUBSTRING_ANYWHERE) {
			const pattern = this.substringPattern();
			if (pattern) {
				pattern.lastIndex = 0;
				out = out.replace(pattern, (match) => {
					const value = this.variants.get(match) ?? match;
					const kind = this.values.get(value)!;
					const p = this.placeholder(value, kind).text;
					hit(value, kind, p);
					return p;
				});
			}
		}
		return out === text ? null : out;
	}

	private shortPattern: { exchange: number; size: number; pattern: RegExp | null } | null = null;

	private shortValuePattern(exchange: number): RegExp | null {
		const values = this.byExchange.get(exchange)?.values;
		if (!values) return null;
		if (this.shortPattern?.exchange === exchange && this.shortPattern.size === values.size) return this.shortPattern.pattern;
		const short = [...values].filter((v) => v.length >= 2 && v.length < MIN_SUBSTRING_ANYWHERE && this.values.has(v)).sort((a, b) => b.length - a.length);
		const pattern = short.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${short.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
		this.shortPattern = { exchange, size: values.size, pattern };
		return pattern;
	}

	private substringPattern(): RegExp | null {
		if (this.pattern) return this.pattern;
		const alternatives: string[] = [];
		this.variants = new Map();
		for (const value of this.values.keys()) {
			if (value.length < MIN_SUBSTRING_ANYWHERE) continue;
			alternatives.push(value);
			for (const variant of encodedForms(value)) {
				if (variant === value || this.variants.has(variant)) continue;
				this.variants.set(variant, value);
				alternatives.push(variant);
			}
			if (alternatives.length >= MAX_PATTERN_VALUES) break;
		}
		if (alternatives.length === 0) return null;
		// Longest first, so a value that contains another is replaced whole.
		alternatives.sort((a, b) => b.length - a.length);
		this.pattern = new RegExp(alternatives.map(escapeRegExp).join('|'), 'g');
		return this.pattern;
	}
}

/** How a value also travels as text: percent-encoded (a URL, a form) and JSON-escaped. */
function encodedForms(value: string): string[] {
	const out: string[] = [];
	try {
		out.push(encodeURIComponent(value));
	} catch {
		// A lone surrogate has no percent form.
	}
	const json = JSON.stringify(value).slice(1, -1);
	out.push(json);
	return out;
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
