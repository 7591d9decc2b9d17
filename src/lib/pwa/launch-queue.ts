/**
 * Files the operating system hands to the installed app ("Open with Telltale", or a file dropped on its icon), through
 * the File Handling API: the manifest's `file_handlers` name the types, `window.launchQueue` delivers the files. With
 * `launch_handler: focus-existing` a launch reuses an open window, so the consumer stays set for the page's whole life.
 */

/** The part of FileSystemFileHandle a launch needs (lib.dom has the real type; launchQueue itself is not in it yet). */
export interface LaunchedHandle {
	kind: string;
	name: string;
	getFile?: () => Promise<File>;
}

export interface LaunchParams {
	targetURL?: string;
	files: readonly LaunchedHandle[];
}

interface LaunchQueue {
	setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** What a launch brought: the files that could be read, and the names of those that could not. */
export interface LaunchedFiles {
	files: File[];
	unreadable: string[];
}

export async function readLaunchedFiles(params: LaunchParams): Promise<LaunchedFiles> {
	const files: File[] = [];
	const unreadable: string[] = [];
	for (const handle of params.files ?? []) {
		// A launch can carry directories (not in our file_handlers, but the platform decides): they are not captures.
		if (handle.kind !== 'file' || typeof handle.getFile !== 'function') {
			unreadable.push(handle.name);
			continue;
		}
		try {
			files.push(await handle.getFile());
		} catch {
			unreadable.push(handle.name);
		}
	}
	return { files, unreadable };
}

/** Calls `onlaunch` for every launch that carries files, now (queued launches) and later (focus-existing). */
export function consumeLaunches(onlaunch: (launched: LaunchedFiles) => void): boolean {
	const queue = (globalThis as { launchQueue?: LaunchQueue }).launchQueue;
	if (!queue || typeof queue.setConsumer !== 'function') return false;
	queue.setConsumer((params) => {
		if (!params.files || params.files.length === 0) return;
		void readLaunchedFiles(params).then(onlaunch);
	});
	return true;
}
