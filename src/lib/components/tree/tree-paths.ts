/** Paths in a decoded tree (`body › form.data_list › base64 › gzip › json[3].imei`), as the tree view walks them. */

/** True when `target` is `nodePath` or lies below it (through a layer or a key). */
export function leadsTo(nodePath: string, target: string): boolean {
	if (target === nodePath) return true;
	if (!target.startsWith(nodePath)) return false;
	const next = target.charAt(nodePath.length);
	return next === '.' || next === '[' || target.startsWith(' › ', nodePath.length);
}
