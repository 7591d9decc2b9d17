import { describe, expect, it } from 'vitest';
import { destinationLabel, destinationText } from '../../../src/lib/core/shared/destination-label';

describe('destination labels', () => {
	const cases: [string, { site: string; company: string | null; product: string | null }, string][] = [
		['a company and a product that adds something', { site: 'google-analytics.com', company: 'Google', product: 'Google Analytics' }, 'Google · Google Analytics'],
		['a product that repeats the company', { site: 'mixpanel.com', company: 'Mixpanel', product: 'Mixpanel' }, 'Mixpanel'],
		['a product that repeats the company with a legal suffix', { site: 'mixpanel.com', company: 'Mixpanel, Inc.', product: 'Mixpanel' }, 'Mixpanel, Inc.'],
		['the same name twice', { site: 'google.com', company: 'Google', product: 'google' }, 'Google'],
		['an SDK whose company is not known', { site: 'sensorsdata.cn', company: null, product: 'Sensors Analytics SDK' }, 'Sensors Analytics SDK (company not known)'],
		['only a site', { site: 'example.com', company: null, product: null }, 'example.com']
	];
	it.each(cases)('%s', (_name, destination, expected) => {
		expect(destinationText(destination)).toBe(expected);
	});
	it('never repeats the name as its detail', () => {
		const label = destinationLabel({ site: 'x', company: 'Amplitude', product: 'Amplitude' });
		expect(label).toEqual({ name: 'Amplitude', detail: null });
	});
});
