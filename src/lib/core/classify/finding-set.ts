/**
 * An exchange's findings, grouped while they are found: one per type + value + detector, counting its
 * occurrences and listing where they were. A batch of 50 events repeats one device ID 50 times; an
 * exchange holds one finding for it, not 50 (issue #11: per-occurrence findings were most of a report).
 *
 * The repeat rules are those of one finding per occurrence: an occurrence of a type + value at a path where
 * one was already kept (by any detector), or one layer below or above it (a known value matched in the raw
 * body and again in its decoded field), is the same fact and is neither counted nor listed. Values compare
 * exactly: letter case matters.
 */
import { MAX_FINDING_PATHS, type Confidence, type Finding, type Occurrence } from '../model';
import { LAYER_SEPARATOR } from '../shared/path';

/** Everything kept of one type + value. */
interface SameValue {
	/** Every path kept, from any detector, while there are few: the repeat rule compares a new occurrence with each. */
	paths: string[] | null;
	/** Past SCAN_LIMIT paths: the same rule by lookups (see PathIndex), so 50,000 repeats are not 1.25 billion comparisons. */
	index: PathIndex | null;
	/** One finding per detector that reported it (nearly always one). */
	findings: Finding[];
}

/** Up to this many kept paths a value's repeat rule scans them; beyond, it looks them up. */
const SCAN_LIMIT = 16;

const STRENGTH: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export class FindingSet {
	/** Two levels, type then value: no key string is built per occurrence. */
	private readonly byType = new Map<Finding['type'], Map<string, SameValue>>();
	private readonly found: Finding[] = [];

	add(o: Occurrence): void {
		let byValue = this.byType.get(o.type);
		if (byValue === undefined) {
			byValue = new Map();
			this.byType.set(o.type, byValue);
		}
		const same = byValue.get(o.value);
		if (same === undefined) {
			byValue.set(o.value, { paths: [o.path], index: null, findings: [this.start(o)] });
			return;
		}
		if (same.paths !== null) {
			for (const p of same.paths) {
				if (p === o.path || isLayerOf(o.path, p) || isLayerOf(p, o.path)) return;
			}
			same.paths.push(o.path);
			if (same.paths.length > SCAN_LIMIT) {
				same.index = new PathIndex(same.paths);
				same.paths = null;
			}
		} else {
			if (same.index!.repeats(o.path)) return;
			same.index!.add(o.path);
		}
		const finding = same.findings.find((f) => f.detector === o.detector);
		if (finding === undefined) {
			same.findings.push(this.start(o));
			return;
		}
		finding.count++;
		if (finding.paths.length < MAX_FINDING_PATHS) finding.paths.push(o.path);
		// The finding says what its strongest occurrence says; among equals, the first.
		if (STRENGTH[o.confidence] > STRENGTH[finding.confidence]) {
			finding.confidence = o.confidence;
			finding.reason = o.reason;
		}
	}

	addAll(list: readonly Occurrence[]): void {
		for (const o of list) this.add(o);
	}

	/** The findings in the order their first occurrence was kept. */
	list(): Finding[] {
		return this.found;
	}

	private start(o: Occurrence): Finding {
		// Fields in contract order: the six of an occurrence, then what grouping added.
		const finding: Finding = { type: o.type, value: o.value, path: o.path, confidence: o.confidence, reason: o.reason, detector: o.detector, count: 1, paths: [o.path] };
		this.found.push(finding);
		return finding;
	}
}

/**
 * Kept paths, for the repeat rule by lookups: a new path repeats a kept one when it is the same, lies in a layer below
 * it (a kept path is the new one's prefix up to a layer separator) or above it (the new path is a kept one's prefix up to
 * a separator). Paths have a handful of separators, so each check is a few lookups, not a scan of every kept path.
 */
class PathIndex {
	private readonly kept = new Set<string>();
	/** Every kept path's prefixes that end just before one of its separators. */
	private readonly above = new Set<string>();

	constructor(paths: readonly string[]) {
		for (const path of paths) this.add(path);
	}

	add(path: string): void {
		this.kept.add(path);
		for (let at = path.indexOf(LAYER_SEPARATOR); at >= 0; at = path.indexOf(LAYER_SEPARATOR, at + 1)) this.above.add(path.slice(0, at));
	}

	repeats(path: string): boolean {
		if (this.kept.has(path) || this.above.has(path)) return true;
		for (let at = path.indexOf(LAYER_SEPARATOR); at >= 0; at = path.indexOf(LAYER_SEPARATOR, at + 1)) {
			if (this.kept.has(path.slice(0, at))) return true;
		}
		return false;
	}
}

/** `path.startsWith(above + LAYER_SEPARATOR)` without building the joined string. */
function isLayerOf(path: string, above: string): boolean {
	return path.length >= above.length + LAYER_SEPARATOR.length && path.startsWith(LAYER_SEPARATOR, above.length) && path.startsWith(above);
}
