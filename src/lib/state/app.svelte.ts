/**
 * The app's state, made once per page load and shared by every route, so going to About and back keeps the open
 * capture, its worker, the filters and the text in the paste box.
 */
import { Library } from './library.svelte';
import { Settings } from './settings.svelte';
import { Workspace } from './workspace.svelte';
import { Exporter } from './exporter.svelte';
import { CompareState } from './compare.svelte';

export interface AppState {
	settings: Settings;
	workspace: Workspace;
	library: Library;
	exporter: Exporter;
	compare: CompareState;
}

let app: AppState | null = null;

export function appState(): AppState {
	if (!app) {
		const library = new Library();
		const settings = new Settings(library.keys);
		// Settings sealed with the library's key are read when it is unlocked and dropped when it is locked.
		library.onkeys = () => void settings.load();
		// Settings are plain data handed to the worker; $state.snapshot strips Svelte's proxies for postMessage.
		const forAnalysis = () => $state.snapshot(settings.forAnalysis());
		const workspace = new Workspace(forAnalysis);
		// A locked capture (or any, in a locked library) is not held in plain for a reload.
		workspace.holdForReload = (file) => library.holdsInPlain(file);
		const first = () => {
			const source = workspace.jobSource();
			return source && workspace.report ? { key: workspace.report, source } : null;
		};
		app = { settings, workspace, library, exporter: new Exporter(() => workspace.jobSource(), forAnalysis), compare: new CompareState(first, forAnalysis) };
	}
	return app;
}
