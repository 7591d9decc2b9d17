/**
 * The service worker's life as the user sees it. It is registered from script (the CSP allows no inline registration)
 * and updated only when the user says so: a new version waits, a notice offers "Reload", and nothing reloads by itself,
 * so no update can throw away a capture being read.
 */

/** How often an open window asks whether a new version exists, at most (the browser also checks on every navigation). */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export class ServiceWorkerUpdates {
	/** A new version has installed and is waiting for the user's word. */
	waiting = $state.raw<ServiceWorker | null>(null);
	/** The user closed the notice for this waiting version: it stays closed until another version arrives. */
	dismissed = $state(false);
	private registration: ServiceWorkerRegistration | null = null;
	private lastCheck = 0;
	private reloading = false;

	get updateReady(): boolean {
		return this.waiting !== null && !this.dismissed;
	}

	/** Registers /sw.js and starts watching for versions that wait. Without service workers the app still works online. */
	async register(scriptUrl = '/sw.js'): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		let registration: ServiceWorkerRegistration;
		try {
			registration = await navigator.serviceWorker.register(scriptUrl, { scope: '/' });
		} catch {
			// Offline use is a convenience; the app works without it.
			return;
		}
		// Playwright's "block service workers" resolves register() with nothing: treat it as no service worker.
		if (!registration) return;
		this.registration = registration;
		this.lastCheck = Date.now();
		// A version that finished installing while no window of ours was open waits already.
		if (registration.waiting) this.offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			if (!installing) return;
			installing.addEventListener('statechange', () => {
				// On the very first install nothing controls the page: that worker activates at once (clientsClaim), it is no
				// "update". Only a version installed beside an active one waits for the user.
				if (installing.state === 'installed' && navigator.serviceWorker.controller) this.offer(installing);
			});
		});
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible' && Date.now() - this.lastCheck > UPDATE_CHECK_INTERVAL_MS) void this.checkForUpdate();
		});
	}

	/** Asks the server whether sw.js changed; a changed one installs and then waits (see register). */
	async checkForUpdate(): Promise<void> {
		this.lastCheck = Date.now();
		await this.registration?.update().catch(() => {
			// Offline, or the server is gone: the version in use keeps working.
		});
	}

	/** The user's "Reload": the waiting version takes over, then the page reloads once, under it. */
	applyUpdate(): void {
		const waiting = this.waiting;
		if (!waiting || this.reloading) return;
		this.reloading = true;
		// Another window already let it take over: this page only needs to reload under it.
		if (waiting.state === 'activated') {
			location.reload();
			return;
		}
		// Listened for only now: the first install's clientsClaim also changes the controller, and that must not reload.
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		// Understood by Workbox's generated worker when skipWaiting is off.
		waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismiss(): void {
		this.dismissed = true;
	}

	private offer(worker: ServiceWorker): void {
		this.waiting = worker;
		this.dismissed = false;
		worker.addEventListener('statechange', () => {
			// Replaced by a newer version before it was used: that one will be offered instead. (Activated from another window,
			// it stays offered: this page still runs the old version and should reload when the user is ready.)
			if (worker.state === 'redundant' && this.waiting === worker) this.waiting = null;
		});
	}
}
