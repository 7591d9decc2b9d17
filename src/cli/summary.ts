/** The readable summary printed without --json: grouped so a 500-event batch reads in one screen. */
import type { ExchangeReport, Report } from '../lib/core/model';

export function renderSummary(report: Report): string {
	const lines: string[] = [];
	const { input, summary } = report;
	lines.push(`${input.name}: ${input.format}, ${plural(input.exchanges, 'exchange')}, ${plural(summary.findings, 'finding')}`);
	for (const note of summary.notes) lines.push(`  note: ${note}`);
	if (summary.destinations && summary.destinations.length > 0) {
		lines.push('who received what:');
		for (const d of summary.destinations) {
			if (d.severity.level === 'none') continue;
			const who = [d.company, d.product].filter(Boolean).join(' / ') || d.site;
			lines.push(`  [${d.severity.level}] ${who} (${d.site}, ${d.category}): ${d.severity.why}`);
		}
	}
	for (const exchange of report.exchanges) lines.push(...renderExchange(exchange));
	if (report.identifiers.length > 0) {
		lines.push('identifiers seen in more than one exchange:');
		for (const id of report.identifiers) lines.push(`  ${id.type} ${truncate(id.value, 60)} → ${id.sites.join(', ') || 'no site'} (exchanges ${id.exchanges.join(', ')})`);
	}
	return lines.join('\n') + '\n';
}

function renderExchange(exchange: ExchangeReport): string[] {
	const lines: string[] = [];
	const target = exchange.url ? `${exchange.method ?? '?'} ${truncate(exchange.url, 100)}` : 'payload';
	const status = exchange.status !== null ? ` → ${exchange.status}` : '';
	const layers = exchange.layers.length > 0 ? `  [${exchange.layers.join(' › ')}]` : '';
	lines.push(`#${exchange.index} ${target}${status}${layers}`);
	const who = exchange.destination;
	if (who && (who.company || who.product)) lines.push(`    to ${[who.company, who.product].filter(Boolean).join(' / ')} (${who.category})`);
	for (const f of exchange.findings) {
		const times = f.count > 1 ? ` ×${f.count}` : '';
		lines.push(`    ${f.type}: ${truncate(f.value, 80)}${times}  (${f.confidence}; ${f.reason})`);
		lines.push(`      at ${f.path}${f.count > 1 ? ` (and ${f.count - 1} more place${f.count === 2 ? '' : 's'})` : ''}`);
	}
	return lines;
}

function plural(n: number, word: string): string {
	return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(s: string, max: number): string {
	return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
