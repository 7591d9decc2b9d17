#!/usr/bin/env node
// Serves the static production build on the loopback interface. Used by `npm start` and by every e2e test file
// (each imports startServer and asks for port 0). It only answers requests: it never contacts another origin.
import { createServer } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ROOT = join(repoRoot, 'build');
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;

// Types that matter to the browser: module workers and the service worker must be JavaScript, the manifest must be
// a manifest. Anything else falls back to sirv's table (mrmime).
/** @type {Record<string, string>} */
const MIME_BY_EXTENSION = {
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.har': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm'
};

/** A user-facing failure: one line, no stack. */
export class ServeError extends Error {}

/**
 * Starts the server. Resolves once it listens; `port: 0` picks any free port (read it from the result).
 * `intercept` sees every request first and answers it when it returns true: the e2e tests use it to log what reached the
 * server and to serve a changed sw.js (a new version of the app) without rebuilding.
 * @param {{ root?: string, host?: string, port?: number, intercept?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean }} [options]
 * @returns {Promise<{ url: string, origin: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root = DEFAULT_ROOT, host = DEFAULT_HOST, port = DEFAULT_PORT, intercept } = {}) {
	if (!existsSync(join(root, 'index.html')) || !statSync(root).isDirectory()) {
		const where = root === DEFAULT_ROOT ? 'build/' : root;
		throw new ServeError(`${where} holds no build (no index.html): run "npm run build" first, or "npm start", which builds then serves`);
	}
	const serveStatic = sirv(root, {
		dev: false,
		etag: true,
		extensions: ['html'],
		setHeaders: (res, pathname) => {
			const type = MIME_BY_EXTENSION[extname(pathname).toLowerCase()];
			if (type) res.setHeader('Content-Type', type);
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.setHeader('Cache-Control', cacheControlFor(pathname));
			// A page's <meta> CSP does not reach its workers or its service worker: they take the policy of their own
			// script response. On modules loaded by a page this header has no effect.
			if (pathname.endsWith('.js')) res.setHeader('Content-Security-Policy', WORKER_CSP);
		},
		onNoMatch: (_req, res) => {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
			res.end('Not found\n');
		}
	});

	const server = createServer((req, res) => {
		if (intercept?.(req, res)) return;
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('Method not allowed\n');
			return;
		}
		serveStatic(req, res);
	});

	await new Promise((resolveListen, rejectListen) => {
		const onError = (/** @type {NodeJS.ErrnoException} */ error) => {
			if (error.code === 'EADDRINUSE') {
				rejectListen(new ServeError(`Port ${port} on ${host} is already in use: stop the other server or pick another port (PORT=5000 npm start)`));
			} else if (error.code === 'EACCES') {
				rejectListen(new ServeError(`Not allowed to listen on port ${port}: pick a port above 1023 (PORT=5000 npm start)`));
			} else {
				rejectListen(new ServeError(`Cannot listen on ${host}:${port}: ${error.message}`));
			}
		};
		server.once('error', onError);
		server.listen(port, host, () => {
			server.off('error', onError);
			resolveListen(undefined);
		});
	});

	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const origin = `http://${host}:${actualPort}`;
	let closing;
	return {
		url: `${origin}/`,
		origin,
		port: actualPort,
		// Drops keep-alive sockets too: a test that stops the server must see the origin really gone.
		close: () =>
			(closing ??= new Promise((resolveClose) => {
				server.close(() => resolveClose(undefined));
				server.closeAllConnections();
			}))
	};
}

/**
 * Hashed assets never change; everything else (HTML, sw.js, workbox runtime, manifest, icons) is revalidated on every
 * load so a new build is picked up at once.
 * @param {string} pathname
 */
/** The policy for worker and service-worker scripts: only this origin, no eval, no plugins. */
export const WORKER_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'";

/** @param {string} pathname */
function cacheControlFor(pathname) {
	return pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** @param {string[]} argv */
function parsePort(argv) {
	const flag = argv.indexOf('--port');
	const raw = flag >= 0 ? argv[flag + 1] : process.env.PORT;
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new ServeError(`Invalid port "${raw}": use a whole number from 0 to 65535`);
	}
	return port;
}

async function main() {
	try {
		const { origin, close } = await startServer({ port: parsePort(process.argv.slice(2)) });
		console.log(`Telltale is running at ${origin}`);
		const stop = () => {
			close().then(() => process.exit(0));
			// A stuck socket must not keep Ctrl+C from working.
			setTimeout(() => process.exit(0), 2000).unref();
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	} catch (error) {
		console.error(error instanceof ServeError ? error.message : String(error));
		process.exit(1);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
