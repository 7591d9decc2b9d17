/**
 * Tencent Beacon (灯塔), the event reporting SDK com.tencent.beacon.
 * Sources:
 *  - the SDK's reporting hosts *.beacon.qq.com (no public document found: a URL is still owed)
 */
import type { SdkAdapter } from './adapter';

export const tencentBeacon: SdkAdapter = {
	id: 'tencent-beacon',
	name: 'Tencent Beacon SDK',
	label: 'Tencent Beacon',
	company: 'Tencent',
	category: 'telemetry',
	listings: [{ hosts: ['beacon.qq.com'], product: 'Tencent Beacon', category: 'telemetry', source: 'Tencent Beacon SDK (com.tencent.beacon) event reporting to *.beacon.qq.com' }]
};
