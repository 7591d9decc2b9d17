/**
 * The data flow as an inline SVG: finding types on the left, receivers on the right, a band per pair as wide as its
 * share of findings. Computed here as text (no DOM, no library), so the report needs no script and the page's
 * policy allows no more than inline styles. Inline SVG in HTML needs no namespace, so no address appears at all.
 * Every label is escaped: receiver names can come from imported lists.
 */
import type { FlowMatrix } from './flow';
import { html } from './escape';

const WIDTH = 820;
const LEFT = 230;
const RIGHT = 590;
const BAR = 10;
const ROW = 26;
const GAP = 6;
const TOP = 10;

interface Node {
	label: string;
	total: number;
	y: number;
	height: number;
	/** Where the next band starts inside the node. */
	next: number;
}

function layout(labels: string[], totals: number[], height: number): Node[] {
	const available = height - GAP * Math.max(0, labels.length - 1);
	const grand = totals.reduce((a, b) => a + b, 0) || 1;
	let y = TOP;
	return labels.map((label, i) => {
		// A node is never thinner than a line of text could point at.
		const h = Math.max(3, (totals[i]! / grand) * available);
		const node = { label, total: totals[i]!, y, height: h, next: y };
		y += h + GAP;
		return node;
	});
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

export function flowSvg(matrix: FlowMatrix): string {
	const { types, receivers, counts } = matrix;
	if (types.length === 0) return '';
	const inner = Math.max(types.length, receivers.length) * ROW;
	const height = inner + 2 * TOP;
	const typeTotals = types.map((_, t) => counts.reduce((s, row) => s + row[t]!, 0));
	const receiverTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
	const left = layout(types, typeTotals, inner);
	const right = layout(receivers, receiverTotals, inner);
	const bands: string[] = [];
	const middle = (LEFT + BAR + RIGHT) / 2;
	// Bands in type order, then receiver order, so each node's bands stack without crossing inside it.
	types.forEach((type, t) => {
		receivers.forEach((receiver, r) => {
			const c = counts[r]![t]!;
			if (c === 0) return;
			const a = left[t]!;
			const b = right[r]!;
			const ha = (c / a.total) * a.height;
			const hb = (c / b.total) * b.height;
			const [x0, x1, y0, y1] = [LEFT + BAR, RIGHT, a.next, b.next];
			a.next += ha;
			b.next += hb;
			bands.push(
				`<path class="band c${r % 8}" d="M${x0} ${n(y0)}C${middle} ${n(y0)} ${middle} ${n(y1)} ${x1} ${n(y1)}L${x1} ${n(y1 + hb)}C${middle} ${n(y1 + hb)} ${middle} ${n(y0 + ha)} ${x0} ${n(y0 + ha)}Z"><title>${html(`${type} → ${receiver}: ${c} finding${c === 1 ? '' : 's'}`)}</title></path>`
			);
		});
	});
	const nodes = [
		...left.map((node) => `<rect class="node" x="${LEFT}" y="${n(node.y)}" width="${BAR}" height="${n(node.height)}"/><text x="${LEFT - 6}" y="${n(node.y + node.height / 2)}" text-anchor="end" dominant-baseline="middle">${html(`${node.label} (${node.total})`)}</text>`),
		...right.map((node, r) => `<rect class="node c${r % 8}" x="${RIGHT}" y="${n(node.y)}" width="${BAR}" height="${n(node.height)}"/><text x="${RIGHT + BAR + 6}" y="${n(node.y + node.height / 2)}" dominant-baseline="middle">${html(`${node.label} (${node.total})`)}</text>`)
	];
	const label = `Data flow: ${types.length} finding type${types.length === 1 ? '' : 's'} to ${receivers.length} receiver${receivers.length === 1 ? '' : 's'}`;
	return `<svg class="flow" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${html(label)}">${bands.join('')}${nodes.join('')}</svg>`;
}
