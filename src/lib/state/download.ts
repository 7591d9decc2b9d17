/**
 * Saves a Blob made on this machine as a download: an object URL on a link with `download`, clicked, then let go.
 * No server is involved; the URL is revoked a while later, since a browser may still be reading it when click returns.
 */
export const REVOKE_AFTER_MS = 60_000;

export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
