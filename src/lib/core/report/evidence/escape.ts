/**
 * Captured text made safe to show in an evidence report. Every value in a capture may have been written by the
 * party under study, so nothing captured reaches the report unescaped: not in HTML text, not in an attribute, not
 * in Markdown (whose renderers pass raw HTML through).
 */

/** A character is never shown raw when it could hide or reorder what is around it (controls, bidi overrides). */
const INVISIBLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Controls as their Unicode pictures (␊ for a line break) and bidi overrides by name: visible, and one line. */
function visible(text: string): string {
	return text.replace(INVISIBLE, (c) => {
		const code = c.charCodeAt(0);
		if (code < 0x20) return String.fromCharCode(0x2400 + code);
		if (code === 0x7f) return '\u2421';
		return `[U+${code.toString(16).toUpperCase()}]`;
	});
}

/** At most `max` UTF-16 units with the ellipsis, never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	let end = max - 1;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end--;
	return `${text.slice(0, end)}…`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML text and for double- or single-quoted attribute values alike. */
export function html(text: string): string {
	return visible(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * For Markdown inline text, table cells included: HTML's specials as entities (raw HTML would render), and every
 * character that could open Markdown syntax (emphasis, links, images, code, tables, headings) backslash-escaped.
 */
export function markdown(text: string): string {
	return visible(text)
		.replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
		.replace(/[\\`*_[\]()#|!~{}]/g, '\\$&');
}
