/**
 * Where the data-flow chart's nodes and bands go, for a given width: d3-sankey computes the positions and the band
 * paths, and the result is plain numbers and strings that a Svelte component draws as SVG (no library touches the DOM).
 * Types are the left column, receivers the right; labels sit outside the columns, so they never cover a band.
 */
import { sankey, sankeyLinkHorizontal, type SankeyLink } from 'd3-sankey';
import type { FindingType } from '../../core/model';
import type { FlowModel } from './data-flow';
import type { ExchangeFilter } from './receivers';
import { requestsText, shorten } from './text';
import type { TypeTone } from './type-labels';

export interface SankeyBox {
	key: string;
	side: 'type' | 'receiver';
	x0: number;
	x1: number;
	y0: number;
	y1: number;
	/** The label as drawn (shortened to fit) and where: its anchor point and side. */
	text: string;
	textX: number;
	textY: number;
	anchor: 'start' | 'end';
	/** Whether the label lies over the bands (a narrow chart), which wants a halo to stay readable. */
	inside: boolean;
	/** The whole name, for the tooltip and screen readers. */
	name: string;
	tone: TypeTone | null;
	filter: ExchangeFilter;
}

export interface SankeyBand {
	key: string;
	d: string;
	width: number;
	tone: TypeTone;
	type: FindingType;
	receiver: number;
	/** The keys of the two nodes it joins, to light a node's bands. */
	from: string;
	to: string;
	name: string;
	filter: ExchangeFilter;
}

export interface SankeyLayout {
	width: number;
	height: number;
	nodes: SankeyBox[];
	bands: SankeyBand[];
}

interface NodeExtra {
	key: string;
	side: 'type' | 'receiver';
	order: number;
}
interface LinkExtra {
	band: number;
}

/** Vertical room per node in the taller column: a 12 px label and the gap that keeps labels apart. */
const ROW = 30;
const NODE_PADDING = 16;
const NODE_WIDTH = 10;
/** Below this width labels go inside the columns. */
const NARROW = 560;
/** A generous average advance of a 12 px system-font character (DejaVu Sans is wide), to shorten labels before they overflow. */
const CHAR_WIDTH = 7.2;

export function layoutFlows(model: FlowModel, width: number): SankeyLayout | null {
	if (model.flows.length === 0 || width <= 0) return null;
	const rows = Math.max(model.types.length, model.receivers.length);
	const height = Math.max(200, rows * ROW);
	// Wide: labels get the margins, outside the columns. Narrow (a phone): margins would leave the bands a sliver, so
	// the columns go to the edges and labels sit inside them, over the bands, each side getting half the width.
	const inside = width < NARROW;
	const margin = inside ? 2 : Math.round(Math.min(220, Math.max(120, width * 0.3)));
	const room = inside ? width / 2 - NODE_WIDTH - 12 : margin - 8;
	const chars = Math.floor(room / CHAR_WIDTH);
	const withCounts = chars >= 22;

	const typeIndex = new Map(model.types.map((t, i) => [t.type, i]));
	// `name` is drawn (shortened when it must be), `full` adds the receiver's detail for the tooltip and screen readers.
	const nodes: (NodeExtra & { name: string; full: string; count: number; tone: TypeTone | null; filter: ExchangeFilter })[] = [
		...model.types.map((t, i) => ({ key: `type:${t.type}`, side: 'type' as const, order: i, name: t.label, full: t.label, count: t.requests, tone: t.tone, filter: t.filter })),
		...model.receivers.map((r, i) => ({
			key: `receiver:${r.key}`,
			side: 'receiver' as const,
			order: i,
			name: r.name,
			full: r.detail ? `${r.name} (${r.detail})` : r.name,
			count: r.weight,
			tone: null,
			filter: r.filter
		}))
	];
	const receiverBase = model.types.length;
	const links = model.flows.map((flow, band) => ({ source: typeIndex.get(flow.type)!, target: receiverBase + flow.receiver, value: flow.requests, band }));

	const graph = sankey<NodeExtra, LinkExtra>()
		.nodeWidth(NODE_WIDTH)
		.nodePadding(NODE_PADDING)
		// Each column keeps the model's order (largest first), so the chart reads top-down like the table.
		.nodeSort((a, b) => a.order - b.order)
		.extent([
			[margin, 4],
			[Math.max(margin + 2 * NODE_WIDTH + 20, width - margin), height - 4]
		])({ nodes: nodes.map((n) => ({ key: n.key, side: n.side, order: n.order })), links });

	const path = sankeyLinkHorizontal<NodeExtra, LinkExtra>();
	const boxes: SankeyBox[] = graph.nodes.map((node, i) => {
		const source = nodes[i]!;
		const left = source.side === 'type';
		const name = `${source.full}: ${requestsText(source.count)}`;
		const count = source.count.toLocaleString('en-US');
		const text = withCounts ? `${shorten(source.name, chars - count.length - 1)} ${count}` : shorten(source.name, chars);
		// Types' labels go left of their column when outside, receivers' right; inside, the other way round.
		const labelLeft = left !== inside;
		return {
			key: source.key,
			side: source.side,
			x0: node.x0!,
			x1: node.x1!,
			y0: node.y0!,
			y1: node.y1!,
			text,
			textX: labelLeft ? node.x0! - 6 : node.x1! + 6,
			textY: (node.y0! + node.y1!) / 2,
			anchor: labelLeft ? 'end' : 'start',
			inside,
			name: source.side === 'receiver' ? `${name} with personal data` : name,
			tone: source.tone,
			filter: source.filter
		};
	});
	const bands: SankeyBand[] = graph.links.map((link: SankeyLink<NodeExtra, LinkExtra>) => {
		const flow = model.flows[link.band]!;
		return {
			key: `${flow.type}>${flow.receiver}`,
			d: path(link) ?? '',
			width: Math.max(1, link.width ?? 1),
			tone: model.types[typeIndex.get(flow.type)!]!.tone,
			type: flow.type,
			receiver: flow.receiver,
			from: `type:${flow.type}`,
			to: `receiver:${model.receivers[flow.receiver]!.key}`,
			name: flow.name,
			filter: flow.filter
		};
	});
	return { width, height, nodes: boxes, bands };
}
