import { describe, expect, it } from 'vitest';
import { formatMs, timingBars } from '../../../src/lib/components/report/timing-bars';
import { openingTab } from '../../../src/lib/components/report/detail-tabs';
import { childStructureDepth, startsOpen } from '../../../src/lib/components/tree/tree-open';
import { leadsTo } from '../../../src/lib/components/tree/tree-paths';
import type { DecodedNode } from '../../../src/lib/core/model';
import { peel } from '../../../src/lib/core/decode/peel';
import { gzipSync } from 'node:zlib';

describe('timingBars', () => {
	it.each([
		[
			'phases one after another, ssl inside connect',
			{ totalMs: 100, phases: [{ name: 'dns', ms: 10 }, { name: 'connect', ms: 30 }, { name: 'ssl', ms: 20 }, { name: 'send', ms: 10 }, { name: 'wait', ms: 40 }, { name: 'receive', ms: 10 }] },
			[['dns', 0, 0.1], ['connect', 0.1, 0.3], ['ssl', 0.2, 0.2], ['send', 0.4, 0.1], ['wait', 0.5, 0.4], ['receive', 0.9, 0.1]],
			100
		],
		['no total: the sum is the scale', { totalMs: null, phases: [{ name: 'wait', ms: 3 }, { name: 'receive', ms: 1 }] }, [['wait', 0, 0.75], ['receive', 0.75, 0.25]], 4],
		['a total smaller than the phases does not push bars out', { totalMs: 1, phases: [{ name: 'wait', ms: 2 }] }, [['wait', 0, 1]], 2],
		['ssl without connect follows the phase before it', { totalMs: 10, phases: [{ name: 'ssl', ms: 5 }] }, [['ssl', 0, 0.5]], 10],
		['all zero', { totalMs: 0, phases: [{ name: 'send', ms: 0 }] }, [['send', 0, 0]], 0]
	] as const)('%s', (_name, timing, expected, scale) => {
		const { bars, scaleMs } = timingBars({ totalMs: timing.totalMs, phases: timing.phases.map((p) => ({ ...p })) });
		expect(scaleMs).toBe(scale);
		expect(bars.map((b) => [b.name, b.start, b.width])).toEqual(expected.map(([n, s, w]) => [n, expect.closeTo(s, 9), expect.closeTo(w, 9)]));
		for (const bar of bars) expect(bar.start + bar.width).toBeLessThanOrEqual(1 + 1e-9);
	});

	it.each([
		[0.1234, '0.12 ms'],
		[58.205, '58.2 ms'],
		[512.4, '512 ms'],
		[1234, '1.23 s'],
		[65432, '65.4 s']
	])('formatMs(%d) is %s', (ms, text) => {
		expect(formatMs(ms)).toBe(text);
	});
});

describe('openingTab', () => {
	it.each([
		[3, null, 'findings'],
		[0, null, 'decoded'],
		[3, 'decoded', 'findings'],
		[0, 'findings', 'decoded'],
		[3, 'headers', 'headers'],
		[0, 'raw', 'raw'],
		[5, 'timing', 'timing'],
		[0, 'cookies', 'cookies']
	] as const)('%i findings, %s picked before: %s', (count, picked, expected) => {
		expect(openingTab(count, picked)).toBe(expected);
	});
});

describe('the decoded tree opens down to the structure a chain carried', () => {
	/** Which paths start open, walking the tree as TreeNode renders it. */
	function openPaths(root: DecodedNode): string[] {
		const out: string[] = [];
		const walk = (node: DecodedNode, depth: number) => {
			if (!startsOpen(node, depth)) return;
			out.push(node.path);
			if (node.decoded) walk(node.decoded, depth);
			for (const child of node.children ?? []) walk(child, childStructureDepth(node, depth));
		};
		walk(root, 0);
		return out;
	}

	it('form › base64 › gzip › json: every layer open down to the events, the events folded', () => {
		const events = Array.from({ length: 5 }, (_, i) => ({ event: 'view', properties: { imei: '490154203237518', i } }));
		const body = `data_list=${encodeURIComponent(Buffer.from(gzipSync(JSON.stringify(events))).toString('base64'))}&gzip=1`;
		const root = peel({ kind: 'text', text: body }, 'body', { contentType: 'application/x-www-form-urlencoded' });
		const open = openPaths(root);
		expect(open).toEqual(
			expect.arrayContaining(['body', 'body › form', 'body › form.data_list', 'body › form.data_list › base64', 'body › form.data_list › base64 › gzip', 'body › form.data_list › base64 › gzip › json'])
		);
		expect(open).not.toContain('body › form.data_list › base64 › gzip › json[3]');
	});

	it('a JSON body shows two levels of structure', () => {
		const root = peel({ kind: 'text', text: JSON.stringify({ a: { b: { c: 1 } } }) }, 'body', { contentType: 'application/json' });
		expect(openPaths(root)).toEqual(['body', 'body › json', 'body › json.a']);
	});

	it('a leaf is never open', () => {
		expect(startsOpen({ path: 'x', kind: 'text', text: 'hi' }, 0)).toBe(false);
	});
});

describe('leadsTo', () => {
	it.each([
		['body', 'body', true],
		['body', 'body › form', true],
		['body › form', 'body › form.data_list', true],
		['body › form.a', 'body › form.ab', false],
		['json[1]', 'json[10]', false],
		['json[1]', 'json[1].x', true],
		['cookie.a', 'cookie.a[1]', true]
	])('%s → %s: %s', (node, target, expected) => {
		expect(leadsTo(node, target)).toBe(expected);
	});
});
