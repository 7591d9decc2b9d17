/** Telltale opens one capture at a time, like a drop of several files: the rest are named, not silently lost. */
export function leftOutNote(opened: string | null, leftOut: string[]): string | null {
	if (leftOut.length === 0) return null;
	const names = leftOut.map((name) => `“${name}”`).join(', ');
	if (opened === null) return `Nothing could be opened: ${names} could not be read.`;
	return `Opened “${opened}”. Telltale opens one capture at a time, so ${names} ${leftOut.length === 1 ? 'was' : 'were'} not opened.`;
}
