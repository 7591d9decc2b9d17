/** The readable summary printed without --json. */
import type { Report } from '../lib/core/model';

export function renderSummary(report: Report): string {
	const lines: string[] = [];
	const { input, summary } = report;
	lines.push(`${input.name}: ${input.format}, ${plural(input.exchanges, 'exchange')}, ${plural(summary.findings, 'finding')}`);
	for (const note of summary.notes) lines.push(`  note: ${note}`);
	for (const exchange of report.exchanges) {
		const target = exchange.url ? `${exchange.method ?? '?'} ${truncate(exchange.url, 100)}` : 'payload';
		const status = exchange.status !== null ? ` → ${exchange.status}` : '';
		const layers = exchange.layers.length > 0 ? `  [${exchange.layers.join(' › ')}]` : '';
		lines.push(`#${exchange.index} ${target}${status}${layers}`);
		const who = exchange.destination;
		if (who && (who.company || who.product)) lines.push(`    to ${[who.company, who.product].filter(Boolean).join(' / ')} (${who.category})`);
		for (const finding of exchange.findings) {
			lines.push(`    ${finding.type}: ${truncate(finding.value, 80)}  (${finding.confidence}; ${finding.reason})`);
			lines.push(`      at ${finding.path}`);
		}
	}
	if (report.identifiers.length > 0) {
		lines.push('identifiers seen more than once:');
		for (const id of report.identifiers) lines.push(`  ${id.type} ${truncate(id.value, 60)} → ${id.sites.join(', ')} (exchanges ${id.exchanges.join(', ')})`);
	}
	return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
	return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(s: string, max: number): string {
	return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
