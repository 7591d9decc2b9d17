import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamReport } from '../../../src/lib/core/report/stream-report';
import { ReportJson } from '../../../src/lib/core/report/report-json';
import { ThreadPool } from '../../../src/cli/pool';
import { FIXTURES } from '../capture/helpers';
import { sensorsBatch } from '../../bench/inputs';
import { harBytes } from '../classify/helpers';
import { gzipSync } from 'node:zlib';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : /LICENSE|SOURCES/.test(name) ? [] : [join(dir, name)]));
}

async function reportText(name: string, bytes: Uint8Array, pool: ThreadPool | null): Promise<string> {
	let text = '';
	await streamReport(
		async function* () {
			for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
		},
		{ name, sink: new ReportJson(), write: (piece) => void (text += piece), known: [{ type: 'device.imei', value: '490154203237518' }], ...(pool ? { ranges: pool } : {}) }
	);
	return text;
}

/** More exchanges than one range, so several threads share the work and finish out of order. */
const batches = harBytes(Array.from({ length: 300 }, (_, i) => ({ url: `https://sa.example${i % 7}.cn/sa`, body: sensorsBatch(1 + (i % 20), i).body, mimeType: 'application/x-www-form-urlencoded' })));

/** Hostile bodies (a decompression bomb, deep JSON, a tower of base64) spread over several ranges. */
function hostileHar(): Uint8Array {
	const member = gzipSync(Buffer.alloc(1024 * 1024));
	const bomb = Buffer.concat(Array.from({ length: 256 }, () => member)).toString('base64');
	let tower = '{"deep":true}';
	for (let i = 0; i < 30; i++) tower = Buffer.from(tower).toString('base64');
	const deep = '['.repeat(20_000) + ']'.repeat(20_000);
	const bodies = [bomb, tower, deep];
	const entries = Array.from({ length: 400 }, (_, i) => {
		const hostile = i % 97 === 0 ? bodies[(i / 97) % 3]! : null;
		return hostile === bomb
			? { url: `https://up.example.com/${i}`, body: bomb, mimeType: 'application/octet-stream', base64: true }
			: { url: `https://sa.example.cn/${i}`, body: hostile ?? sensorsBatch(1 + (i % 5), i).body, mimeType: hostile ? 'text/plain' : 'application/x-www-form-urlencoded' };
	});
	const har = JSON.parse(new TextDecoder().decode(harBytes(entries))) as { log: { entries: Array<{ request: { postData?: { encoding?: string } } }> } };
	entries.forEach((e, i) => {
		if ('base64' in e) har.log.entries[i]!.request.postData!.encoding = 'base64';
	});
	return new TextEncoder().encode(JSON.stringify(har));
}

describe('the command line pool', () => {
	it('ends within its bounds on hostile bodies, with the same report as one thread', async () => {
		const bytes = hostileHar();
		const pool = new ThreadPool(2, {});
		try {
			const many = await reportText('hostile.har', bytes, pool);
			expect(many).toBe(await reportText('hostile.har', bytes, null));
			const report = JSON.parse(many) as { exchanges: unknown[]; summary: { notes: string[] } };
			expect(report.exchanges).toHaveLength(400);
			expect(report.summary.notes.join('\n')).toMatch(/limit/);
		} finally {
			await pool.close();
		}
	}, 120_000);

	it('gives the same report as one thread on every fixture and on a capture of many ranges', async () => {
		const pool = new ThreadPool(3, { known: [{ type: 'device.imei', value: '490154203237518' }] });
		try {
			const inputs: Array<[string, Uint8Array]> = [...files(FIXTURES + 'har'), ...files(FIXTURES + 'capture')].map((path) => [path.slice(FIXTURES.length), new Uint8Array(readFileSync(path))]);
			inputs.push(['batches.har', batches]);
			for (const [name, bytes] of inputs) {
				const one = await reportText(name, bytes, null).catch((e: Error) => `error: ${e.message}`);
				const many = await reportText(name, bytes, pool).catch((e: Error) => `error: ${e.message}`);
				expect(many, name).toBe(one);
			}
		} finally {
			await pool.close();
		}
	}, 120_000);

	it('a thread that dies is reported with the range it held, and that range is analysed on the main thread', async () => {
		const warnings: string[] = [];
		const pool = new ThreadPool(2, {}, new URL('./fixtures/dying-pool-worker.mjs', import.meta.url), (message) => warnings.push(message));
		try {
			const text = await reportText('batches.har', batches, pool);
			expect(text).toBe(await reportText('batches.har', batches, null));
			expect(warnings.length).toBeGreaterThan(0);
			expect(warnings[0]).toMatch(/^an analysis thread stopped while analysing exchanges \d+ to \d+ \(it exited with code 3\); they were analysed again on the main thread$/);
		} finally {
			await pool.close();
		}
	}, 60_000);
});
