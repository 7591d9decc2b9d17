/**
 * A timeline lane drawn as a handful of SVG paths instead of a shape per bin: 13 lanes of 400 bins as rects with
 * tooltips were 15,000 DOM nodes; as paths they are under a hundred. Bars that carried personal data are split into
 * four levels of the share that did, so each level is one path with one opacity.
 */
import type { TimelineBin, TimelineLane } from './timeline';

export interface LaneGeometry {
	/** Left edge of bin 0 and the width of one bin, in pixels. */
	x: number;
	binWidth: number;
	/** The lane's baseline (bars grow up from it) and the tallest bar. */
	base: number;
	barMax: number;
	/** Requests in the fullest bin of the chart, which gets the tallest bar. */
	peak: number;
}

export interface LaneShapes {
	/** Bars of bins where no request carried personal data. */
	plain: string;
	/** Bars of bins where some did, by the share that did: up to a quarter, a half, three quarters, all. */
	found: [string, string, string, string];
	/** A dot above each bar whose bin carried an identifier. */
	dots: string;
}

export const FOUND_OPACITY = [0.4, 0.6, 0.8, 1] as const;

const round = (n: number) => Math.round(n * 10) / 10;

/** The bar's height: by square root, so a bin of 4 requests is visibly shorter than one of 400 but not invisible. */
export function barHeight(requests: number, geometry: LaneGeometry): number {
	return 2 + (geometry.barMax - 2) * Math.sqrt(requests / Math.max(1, geometry.peak));
}

export function laneShapes(lane: TimelineLane, geometry: LaneGeometry): LaneShapes {
	const width = round(Math.max(1, geometry.binWidth - (geometry.binWidth > 3 ? 1 : 0)));
	let plain = '';
	const found: [string, string, string, string] = ['', '', '', ''];
	let dots = '';
	for (const bin of lane.bins) {
		const x = round(geometry.x + bin.index * geometry.binWidth);
		const h = round(barHeight(bin.requests, geometry));
		const bar = `M${x} ${geometry.base}v${-h}h${width}v${h}z`;
		if (bin.found === 0) plain += bar;
		else found[Math.min(3, Math.ceil((bin.found / bin.requests) * 4) - 1)] += bar;
		if (bin.identifiers > 0) {
			const cx = round(x + width / 2);
			const cy = round(geometry.base - h - 3.5);
			dots += `M${round(cx - 2)} ${cy}a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z`;
		}
	}
	return { plain, found, dots };
}

/** The bin at a position on the time axis, or null when that lane had no request there. */
export function binOf(lane: TimelineLane, index: number): TimelineBin | null {
	let lo = 0;
	let hi = lane.bins.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const bin = lane.bins[mid]!;
		if (bin.index === index) return bin;
		if (bin.index < index) lo = mid + 1;
		else hi = mid - 1;
	}
	return null;
}
