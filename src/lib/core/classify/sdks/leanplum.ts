/**
 * Leanplum mobile engagement (acquired by CleverTap in 2022, as both companies announced).
 * Sources:
 *  - https://www.leanplum.com (the company; Exodus Privacy lists leanplum.com and the package com.leanplum.)
 * Its API (api.leanplum.com/api?action=…) sends `deviceId` and `userId`; the device ID is the advertising ID in one
 * device-ID mode and a random ID in others, so it is not mapped to a type: the detectors judge it as they find it.
 */
import type { SdkAdapter } from './adapter';

export const leanplum: SdkAdapter = {
	id: 'leanplum',
	name: 'Leanplum SDK',
	label: 'Leanplum',
	company: 'Leanplum (CleverTap)',
	category: 'analytics',
	listings: [{ hosts: ['leanplum.com'], category: 'analytics', source: 'Leanplum, https://www.leanplum.com (CleverTap since 2022)' }]
};
