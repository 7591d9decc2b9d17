/** Text-only previews of captured values (never markup). */

const MAX_PREVIEW = 400;

export function previewText(text: string): string {
	return text.length <= MAX_PREVIEW ? text : `${text.slice(0, MAX_PREVIEW)}…`;
}
