import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/core/model';
import { withUserIdsFoldedIntoSpecific } from '../../../src/lib/core/classify/specific-fold';

const f = (type: Finding['type'], value: string, path: string, count = 1): Finding => ({
	type, value, path, confidence: 'high', reason: `key at ${path}`, detector: 'test', count, paths: [path]
});

describe('withUserIdsFoldedIntoSpecific', () => {
	it.each([
		['an Android ID also sent as distinct_id', [f('device.android_id', 'a08ff49b6f772632', 'p.$device_id'), f('user.id', 'a08ff49b6f772632', 'p.distinct_id', 2)], [['device.android_id', 3]]],
		['a MAC in another case', [f('user.id', 'AA:BB:CC:DD:EE:01', 'uid'), f('device.mac', 'aa:bb:cc:dd:ee:01', 'mac')], [['device.mac', 2]]],
		['an advertising ID', [f('ad.advertising_id', '9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34', 'gaid'), f('user.id', '9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34', 'uid')], [['ad.advertising_id', 2]]],
		['a different user ID stays', [f('device.android_id', 'a08ff49b6f772632', 'aid'), f('user.id', 'u_20931874', 'login_id')], [['device.android_id', 1], ['user.id', 1]]],
		['a secret does not absorb a user ID', [f('auth.secret', 'tok_12345678', 'token'), f('user.id', 'tok_12345678', 'uid')], [['auth.secret', 1], ['user.id', 1]]],
		['only user IDs', [f('user.id', 'x1', 'a'), f('user.id', 'x2', 'b')], [['user.id', 1], ['user.id', 1]]]
	])('%s', (_name, list, expected) => {
		const out = withUserIdsFoldedIntoSpecific(list);
		expect(out.map((x) => [x.type, x.count])).toEqual(expected);
	});

	it('keeps the folded places and says why', () => {
		const [out] = withUserIdsFoldedIntoSpecific([f('device.android_id', 'a08ff49b6f772632', 'p.$device_id'), f('user.id', 'a08ff49b6f772632', 'p.distinct_id')]);
		expect(out!.paths).toEqual(['p.$device_id', 'p.distinct_id']);
		expect(out!.reason).toContain('also sent at p.distinct_id, whose key reads as a user ID');
	});

	it('drops a user ID whose own layers hold the identifier (a tagged ID), and keeps one that only sits beside it', () => {
		const out = withUserIdsFoldedIntoSpecific([
			f('user.id', 'ifa:9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34', 'body › json.udid'),
			f('ad.advertising_id', '9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34', 'body › json.udid › tagged-id.ifa'),
			f('user.id', 'u-1', 'body › json.user'),
			f('device.model', 'Pixel 7', 'body › json.model › base64 › json.m')
		]);
		expect(out.map((x) => x.value)).toEqual(['9e2c4a61-7b3d-4f85-a0c9-5d1e8b2f7a34', 'u-1', 'Pixel 7']);
	});
});
