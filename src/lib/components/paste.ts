/** What a paste event on the page (outside a text field) hands us: a file or text, or nothing to do. */

export type PastedInput = { kind: 'file'; file: File } | { kind: 'text'; text: string };

export function pastedInput(event: ClipboardEvent): PastedInput | null {
	const target = event.target as HTMLElement | null;
	if (target && (target.closest('textarea, input, [contenteditable="true"]') !== null)) return null;
	const data = event.clipboardData;
	if (!data) return null;
	const file = data.files[0];
	if (file) return { kind: 'file', file };
	const text = data.getData('text/plain');
	return text.trim() === '' ? null : { kind: 'text', text };
}
