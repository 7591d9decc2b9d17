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
	/** Every path kept, from any detector: the repeat rule compares each new occurrence with all of them. */
	paths: string[];
	/** One finding per detector that reported it (nearly always one). */
	findings: Finding[];
}

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
			byValue.set(o.value, { paths: [o.path], findings: [this.start(o)] });
			return;
		}
		for (const p of same.paths) {
			if (p === o.path || isLayerOf(o.path, p) || isLayerOf(p, o.path)) return;
		}
		same.paths.push(o.path);
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

/** `path.startsWith(above + LAYER_SEPARATOR)` without building the joined string. */
function isLayerOf(path: string, above: string): boolean {
	return path.length >= above.length + LAYER_SEPARATOR.length && path.startsWith(LAYER_SEPARATOR, above.length) && path.startsWith(above);
}
