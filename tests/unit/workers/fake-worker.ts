import type { WorkerPort } from '../../../src/lib/workers/analysis-client';
import type { WorkerResponse } from '../../../src/lib/workers/protocol';

/** A worker stand-in: records what the page posted and lets the test answer, fail or die. */
export class FakeWorker<Posted = unknown> extends EventTarget implements WorkerPort {
	readonly posted: Posted[] = [];
	terminated = false;
	postMessage(message: unknown): void {
		this.posted.push(message as Posted);
	}
	terminate(): void {
		this.terminated = true;
	}
	answer(message: WorkerResponse): void {
		this.dispatchEvent(new MessageEvent('message', { data: message }));
	}
	die(message: string): void {
		// Node has no ErrorEvent: an Event with the same `message` is what the clients read.
		this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
	}
}
