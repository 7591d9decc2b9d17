#!/usr/bin/env node
// The e2e tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core. Nothing here downloads a browser
// from anywhere but the system's own package manager: never `playwright install`.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const INSTRUCTION = 'Chromium is missing: install Debian\'s chromium package (sudo apt-get install chromium) and run npm test again';

function isExecutable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function succeeds(command, args) {
	const result = spawnSync(command, args, { stdio: 'ignore' });
	return result.status === 0;
}

/** `[]` when already root, `['sudo', '-n']` when sudo works without a password, null when apt-get is out of reach. */
function privilegePrefix() {
	if (!succeeds('sh', ['-c', 'command -v apt-get'])) return null;
	if (process.getuid?.() === 0) return [];
	if (succeeds('sudo', ['-n', 'true'])) return ['sudo', '-n'];
	return null;
}

function runApt(prefix, args) {
	// sudo resets the environment, so the non-interactive switch travels on the command line through env(1).
	const argv = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
	console.error(`ensure-chromium: ${argv.join(' ')}`);
	const [command, ...rest] = argv;
	return spawnSync(command, rest, { stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
}

/** @returns {boolean} true when Chromium is (now) installed */
export function ensureChromium() {
	if (isExecutable(CHROMIUM_PATH)) return true;
	const prefix = privilegePrefix();
	if (prefix === null) return false;
	if (!runApt(prefix, ['update'])) return false;
	if (!runApt(prefix, ['install', '-y', 'chromium'])) return false;
	return isExecutable(CHROMIUM_PATH);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	if (!ensureChromium()) {
		console.error(INSTRUCTION);
		process.exit(1);
	}
}
