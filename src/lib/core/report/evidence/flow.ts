/**
 * The data flow of a capture: how many findings of each type went to each receiver, tallied exchange by exchange so
 * the report's picture costs a few numbers per receiver, not the findings. A receiver is named as people know it
 * (the company, else the product, else the site), so the picture reads "device.imei → Google".
 */
import { FINDING_TYPES, type ExchangeReport, type FindingType } from '../../model';
import { destinationLabel } from '../../shared/destination-label';

export interface FlowMatrix {
	/** Types that occur, in FINDING_TYPES order. */
	types: FindingType[];
	/** Receivers, most findings first; the last is `OTHER` when some were folded. */
	receivers: string[];
	/** counts[r][t]: findings of types[t] sent to receivers[r]. */
	counts: number[][];
	/** How many receivers `OTHER` stands for (0 when none were folded). */
	folded: number;
}

export const OTHER = 'Other receivers';

export function receiverOf(exchange: ExchangeReport): string {
	if (exchange.destination) return destinationLabel(exchange.destination).name;
	return exchange.host ?? '(no destination)';
}

export class FlowTally {
	private readonly byReceiver = new Map<string, Map<FindingType, number>>();

	add(exchange: ExchangeReport): void {
		if (exchange.findings.length === 0) return;
		const receiver = receiverOf(exchange);
		let row = this.byReceiver.get(receiver);
		if (!row) this.byReceiver.set(receiver, (row = new Map()));
		for (const finding of exchange.findings) row.set(finding.type, (row.get(finding.type) ?? 0) + 1);
	}

	/** Every receiver, most findings first, each with its findings by type (for lists that show them all). */
	rows(): { receiver: string; byType: Map<FindingType, number>; total: number }[] {
		return [...this.byReceiver]
			.map(([receiver, byType]) => ({ receiver, byType, total: sum(byType.values()) }))
			.sort((a, b) => b.total - a.total || a.receiver.localeCompare(b.receiver));
	}

	/** The picture's numbers: the `maxReceivers - 1` largest receivers and the rest folded into one, so it stays legible. */
	matrix(maxReceivers: number): FlowMatrix {
		const rows = this.rows();
		const kept = rows.length > maxReceivers ? rows.slice(0, maxReceivers - 1) : rows;
		const rest = rows.slice(kept.length);
		const present = new Set<FindingType>();
		for (const row of rows) for (const type of row.byType.keys()) present.add(type);
		const types = FINDING_TYPES.filter((t) => present.has(t));
		const counts = kept.map((row) => types.map((t) => row.byType.get(t) ?? 0));
		if (rest.length > 0) counts.push(types.map((t) => sum(rest.map((row) => row.byType.get(t) ?? 0))));
		return { types, receivers: [...kept.map((r) => r.receiver), ...(rest.length > 0 ? [OTHER] : [])], counts, folded: rest.length };
	}
}

function sum(values: Iterable<number>): number {
	let total = 0;
	for (const v of values) total += v;
	return total;
}
