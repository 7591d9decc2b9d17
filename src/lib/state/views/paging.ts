/**
 * Long lists in the views (values of a type, identifiers) show a first page and grow on request: thousands of rows
 * would be thousands of DOM nodes, and the request list, not these views, is where every row is meant to be read.
 */
export const PAGE_FIRST = 50;
export const PAGE_MORE = 200;

/** How many the next "Show more" adds, or 0 when everything is shown. */
export function nextPage(total: number, shown: number): number {
	return Math.max(0, Math.min(PAGE_MORE, total - shown));
}
