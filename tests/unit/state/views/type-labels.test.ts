import { describe, expect, it } from 'vitest';
import { FINDING_TYPES } from '../../../../src/lib/core/model';
import { isIdentifierType, TYPE_LABELS, typeLabel, typeTone } from '../../../../src/lib/state/views/type-labels';

describe('finding type labels', () => {
	it('cover every finding type with a distinct human label', () => {
		expect(Object.keys(TYPE_LABELS).sort()).toEqual([...FINDING_TYPES].sort());
		const labels = FINDING_TYPES.map(typeLabel);
		expect(new Set(labels).size).toBe(labels.length);
		for (const label of labels) expect(label).toMatch(/^[A-Z]/);
	});

	it.each([
		['device.imei', 'IMEI', 'names', true],
		['browsing.search_query', 'Search queries', 'activity', false],
		['ad.advertising_id', 'Advertising ID', 'tracks', true],
		['device.model', 'Device model', 'detail', false],
		['location.coordinates', 'Location', 'names', false],
		['contact.email', 'E-mail address', 'names', true]
	] as const)('%s reads "%s", tone %s, identifier %s', (type, label, tone, identifier) => {
		expect(typeLabel(type)).toBe(label);
		expect(typeTone(type)).toBe(tone);
		expect(isIdentifierType(type)).toBe(identifier);
	});
});
