/** The readable comparison: every section capped, as the analyze summary is, so it fits a screen. */
import type { CompareSide, Comparison } from '../lib/core/report/compare';

export const COMPARE_SHOWN = { sites: 12, values: 10, persisted: 15, changed: 10 } as const;

export function renderComparison(c: Comparison): string {
	const lines: string[] = [`A: ${c.a.name} (${plural(c.a.exchanges, 'exchange')})`, `B: ${c.b.name} (${plural(c.b.exchanges, 'exchange')})`];
	lines.push(...side('in both', c.both), ...side('only in A', c.onlyA), ...side('only in B', c.onlyB));
	if (c.changed.length > 0) {
		lines.push('identifiers whose value changed:');
		lines.push(
			...capped(c.changed, COMPARE_SHOWN.changed, (ch) => {
				const what = ch.kind === 'reset' ? 'reset' : `changed (${plural(ch.kept, 'value')} kept)`;
				return `  ${ch.type} ${what}: ${list(ch.a, 3)} → ${list(ch.b, 3)}`;
			}, 'type')
		);
	}
	if (c.persisted.length > 0) {
		lines.push(`identifiers in both captures (${count(c.persisted.length)}):`);
		lines.push(
			...capped(c.persisted, COMPARE_SHOWN.persisted, (p) => `  ${p.a.types.join('/')} ${truncate(p.value, 60)}: A → ${list(p.a.sites, 3)}; B → ${list(p.b.sites, 3)}`, 'identifier')
		);
	} else lines.push('no identifier value is in both captures');
	return lines.join('\n') + '\n';
}

function side(title: string, s: CompareSide): string[] {
	if (s.sites.length === 0 && s.types.length === 0 && s.values.length === 0) return [`${title}: nothing`];
	const lines = [`${title}: ${plural(s.sites.length, 'site')}, ${plural(s.types.length, 'finding type')}, ${plural(s.values.length, 'identifier value')}`];
	if (s.sites.length > 0) lines.push(`  sites: ${list(s.sites.map((x) => (x.company ? `${x.site} (${x.company})` : x.site)), COMPARE_SHOWN.sites)}`);
	if (s.types.length > 0) lines.push(`  types: ${s.types.join(', ')}`);
	lines.push(...capped(s.values, COMPARE_SHOWN.values, (v) => `  ${v.type} ${truncate(v.value, 60)}`, 'value'));
	return lines;
}

function list(items: readonly string[], max: number): string {
	if (items.length === 0) return 'nothing';
	const shown = items.slice(0, max).map((s) => truncate(s, 60)).join(', ');
	return items.length > max ? `${shown} and ${count(items.length - max)} more` : shown;
}

function capped<T>(items: readonly T[], max: number, line: (item: T) => string, noun: string): string[] {
	const out = items.slice(0, max).map(line);
	if (items.length > max) out.push(`  … and ${plural(items.length - max, `more ${noun}`)}`);
	return out;
}

function count(n: number): string {
	return n.toLocaleString('en-US');
}

function plural(n: number, word: string): string {
	return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(s: string, max: number): string {
	return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
