/** Paths say how a value was reached: layers joined by ` › `, structure steps as `.key` or `[0]`. */

export const LAYER_SEPARATOR = ' › ';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export function layerPath(parent: string, codecId: string): string {
	return parent === '' ? codecId : `${parent}${LAYER_SEPARATOR}${codecId}`;
}

export function childPath(parent: string, key: string | number): string {
	if (typeof key === 'number') return `${parent}[${key}]`;
	if (PLAIN_KEY.test(key)) return `${parent}.${key}`;
	return `${parent}[${JSON.stringify(key)}]`;
}
