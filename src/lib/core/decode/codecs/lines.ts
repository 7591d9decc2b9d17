import { failure, type TextCodec } from '../codec';
import { formShapeScore } from './form';

/**
 * Newline-separated records, each a query string: Google Analytics' `/batch` endpoint takes up to 20
 * hits as `v=1&tid=…&cid=…` lines in one text/plain body, and other beacons batch the same way. The
 * codec only splits: each line comes back as text and the peeler decodes it as a form, so every
 * finding's path names the line (`body › lines[1] › form.dl`).
 *
 * It accepts only when EVERY non-empty line is a form with at least two fields. One `key=value` per
 * line is a config file or prose, not a batch, and a single line is the form codec's job.
 * (NDJSON, one JSON document per line, is the json codec's.)
 */

/** Lines the sniff looks at; the decode checks them all. */
const SNIFF_LINES = 8;
/** Beyond this many records a body is not a beacon batch (GA caps a batch at 20 hits). */
const MAX_LINES = 10_000;
/** formShapeScore of two or more `k=v` pieces. */
const MULTI_FIELD_FORM = 0.85;

function isRecord(line: string): boolean {
	return formShapeScore(line) >= MULTI_FIELD_FORM;
}

export const lines: TextCodec<'lines'> = {
	id: 'lines',
	label: 'Lines of form records',
	input: 'text',
	output: 'tree',
	ignoresPlainProse: true,
	webAddressSniff: 'below',
	sniff(input) {
		const firstBreak = input.indexOf('\n');
		if (firstBreak < 0) return 0;
		const first = input.trimStart()[0];
		if (first === undefined || first === '{' || first === '[' || first === '<' || first === '"') return 0;
		let seen = 0;
		let start = 0;
		while (start < input.length && seen < SNIFF_LINES) {
			let end = input.indexOf('\n', start);
			if (end < 0) end = input.length;
			const line = input.slice(start, end).trim();
			start = end + 1;
			if (line === '') continue;
			if (!isRecord(line)) return 0;
			seen++;
		}
		return seen >= 2 ? 0.85 : 0;
	},
	decode(input) {
		const records: string[] = [];
		for (const raw of input.split('\n')) {
			const line = raw.trim();
			if (line === '') continue;
			if (!isRecord(line)) return failure(`line ${records.length + 1} is not a form record`);
			records.push(line);
			if (records.length > MAX_LINES) return failure(`more than ${MAX_LINES} lines`);
		}
		if (records.length < 2) return failure('fewer than two records');
		return { kind: 'tree', value: records, note: `${records.length} form records, one per line` };
	}
};
