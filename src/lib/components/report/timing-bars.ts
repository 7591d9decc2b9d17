/**
 * HAR timing phases as a waterfall: where each bar starts and how wide it is, as fractions of the exchange.
 * Phases follow one another in HAR order, except `ssl`, which HAR counts inside `connect` (it is drawn at the end
 * of connecting). The scale is the recorded total, or the phases' sum when that is larger or missing.
 */
import type { ExchangeTiming } from '$lib/core/model';

export interface TimingBar {
	name: string;
	label: string;
	ms: number;
	/** 0..1 of the scale. */
	start: number;
	width: number;
}

const LABELS: Record<string, string> = {
	blocked: 'Queued',
	dns: 'DNS lookup',
	connect: 'Connecting',
	ssl: 'TLS (in connecting)',
	send: 'Sending',
	wait: 'Waiting for the server',
	receive: 'Receiving'
};

export function timingBars(timing: ExchangeTiming): { bars: TimingBar[]; scaleMs: number } {
	let at = 0;
	let connectEnd: number | null = null;
	const placed: { name: string; ms: number; startMs: number }[] = [];
	for (const { name, ms } of timing.phases) {
		if (name === 'ssl' && connectEnd !== null) {
			placed.push({ name, ms, startMs: Math.max(0, connectEnd - ms) });
			continue;
		}
		placed.push({ name, ms, startMs: at });
		at += ms;
		if (name === 'connect') connectEnd = at;
	}
	const scaleMs = Math.max(timing.totalMs ?? 0, at);
	const bars = placed.map(({ name, ms, startMs }) => ({
		name,
		label: LABELS[name] ?? name,
		ms,
		start: scaleMs > 0 ? startMs / scaleMs : 0,
		width: scaleMs > 0 ? ms / scaleMs : 0
	}));
	return { bars, scaleMs };
}

/** Milliseconds as a proxy shows them: more digits for short times. */
export function formatMs(ms: number): string {
	if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
	return `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
}
