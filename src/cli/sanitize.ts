/**
 * `telltale analyze FILE --format har [--sanitize[=secrets]]`: the capture written back as HAR 1.2 through the
 * core's sanitizer, piece by piece. Without --sanitize nothing is masked (mask nothing: every type kept, no
 * secrets) and standard error says so; with it, a summary of what changed goes to standard error.
 */
import { FINDING_TYPES } from '../lib/core/model';
import { sanitizeCapture, type SanitizeReport } from '../lib/core/sanitize/index';
import { concat } from '../lib/core/capture/har-scanner';
import type { Input } from './inputs';

export async function writeHar(input: Input, sanitize: 'all' | 'secrets' | null, keep: readonly string[], write: (text: string) => Promise<void>, warn: (text: string) => void): Promise<void> {
	const pieces: Uint8Array[] = [];
	for await (const chunk of input.open()) pieces.push(chunk);
	const bytes = concat(pieces);
	// Unsanitized: every finding type and the credentials kept, so the HAR goes out as it came in.
	const options = sanitize === null ? { mask: 'secrets' as const, keepTypes: ['auth.secret', ...FINDING_TYPES] } : { mask: sanitize, keepTypes: [...keep] };
	const run = sanitizeCapture({ name: input.name, bytes }, options);
	for (const chunk of run.chunks()) await write(chunk);
	if (sanitize === null) warn(`telltale: ${input.name} was written as HAR unchanged: it is NOT sanitized (cookies, tokens and identifiers are still in it; add --sanitize)\n`);
	else warn(summaryOf(input.name, run.report));
}

/** A few lines for people: how many values of which kinds became placeholders, and what was replaced whole. */
export function summaryOf(name: string, report: SanitizeReport): string {
	const lines = [`telltale: sanitized ${name} (${report.mask === 'all' ? 'secrets and identifiers' : 'secrets only'}): ${report.changeCount} change(s) in ${report.exchanges} exchange(s)`];
	const kinds = Object.entries(report.placeholdersByKind).filter(([label]) => label !== 'REDACTED');
	if (kinds.length > 0) lines.push(`  placeholders: ${kinds.map(([label, n]) => `${label} ×${n}`).join(', ')}`);
	for (const w of report.replacedWhole.slice(0, 10)) lines.push(`  exchange ${w.exchange}: ${w.path} → ${w.placeholder} (${w.reason})`);
	if (report.replacedWhole.length > 10) lines.push(`  … and ${report.replacedWhole.length - 10} more values replaced whole`);
	for (const note of report.notes) lines.push(`  ${note}`);
	return `${lines.join('\n')}\n`;
}
