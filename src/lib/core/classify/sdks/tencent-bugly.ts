/**
 * Tencent Bugly, crash reporting.
 * Sources:
 *  - https://bugly.qq.com (the product)
 */
import type { SdkAdapter } from './adapter';

export const tencentBugly: SdkAdapter = {
	id: 'tencent-bugly',
	name: 'Tencent Bugly SDK',
	label: 'Tencent Bugly',
	company: 'Tencent',
	category: 'crash-reporting',
	listings: [{ hosts: ['bugly.qq.com'], product: 'Tencent Bugly', category: 'crash-reporting', source: 'Tencent Bugly crash reporting, https://bugly.qq.com' }]
};
