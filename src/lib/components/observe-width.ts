/**
 * The width of an element, reported by a ResizeObserver after layout. `bind:clientWidth` reads clientWidth once when the
 * element mounts, which forces a synchronous layout of the whole page: on a 20,000-request workspace that was a third of
 * the first render. Use as `use:observeWidth={(width) => (w = width)}`.
 */
export function observeWidth(node: HTMLElement, onwidth: (width: number) => void) {
	let callback = onwidth;
	const observer = new ResizeObserver((entries) => {
		const width = entries[0]?.contentRect.width;
		if (width !== undefined) callback(width);
	});
	observer.observe(node);
	return {
		update(next: (width: number) => void) {
			callback = next;
		},
		destroy() {
			observer.disconnect();
		}
	};
}
