/** Each e2e file serves the production build on its own free port and stops it afterwards. */
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../scripts/serve.mjs';

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
