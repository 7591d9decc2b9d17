/**
 * Records every request the app makes — page, its workers and its service worker — and every Content Security Policy
 * violation, so a test can prove that nothing but the app's own origin was contacted.
 *
 * Three independent witnesses, because each alone has a blind spot:
 * - context `request` events: page, dedicated-worker and (in Chromium) service-worker requests, same-origin included;
 * - `context.route('**\/*')`: anything not on the app's origin is recorded and aborted before it leaves the machine;
 * - `securitypolicyviolation` listeners and CSP console messages: attempts the CSP blocked, which never become requests.
 */
import type { BrowserContext, ConsoleMessage, Request } from 'playwright-core';

export interface RecordedRequest {
	url: string;
	method: string;
	resourceType: string;
	fromServiceWorker: boolean;
}

export interface RecordedViolation {
	blockedURI: string;
	directive: string;
	source: string;
}

interface ViolationReport {
	blockedURI: string;
	violatedDirective: string;
	sourceFile: string;
	documentURI: string;
}

const BINDING = '__e2eRecordCspViolation';

export class EgressRecorder {
	readonly requests: RecordedRequest[] = [];
	/** Requests to another origin, seen by the route (and aborted there). */
	readonly foreign: RecordedRequest[] = [];
	readonly violations: RecordedViolation[] = [];

	constructor(readonly appOrigin: string) {}

	/** Must run before the context opens its first page. */
	async attach(context: BrowserContext): Promise<void> {
		context.on('request', (request) => this.requests.push(describe(request)));
		context.on('console', (message) => this.onConsole(message));
		await context.route('**/*', async (route) => {
			const request = route.request();
			if (this.isOwnOrigin(request.url())) return route.continue();
			this.foreign.push(describe(request));
			return route.abort('blockedbyclient');
		});
		await context.exposeBinding(BINDING, (_source, report: ViolationReport) => {
			this.violations.push({
				blockedURI: report.blockedURI,
				directive: report.violatedDirective,
				source: `securitypolicyviolation in ${report.documentURI}${report.sourceFile ? ` (${report.sourceFile})` : ''}`
			});
		});
		await context.addInitScript((binding: string) => {
			document.addEventListener(
				'securitypolicyviolation',
				(event) => {
					const record = (window as unknown as Record<string, (report: unknown) => void>)[binding];
					record?.({
						blockedURI: event.blockedURI,
						violatedDirective: event.violatedDirective,
						sourceFile: event.sourceFile,
						documentURI: event.documentURI
					});
				},
				true
			);
		}, BINDING);
	}

	/** data: URLs never leave the machine; blob: URLs belong to the origin that made them. */
	isOwnOrigin(url: string): boolean {
		if (url.startsWith('data:')) return true;
		try {
			return new URL(url).origin === this.appOrigin;
		} catch {
			return false;
		}
	}

	/** Every request not on the app's origin, however it was seen, plus every CSP violation: one line each. */
	problems(): string[] {
		const offOrigin = [...this.foreign, ...this.requests.filter((request) => !this.isOwnOrigin(request.url))];
		const seen = new Set<string>();
		const lines: string[] = [];
		for (const request of offOrigin) {
			const line = `request to another origin: ${request.method} ${request.url} (${request.resourceType}${request.fromServiceWorker ? ', from the service worker' : ''})`;
			if (!seen.has(line)) lines.push(line);
			seen.add(line);
		}
		for (const violation of this.violations) {
			lines.push(`CSP violation: ${violation.directive} blocked ${violation.blockedURI || '(inline)'} — ${violation.source}`);
		}
		return lines;
	}

	assertNoEgress(): void {
		const problems = this.problems();
		if (problems.length > 0) throw new Error(`The app tried to reach beyond ${this.appOrigin}:\n${problems.join('\n')}`);
	}

	private onConsole(message: ConsoleMessage): void {
		// Chromium reports CSP blocks in workers (where no page listener runs) only on the console.
		const text = message.text();
		if (!/Content Security Policy/i.test(text)) return;
		const where = message.worker() ? `worker ${message.worker()?.url()}` : (message.page()?.url() ?? 'unknown');
		this.violations.push({ blockedURI: '', directive: 'see message', source: `console in ${where}: ${text.split('\n')[0]}` });
	}
}

function describe(request: Request): RecordedRequest {
	return {
		url: request.url(),
		method: request.method(),
		resourceType: request.resourceType(),
		fromServiceWorker: request.serviceWorker() !== null
	};
}
