/**
 * Where the reader is in a decoded tree: the node they asked to see (`path`: a finding or a layer chip was clicked;
 * nodes on the way open themselves) and the node that holds the keyboard (`active`, the tree's one tab stop).
 */
import { tick } from 'svelte';
import { leadsTo } from './tree-paths';

export class TreeFocus {
	path = $state<string | null>(null);
	/** The roving tab stop, per part: each part is a tree of its own. */
	active = $state<{ part: string; path: string } | null>(null);

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
		return this.path !== null && leadsTo(nodePath, this.path);
	}

	/** Whether `path` is this part's tab stop; the part's root is when no node of the part holds it. */
	isTabStop(part: string, path: string, isRoot: boolean): boolean {
		const active = this.active;
		return active !== null && active.part === part ? active.path === path : isRoot;
	}
}
