import type { Finding } from '$lib/core/model';

export interface FindingGroup {
	key: string;
	first: Finding;
	all: Finding[];
}

/** Groups findings of one exchange by type and value, in order of first appearance, most confident first. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
	const groups = new Map<string, FindingGroup>();
	for (const finding of findings) {
		const key = `${finding.type}\u0000${finding.value}`;
		const group = groups.get(key);
		if (group) group.all.push(finding);
		else groups.set(key, { key, first: finding, all: [finding] });
	}
	const rank = { high: 0, medium: 1, low: 2 } as const;
	return [...groups.values()].sort((a, b) => rank[a.first.confidence] - rank[b.first.confidence]);
}
