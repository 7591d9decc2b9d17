/** The category list the generated data indexes into (same order as scripts/compact-tracker-data.mjs). */
import type { DestinationCategory } from '../../model';

export const CATEGORIES: readonly DestinationCategory[] = [
	'analytics',
	'advertising',
	'crash-reporting',
	'social',
	'attribution',
	'telemetry',
	'cdn',
	'first-party',
	'unknown'
];

export function categoryAt(index: number, table: readonly string[] = CATEGORIES): DestinationCategory {
	const name = table[index];
	return name !== undefined && (CATEGORIES as readonly string[]).includes(name) ? (name as DestinationCategory) : 'unknown';
}

/** Categories that say where data goes but not why; a fingerprint's category is more telling. */
export function saysLittle(category: DestinationCategory): boolean {
	return category === 'unknown' || category === 'first-party' || category === 'cdn';
}
