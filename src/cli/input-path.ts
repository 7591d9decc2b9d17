/** Where a file named on the command line is, for the directory the user typed the command in. */
import { isAbsolute, resolve } from 'node:path';

/**
 * `npm run telltale -- analyze FILE` runs in the package's root, not where the user is: npm says where the user
 * was in INIT_CWD. Only when npm is running this script, so a stray INIT_CWD in an installed command's
 * environment (from some outer npm script) is not believed.
 */
export function inputPath(file: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
	if (isAbsolute(file)) return file;
	const base = env.npm_lifecycle_event === 'telltale' && env.INIT_CWD ? env.INIT_CWD : cwd;
	return resolve(base, file);
}
