/**
 * The app's state, made once per page load and shared by every route, so going to About and back keeps the open
 * capture, its worker, the filters and the text in the paste box.
 */
import { Library } from './library.svelte';
import { Settings } from './settings.svelte';
import { Workspace } from './workspace.svelte';

export interface AppState {
	settings: Settings;
	workspace: Workspace;
	library: Library;
}

let app: AppState | null = null;

export function appState(): AppState {
	if (!app) {
		const settings = new Settings();
		// Settings are plain data handed to the worker; $state.snapshot strips Svelte's proxies for postMessage.
		app = { settings, workspace: new Workspace(() => $state.snapshot(settings.forAnalysis())), library: new Library() };
	}
	return app;
}
