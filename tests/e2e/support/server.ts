/** Each e2e file serves the production build on its own free port and stops it afterwards. */
import { fileURLToPath } from 'node:url';
import { startServer, WORKER_CSP } from '../../../scripts/serve.mjs';

/**
 * build/ by default. TELLTALE_E2E_BUILD points the tests at a copy instead, so a rebuild running in the same tree
 * (several people at work on one machine) cannot swap the files out from under a test run.
 */
export const BUILD_DIR = process.env.TELLTALE_E2E_BUILD || fileURLToPath(new URL('../../../build/', import.meta.url));

export interface AppServer {
	/** e.g. http://127.0.0.1:40123/ */
	url: string;
	/** e.g. http://127.0.0.1:40123 */
	origin: string;
	port: number;
	close(): Promise<void>;
}

export function serveBuild(): Promise<AppServer> {
	return startServer({ root: BUILD_DIR, port: 0 });
}

export interface ServerRequest {
	method: string;
	/** Path and query, e.g. "/sw.js" or "/?shared=1". */
	path: string;
}

export interface RecordingServer extends AppServer {
	/** Every request that reached the server, in order: what the service worker answered itself is not here. */
	readonly requests: ServerRequest[];
	/** From now on, GET `path` answers `body` (a script) instead of the build's file: a new version without a rebuild. */
	replaceScript(path: string, body: string): void;
}

/** The build, served with a log of every request that reached the server and scripts the test can swap. */
export async function serveBuildRecording(): Promise<RecordingServer> {
	const requests: ServerRequest[] = [];
	const scripts = new Map<string, string>();
	const server = await startServer({
		root: BUILD_DIR,
		port: 0,
		intercept: (req, res) => {
			const path = req.url ?? '/';
			requests.push({ method: req.method ?? '', path });
			const body = scripts.get(new URL(path, 'http://server.invalid').pathname);
			if (body === undefined || req.method !== 'GET') return false;
			// The headers serve.mjs gives every script, so the swapped one is judged like the real one.
			res.writeHead(200, {
				'Content-Type': 'text/javascript; charset=utf-8',
				'Cache-Control': 'no-cache',
				'X-Content-Type-Options': 'nosniff',
				'Content-Security-Policy': WORKER_CSP
			});
			res.end(body);
			return true;
		}
	});
	return { ...server, requests, replaceScript: (path, body) => void scripts.set(path, body) };
}
