/**
 * Telltale's own overlay: hosts the bundled lists miss or mislabel, each with the reference it rests on.
 * It wins over the bundled lists (a user's imported list wins over it). The hosts of SDKs are listed by their
 * adapters (sdks/, each entry's `listings`); this file keeps the companies' own domains and services that are no SDK.
 *
 * `hosts` are domains (matching the domain and its subdomains) or wildcards where `*` is exactly one label
 * (`tracking.*.miui.com`). An entry without `category` names the owner only: category and product then come
 * from the bundled lists when they know the host, else stay unknown (a bundled name that only names the company,
 * such as AdGuard's "Xiaomi" or "Alibaba", is not taken as a product: see host-lists.ts).
 */
import type { DestinationCategory } from '../../model';
import { SDK_ADAPTERS } from '../sdks/index';

export interface OverlayEntry {
	hosts: string[];
	company: string;
	product?: string;
	category?: DestinationCategory;
	/** Why we say so: a URL or a citable reference. */
	source: string;
}

const OWN: readonly OverlayEntry[] = [
	// Xiaomi / MIUI
	{
		hosts: ['miui.com', 'xiaomi.com', 'xiaomi.net', 'mi.com'],
		company: 'Xiaomi',
		source: 'Xiaomi Corporation domains (https://www.mi.com, https://www.miui.com); AdGuard lists them under "Xiaomi Inc."'
	},
	// Alibaba
	{ hosts: ['tanx.com'], company: 'Alibaba Group', product: 'Tanx (Alibaba ad exchange)', category: 'advertising', source: 'Tanx, Alibaba Group\'s ad exchange: https://www.tanx.com' },
	{
		hosts: [
			'alibaba.com', 'alicdn.com', 'aliyun.com', 'aliyuncs.com', 'alibabacloud.com', 'alibabadns.com', 'aliexpress.com', 'taobao.com', 'tmall.com',
			'alipay.com', 'alipayobjects.com', 'alipcsec.com', 'amap.com', 'autonavi.com', 'ucweb.com'
		],
		company: 'Alibaba Group',
		source: 'Alibaba Group and its subsidiaries (Alipay/Ant Group, AutoNavi/Amap, UCWeb), https://www.alibabagroup.com; AdGuard attributes them to SoftBank Group, a former shareholder'
	},
	// Cheetah Mobile
	{ hosts: ['ksmobile.com', 'ksmobile.net'], company: 'Cheetah Mobile', source: 'Cheetah Mobile (formerly Kingsoft Mobile) service domains: https://www.cmcm.com' },
	// Huawei
	{
		hosts: ['hicloud.com', 'dbankcloud.com', 'dbankcloud.cn', 'huawei.com', 'huaweicloud.com', 'vmall.com'],
		company: 'Huawei',
		source: 'Huawei Technologies domains; hicloud.com and dbankcloud.com serve Huawei Mobile Services (HMS Core), per Exodus Privacy'
	},
	// OPPO / vivo / HeyTap
	{ hosts: ['heytapmobi.com', 'heytapmobile.com', 'heytap.com', 'oppomobile.com', 'oppo.com', 'coloros.com'], company: 'OPPO', source: 'OPPO and its HeyTap services brand (https://www.heytap.com, https://www.oppo.com)' },
	{ hosts: ['vivo.com', 'vivo.com.cn', 'vivoglobal.com'], company: 'vivo', source: 'vivo Mobile Communication (https://www.vivo.com)' },
	// Tencent
	{
		hosts: ['apis.map.qq.com'],
		company: 'Tencent',
		product: 'Tencent Location Service (WebService API)',
		category: 'unknown',
		source: 'Tencent Location Service (腾讯位置服务) WebService API, e.g. the reverse geocoder https://apis.map.qq.com/ws/geocoder/v1/ documented at https://lbs.qq.com/webservice_v1/guide-gcoder.html'
	},
	// A category of its own keeps AdGuard's entry out: it names every qq.com host after one app, "QQ International".
	{ hosts: ['qq.com'], company: 'Tencent', category: 'unknown', source: 'Tencent Holdings domains (https://www.tencent.com): qq.com serves many Tencent services' },
	{ hosts: ['tencent.com', 'wechat.com', 'gtimg.cn', 'qpic.cn', 'myqcloud.com'], company: 'Tencent', source: 'Tencent Holdings domains (https://www.tencent.com)' },
	// Baidu
	{
		hosts: ['baidu.com', 'bdstatic.com', 'bdimg.com', 'bcebos.com'],
		company: 'Baidu',
		category: 'unknown',
		source: 'Baidu domains (https://www.baidu.com): search and many services; AdGuard labels all of baidu.com as advertising'
	},
	// ByteDance
	{ hosts: ['bytedance.com', 'byteoversea.com', 'snssdk.com', 'toutiao.com', 'tiktokv.com', 'isnssdk.com', 'ibytedtos.com', 'byteimg.com'], company: 'ByteDance', source: 'ByteDance domains (https://www.bytedance.com)' },
];

/** The SDK adapters' host listings, as overlay entries (an adapter's company unless the listing names another). */
function adapterEntries(): OverlayEntry[] {
	const entries: OverlayEntry[] = [];
	for (const adapter of SDK_ADAPTERS) {
		for (const listing of adapter.listings ?? []) {
			const company = listing.company ?? adapter.company;
			if (company === null) throw new Error(`SDK adapter ${adapter.id}: a host listing needs a company`);
			const entry: OverlayEntry = { hosts: [...listing.hosts], company, source: listing.source };
			if (listing.product !== undefined) entry.product = listing.product;
			if (listing.category !== undefined) entry.category = listing.category;
			entries.push(entry);
		}
	}
	return entries;
}

export const OVERLAY: readonly OverlayEntry[] = [...OWN, ...adapterEntries()];
