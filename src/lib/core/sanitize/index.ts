/**
 * Deep sanitized HAR export (issue #14). DOM-free and pure: the app's worker and the command line call it the
 * same way.
 *
 * API
 *   sanitizeCapture(input, options) → SanitizeRun
 *     input    { name, bytes }: the capture file as read (HAR, a gzip/zip-wrapped HAR, raw HTTP, curl, Burp XML
 *              or a bare payload; anything but a plain HAR is written out as HAR 1.2 entries).
 *     options  { mask: 'secrets' | 'all', keepTypes?: string[], maxChanges?: number, onProgress?(done, total) }
 *              `secrets`: cookies, credential headers (Authorization, X-Api-Key…), fields named like tokens,
 *              keys, passwords, signatures and session IDs, JWT signatures and `auth.secret` findings;
 *              `all`: also every finding (identifiers and personal values). keepTypes: finding types left as they are.
 *     The run reads the capture once when called (the plan: what to mask). Then:
 *     run.chunks()  a generator of HAR 1.2 text pieces (head, one per entry, tail); write them in order.
 *     run.report    SanitizeReport: every change (exchange, place, path through the layers, kind, placeholder,
 *                   a hint that does not give the value away), whole replacements with their reason, counts.
 *                   Complete once chunks() has been run to its end.
 *   previewSanitize(input, options) → SanitizeReport: the same run with nothing kept (what will change).
 *
 * Throws InputError for input that is not a capture (as the readers do). Decoding is bounded by the same
 * Budget per part as analysis; a value a limit left unread is written as it was (see the report's notes).
 */
import { PeelCache } from '../decode/peel';
import { VERSION } from '../version';
import { PlanCollector } from './collect';
import { patchEntry } from './entry-patch';
import { HAR_TAIL, harEntryText, harHead } from './har-write';
import { MaskPlan } from './plan';
import { normalizeEntry, normalizeLog } from './har-normalize';
import { entrySource, type SanitizeInput } from './source';
import type { SanitizeOptions, SanitizeReport } from './types';

export type { SanitizeInput } from './source';
export type { SanitizeOptions, SanitizeReport, SanitizeChange, WholeReplacement, MaskKind, ChangePlace } from './types';
export { SIGNATURE_PLACEHOLDER } from './rewrite';

export interface SanitizeRunOptions extends SanitizeOptions {
	/** Called after each entry of each pass (`pass` 1 plans, 2 writes). */
	onProgress?(pass: 1 | 2, done: number, total: number): void;
}

export interface SanitizeRun {
	report: SanitizeReport;
	chunks(): Generator<string, void, undefined>;
}

const DEFAULT_MAX_CHANGES = 10_000;

export function sanitizeCapture(input: SanitizeInput, options: SanitizeRunOptions): SanitizeRun {
	const source = entrySource(input);
	const plan = new MaskPlan(options);
	const collector = new PlanCollector(plan);
	for (let i = 0; i < source.count; i++) {
		const { entry, exchange } = source.entry(i);
		collector.collect(i, exchange, entry);
		options.onProgress?.(1, i + 1, source.count);
	}
	const maxChanges = options.maxChanges ?? DEFAULT_MAX_CHANGES;
	const report: SanitizeReport = {
		mask: options.mask,
		exchanges: source.count,
		changes: [],
		changeCount: 0,
		changesByKind: {},
		replacedWhole: [],
		placeholdersByKind: {},
		notes: source.format === 'har' ? [] : [`read as ${source.format} and written as HAR 1.2`]
	};
	const comment = `Sanitized by Telltale ${VERSION}: ${options.mask === 'all' ? 'secrets and every detected identifier and personal value' : 'secrets'} replaced by placeholders${options.keepTypes?.length ? ` (kept: ${options.keepTypes.join(', ')})` : ''}.`;
	function* chunks(): Generator<string, void, undefined> {
		const cache = new PeelCache();
		normalizeLog(source.log);
		yield harHead(source.log, comment);
		let normalized = 0;
		for (let i = 0; i < source.count; i++) {
			const { entry, exchange } = source.entry(i);
			patchEntry(i, entry, exchange, plan, cache, {
				change(place, path, kind, placeholder, hint) {
					report.changeCount++;
					report.changesByKind[kind] = (report.changesByKind[kind] ?? 0) + 1;
					if (report.changes.length < maxChanges) report.changes.push({ exchange: i, place, path, kind, placeholder, hint });
				},
				whole(path, placeholder, reason) {
					report.replacedWhole.push({ exchange: i, path, placeholder, reason });
				}
			});
			if (normalizeEntry(entry, exchange).length > 0) normalized++;
			yield harEntryText(entry, i === 0);
			options.onProgress?.(2, i + 1, source.count);
		}
		report.placeholdersByKind = plan.placeholders.tally();
		if (normalized > 0) report.notes.push(`${normalized} entr${normalized === 1 ? 'y was' : 'ies were'} not valid HAR 1.2 and had required members filled in or malformed optional ones dropped`);
		yield HAR_TAIL;
	}
	return { report, chunks };
}

export function previewSanitize(input: SanitizeInput, options: SanitizeRunOptions): SanitizeReport {
	const run = sanitizeCapture(input, options);
	for (const chunk of run.chunks()) void chunk;
	return run.report;
}
