/** Which decoded node the reader asked to see (by its path); nodes on the way there open themselves. */
import { tick } from 'svelte';

export class TreeFocus {
	path = $state<string | null>(null);

	/** Opens every node on the way to `path`, then scrolls the node into view. */
	async reveal(path: string): Promise<void> {
		this.path = path;
		await tick();
		await tick();
		const target = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
		target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
	}

	/** True when `nodePath` is the focused node or one of its ancestors (through a layer or a key). */
	leadsTo(nodePath: string): boolean {
		const focus = this.path;
		if (focus === null) return false;
		if (focus === nodePath) return true;
		if (!focus.startsWith(nodePath)) return false;
		const next = focus.charAt(nodePath.length);
		return next === '.' || next === '[' || focus.startsWith(' › ', nodePath.length);
	}
}
