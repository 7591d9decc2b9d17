import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from './support/server';

// The e2e tests judge the production build, never the dev server: without build/ there is nothing to test.
export default function checkBuildExists(): void {
	if (!existsSync(join(BUILD_DIR, 'index.html'))) {
		throw new Error(`${BUILD_DIR} holds no build: run "npm run build" first (npm test and npm run test:e2e build it for you)`);
	}
}
