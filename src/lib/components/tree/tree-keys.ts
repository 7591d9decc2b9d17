/** ↑ ↓ Home End in a tree: every rendered treeitem is visible (closed nodes render no children), in document order. */
export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

export function moveFocus(from: HTMLElement, key: MoveKey): void {
	const tree = from.closest('[role="tree"]');
	if (!tree) return;
	const items = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
	const at = items.indexOf(from);
	const target = key === 'Home' ? items[0] : key === 'End' ? items[items.length - 1] : key === 'ArrowDown' ? items[at + 1] : items[at - 1];
	target?.focus();
}
