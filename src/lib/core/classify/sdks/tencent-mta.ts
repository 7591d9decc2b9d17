/**
 * Tencent Mobile Analytics (MTA, 腾讯移动分析), the SDK com.tencent.stat.
 * Sources:
 *  - https://mta.qq.com (the product)
 *  - the SDK reports to pingma.qq.com
 */
import type { SdkAdapter } from './adapter';

export const tencentMta: SdkAdapter = {
	id: 'tencent-mta',
	name: 'Tencent MTA SDK',
	label: 'Tencent MTA',
	company: 'Tencent',
	category: 'analytics',
	listings: [{ hosts: ['pingma.qq.com', 'mta.qq.com'], product: 'Tencent Mobile Analytics (MTA)', category: 'analytics', source: 'Tencent MTA SDK (com.tencent.stat) reports to pingma.qq.com, https://mta.qq.com' }]
};
