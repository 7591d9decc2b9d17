import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { harBytes } from './helpers';

const IMEI = '868027043216757';

describe('telltale analyze --known', () => {
	const dir = mkdtempSync(join(tmpdir(), 'telltale-known-'));
	const file = join(dir, 'capture.har');
	writeFileSync(file, harBytes([{ url: 'https://t.example.com/collect', body: JSON.stringify({ h: bytesToHex(sha256(utf8ToBytes(IMEI))), n: 1 }) }]));

	it('reports a hashed IMEI only when told the IMEI', () => {
		const run = (extra: string[]) => JSON.parse(execFileSync('npx', ['tsx', 'src/cli/main.ts', 'analyze', file, '--json', ...extra], { encoding: 'utf8' }));
		const without = run([]);
		expect(without.exchanges[0].findings).toEqual([]);
		const withKnown = run(['--known', `imei=${IMEI}`, '--known', 'email=me@example.org']);
		expect(withKnown.exchanges[0].findings).toEqual([
			{ type: 'device.imei', value: IMEI, path: 'body › json.h', confidence: 'high', reason: 'matches your known imei (sha256 of it)', detector: 'known-values', count: 1, paths: ['body › json.h'] }
		]);
	}, 60_000);

	it('exits 2 with one line for a malformed --known', () => {
		const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'analyze', file, '--known', 'imei'], { encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('telltale:'))).toEqual(['telltale: --known needs TYPE=VALUE (e.g. imei=868…), got "imei"']);
	}, 60_000);
});
