/**
 * A pure function's answers kept per argument: captures repeat a few hosts, keys, User-Agents and short
 * values thousands of times. Forgotten all at once when `max` are held, so a hostile capture with
 * millions of distinct values costs memory for at most `max` of them.
 */
export function boundedMemo<V>(compute: (key: string) => V, max = 10_000): (key: string) => V {
	const answers = new Map<string, V>();
	return (key) => {
		let answer = answers.get(key);
		if (answer === undefined && !answers.has(key)) {
			answer = compute(key);
			if (answers.size >= max) answers.clear();
			answers.set(key, answer);
		}
		return answer as V;
	};
}
