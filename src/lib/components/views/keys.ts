/**
 * SVG shapes that act as buttons (a band, a node) answer Enter and Space as a <button> would; Space must not scroll
 * the page while they have focus.
 */
export function activate(event: KeyboardEvent, run: () => void): void {
	if (event.key !== 'Enter' && event.key !== ' ') return;
	event.preventDefault();
	run();
}
