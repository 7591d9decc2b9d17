import { describe, expect, it } from 'vitest';
import { inputPath } from '../../../src/cli/input-path';

describe('inputPath', () => {
	it.each([
		['npm run telltale, from a sub-directory', 'capture.har', { npm_lifecycle_event: 'telltale', INIT_CWD: '/home/me/captures' }, '/work/telltale', '/home/me/captures/capture.har'],
		['the installed command', 'capture.har', {}, '/home/me/captures', '/home/me/captures/capture.har'],
		['an installed command inside some other npm script', 'capture.har', { npm_lifecycle_event: 'test', INIT_CWD: '/elsewhere' }, '/home/me', '/home/me/capture.har'],
		['an absolute path', '/tmp/x.har', { npm_lifecycle_event: 'telltale', INIT_CWD: '/home/me' }, '/work', '/tmp/x.har'],
		['a relative path going up', '../y.har', { npm_lifecycle_event: 'telltale', INIT_CWD: '/home/me/a' }, '/work', '/home/me/y.har']
	])('%s', (_name, file, env, cwd, expected) => {
		expect(inputPath(file, env as NodeJS.ProcessEnv, cwd)).toBe(expected);
	});
});
