/** Which sink writes a format, and for the evidence reports the input they describe (hashed as it is first read). */
import type { ReportSink } from '../lib/core/report/report-json';
import { ReportJson, ReportNdjson } from '../lib/core/report/report-json';
import { EvidenceHtml } from '../lib/core/report/evidence/html-sink';
import { EvidenceMarkdown } from '../lib/core/report/evidence/markdown-sink';
import { hashedSource, type Provenance } from '../lib/core/report/evidence/provenance';
import { VERSION } from '../lib/core/version';
import type { OutputFormat } from './args';
import type { Input } from './inputs';
import { SummarySink } from './summary';

export interface Writing {
	sink: ReportSink;
	/** The input as the report should read it (for evidence, through the hash). */
	open: Input['open'];
}

export function writingFor(format: OutputFormat, input: Input, now: () => Date = () => new Date()): Writing {
	if (format === 'json') return { sink: new ReportJson(), open: input.open };
	if (format === 'ndjson') return { sink: new ReportNdjson(input.name), open: input.open };
	if (format === 'summary') return { sink: new SummarySink(), open: input.open };
	const source = hashedSource(input.open);
	const analysedAt = now().toISOString();
	const provenance = (): Provenance => {
		const digest = source.digest();
		return { name: input.name, size: digest?.size ?? input.size ?? null, sha256: digest?.sha256 ?? null, version: VERSION, analysedAt };
	};
	return { sink: format === 'md' ? new EvidenceMarkdown(provenance) : new EvidenceHtml(provenance), open: source.open };
}
