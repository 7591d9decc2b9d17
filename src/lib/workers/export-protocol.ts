/**
 * What the page and a worker say about exports and comparisons: the formats, the input a job reads again, and the
 * sanitized HAR's choices and preview. Types and small pure helpers only, so the page, the worker and tests share them.
 */
import type { FindingType } from '../core/model';

/** The evidence reports and the JSON report of the command line's contract (`telltale analyze --format …`). */
export const EXPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The loaded capture's input, read again by a job: the dropped File itself (a handle: its bytes stay on disk until
 * read) or the pasted text. The holder of the analysis keeps no bytes, and a job in its own worker can be cancelled
 * by terminating it without touching what is loaded.
 */
export type JobSource = { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string };

export function sourceName(source: JobSource): string {
	return source.kind === 'file' ? source.file.name : source.name;
}

/** The sanitized HAR's choices: mask only secrets, or every detected identifier and personal value too, except the types kept. */
export interface SanitizeChoice {
	mask: 'secrets' | 'all';
	/** Finding types left as they are when `mask` is `all`. */
	keepTypes: FindingType[];
}

/** One masked value, as the preview lists it. */
export interface SanitizeChange {
	/** The exchange it is in (0-based, as the report numbers them). */
	exchange: number;
	/** Where in the exchange, as a layer path (`request.body › form.data › base64 › json.imei`). */
	where: string;
	/** What it is: a finding type's label or a kind of secret (`Cookie`, `JWT signature`). */
	what: string;
	/** What it becomes (`IMEI-1`), or a note that the whole value is replaced. */
	placeholder: string;
}

export interface SanitizePreview {
	/** Every value the sanitized HAR masks. */
	total: number;
	/** The first of them, in capture order (a preview, not the whole list). */
	changes: SanitizeChange[];
	/** How many of each `what`, most first. */
	byKind: { what: string; count: number }[];
}

/** The preview lists at most this many changes: the count says how many more there are. */
export const PREVIEW_MAX_CHANGES = 200;

const EXTENSIONS: Record<ExportFormat | 'har', string> = { html: 'telltale.html', md: 'telltale.md', json: 'telltale.json', har: 'sanitized.har' };
const MIME_TYPES: Record<ExportFormat | 'har', string> = {
	html: 'text/html;charset=utf-8',
	md: 'text/markdown;charset=utf-8',
	json: 'application/json',
	har: 'application/json'
};

export function exportMimeType(format: ExportFormat | 'har'): string {
	return MIME_TYPES[format];
}

/**
 * `<capture-name>.telltale.html`: the capture's name without its folder and its capture extensions, cleaned of what a
 * file system refuses (captured names are hostile like everything else) and capped, else `capture`.
 */
export function exportFileName(captureName: string, format: ExportFormat | 'har'): string {
	let base = captureName.replace(/^.*[\\/]/, '');
	base = base.replace(/\.(gz|zip)$/i, '');
	base = base.replace(/\.(har|zhar|json|txt|xml|http|curl|saz|chls|chlsj|log)$/i, '');
	base = base.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_');
	base = base.replace(/^[.\s_]+|[.\s]+$/g, '').slice(0, 120).trim();
	return `${base || 'capture'}.${EXTENSIONS[format]}`;
}
