/**
 * A text cut into plain and matching pieces, so a search term is shown with <mark> and everything stays text
 * (captured content is never turned into markup).
 */
export interface Segment {
	text: string;
	match: boolean;
}

/** Case-insensitive; at most `max` matches are marked (a one-letter search in a long value stays cheap). */
export function highlight(text: string, needle: string, max = 20): Segment[] {
	const term = needle.trim().toLowerCase();
	if (term === '') return [{ text, match: false }];
	const lower = text.toLowerCase();
	const out: Segment[] = [];
	let from = 0;
	for (let found = 0; found < max; found++) {
		// Lower-casing can change length (İ → i̇); then positions would not line up, so nothing is marked.
		if (lower.length !== text.length) break;
		const at = lower.indexOf(term, from);
		if (at < 0) break;
		if (at > from) out.push({ text: text.slice(from, at), match: false });
		out.push({ text: text.slice(at, at + term.length), match: true });
		from = at + term.length;
	}
	if (from < text.length || out.length === 0) out.push({ text: text.slice(from), match: false });
	return out;
}
