/** The detail pane's tabs, and which one an exchange opens on. */

export type DetailTabId = 'findings' | 'decoded' | 'headers' | 'cookies' | 'timing' | 'raw';

export interface Tab<T extends string> {
	id: T;
	label: string;
	/** Shown beside the label when known. */
	count?: number | null;
	testid: string;
}

/** The tabs that follow the exchange: what it gave away when it gave something away, else what it carried. */
const CONTENT_TABS: readonly DetailTabId[] = ['findings', 'decoded'];

/**
 * The tab an exchange opens on. A proxy tab the reader picked (Headers, Cookies, Timing, Raw) stays picked while
 * they step through exchanges, as in a browser's network panel; otherwise Findings when there are findings, else Decoded.
 */
export function openingTab(findingCount: number, picked: DetailTabId | null): DetailTabId {
	if (picked !== null && !CONTENT_TABS.includes(picked)) return picked;
	return findingCount > 0 ? 'findings' : 'decoded';
}
