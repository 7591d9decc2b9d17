/** Counts and labels as the views write them: English words, digits grouped the same way everywhere. */

export function countText(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function requestsText(n: number): string {
	return countText(n, 'request');
}

/** At most `chars` characters, the last an ellipsis when something was cut. */
export function shorten(text: string, chars: number): string {
	if (text.length <= chars) return text;
	return chars <= 1 ? '…' : text.slice(0, chars - 1).trimEnd() + '…';
}
