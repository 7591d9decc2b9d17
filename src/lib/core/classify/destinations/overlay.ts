/**
 * Telltale's own overlay: hosts the bundled lists miss or mislabel, each with the reference it rests on.
 * It wins over the bundled lists (a user's imported list wins over it).
 *
 * `hosts` are domains (matching the domain and its subdomains) or wildcards where `*` is exactly one label
 * (`tracking.*.miui.com`). An entry without `category` names the owner only: category and product then come
 * from the bundled lists when they know the host, else stay unknown (a bundled name that only names the company,
 * such as AdGuard's "Xiaomi" or "Alibaba", is not taken as a product: see host-lists.ts).
 */
import type { DestinationCategory } from '../../model';

export interface OverlayEntry {
	hosts: string[];
	company: string;
	product?: string;
	category?: DestinationCategory;
	/** Why we say so: a URL or a citable reference. */
	source: string;
}

const FORBES_XIAOMI_2020 =
	'Forbes, T. Brewster, 2020-04-30, "Warning over Chinese mobile giant Xiaomi recording millions of people\'s private web and phone use" (findings of G. Cirlig), https://www.forbes.com/sites/thomasbrewster/2020/04/30/exclusive-warning-over-chinese-mobile-giant-xiaomi-recording-millions-of-peoples-private-web-and-phone-use/';
const PALANT_XIAOMI_2020 = 'W. Palant, 2020-05-04, "Are Xiaomi browsers spyware? Yes, they are", https://palant.info/2020/05/04/are-xiaomi-browsers-spyware-yes-they-are.../';

export const OVERLAY: readonly OverlayEntry[] = [
	// Xiaomi / MIUI
	{
		hosts: ['sa.api.intl.miui.com'],
		company: 'Xiaomi',
		product: 'Xiaomi analytics (self-hosted Sensors Analytics)',
		category: 'analytics',
		source: `Xiaomi named this host as its Sensors Analytics backend, quoted in ${PALANT_XIAOMI_2020}; ${FORBES_XIAOMI_2020}`
	},
	{
		hosts: ['tracking.miui.com', 'tracking.*.miui.com'],
		company: 'Xiaomi',
		product: 'MIUI tracking',
		category: 'telemetry',
		source: 'MIUI framework class com.miui.internal.analytics.XiaomiServer posts events to https://tracking.miui.com/tracks (decompiled MIUI); ' + FORBES_XIAOMI_2020
	},
	{
		hosts: ['data.mistat.xiaomi.com', 'data.mistat.*.xiaomi.com'],
		company: 'Xiaomi',
		product: 'MiStat (Xiaomi mobile statistics SDK)',
		category: 'analytics',
		source: 'Xiaomi MiStat SDK (com.xiaomi.mistatistic.sdk) upload endpoint data.mistat[.intl|.india|.rus].xiaomi.com, seen in MIUI apps and public DNS blocklists'
	},
	{
		hosts: ['ad.xiaomi.com'],
		company: 'Xiaomi',
		product: 'Xiaomi Ads (MIUI ad platform)',
		category: 'advertising',
		source: 'Xiaomi ad platform (MIUI system ads, com.miui.systemAdSolution / com.xiaomi.ad SDK): api.ad.xiaomi.com and globalapi.ad.xiaomi.com'
	},
	{
		hosts: ['miui.com', 'xiaomi.com', 'xiaomi.net', 'mi.com'],
		company: 'Xiaomi',
		source: 'Xiaomi Corporation domains (https://www.mi.com, https://www.miui.com); AdGuard lists them under "Xiaomi Inc."'
	},
	// Sensors Data (神策数据)
	{
		hosts: ['sensorsdata.cn', 'sensorsdata.com'],
		company: 'Sensors Data',
		product: 'Sensors Analytics',
		category: 'analytics',
		source: 'Sensors Data (神策数据), vendor of Sensors Analytics: https://www.sensorsdata.cn, SDK manual https://manual.sensorsdata.cn'
	},
	// Umeng (Alibaba Group since 2013)
	{
		hosts: ['umeng.com', 'umengcloud.com', 'umeng.co'],
		company: 'Alibaba Group',
		product: 'Umeng (U-App analytics)',
		category: 'analytics',
		source: 'Umeng (友盟), acquired by Alibaba in 2013, now part of Alibaba Cloud\'s "Umeng+": https://www.umeng.com'
	},
	// Alibaba
	{
		hosts: ['mmstat.com'],
		company: 'Alibaba Group',
		product: 'Alibaba user tracking (Aplus / UT, mmstat)',
		category: 'analytics',
		source: 'Alibaba\'s web and app tracking (aplus.js, UT SDK) reports to log.mmstat.com / gm.mmstat.com; AdGuard mislabels the domain as MarkMonitor, its registrar'
	},
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
	{ hosts: ['cmcm.com'], company: 'Cheetah Mobile', product: 'Cheetah Ads', category: 'advertising', source: 'Cheetah Mobile (https://www.cmcm.com); Exodus Privacy lists cmcm.com as "Cheetah Ads"' },
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
	{ hosts: ['gdt.qq.com', 'e.qq.com'], company: 'Tencent', product: 'Tencent Ads (Guangdiantong)', category: 'advertising', source: 'Tencent Guangdiantong (广点通) ad network, https://e.qq.com' },
	{ hosts: ['pingma.qq.com', 'mta.qq.com'], company: 'Tencent', product: 'Tencent Mobile Analytics (MTA)', category: 'analytics', source: 'Tencent MTA SDK (com.tencent.stat) reports to pingma.qq.com, https://mta.qq.com' },
	{ hosts: ['beacon.qq.com'], company: 'Tencent', product: 'Tencent Beacon', category: 'telemetry', source: 'Tencent Beacon SDK (com.tencent.beacon) event reporting to *.beacon.qq.com' },
	{ hosts: ['bugly.qq.com'], company: 'Tencent', product: 'Tencent Bugly', category: 'crash-reporting', source: 'Tencent Bugly crash reporting, https://bugly.qq.com' },
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
	{ hosts: ['hm.baidu.com'], company: 'Baidu', product: 'Baidu Tongji', category: 'analytics', source: 'Baidu Tongji (百度统计) web analytics, https://tongji.baidu.com; its hm.js reports to hm.baidu.com/hm.gif' },
	{ hosts: ['mtj.baidu.com'], company: 'Baidu', product: 'Baidu Mobile Tongji', category: 'analytics', source: 'Baidu Mobile Tongji (百度移动统计) SDK, https://mtj.baidu.com' },
	{ hosts: ['mobads.baidu.com', 'mobads-logs.baidu.com', 'pos.baidu.com', 'cpro.baidu.com'], company: 'Baidu', product: 'Baidu Union ads', category: 'advertising', source: 'Baidu Union (百度联盟) ad SDK and ad serving, https://union.baidu.com' },
	{
		hosts: ['baidu.com', 'bdstatic.com', 'bdimg.com', 'bcebos.com'],
		company: 'Baidu',
		category: 'unknown',
		source: 'Baidu domains (https://www.baidu.com): search and many services; AdGuard labels all of baidu.com as advertising'
	},
	// ByteDance / Pangle
	{ hosts: ['pangle.io', 'pangleglobal.com', 'pangolin-sdk-toutiao.com', 'pglstatp-toutiao.com'], company: 'ByteDance', product: 'Pangle', category: 'advertising', source: 'Pangle, ByteDance\'s mobile ad network, https://www.pangleglobal.com' },
	{ hosts: ['log.snssdk.com', 'applog.snssdk.com', 'log.byteoversea.com'], company: 'ByteDance', product: 'ByteDance AppLog', category: 'telemetry', source: 'ByteDance AppLog event collection hosts used by its apps and SDKs' },
	{ hosts: ['bytedance.com', 'byteoversea.com', 'snssdk.com', 'toutiao.com', 'tiktokv.com', 'isnssdk.com', 'ibytedtos.com', 'byteimg.com'], company: 'ByteDance', source: 'ByteDance domains (https://www.bytedance.com)' },
	// Attribution vendors the bundled lists file under analytics or advertising. An entry names a product only when it
	// says more than the company: "AppsFlyer" by AppsFlyer would be the same name twice.
	{ hosts: ['adjust.com', 'adj.st'], company: 'Adjust (AppLovin)', category: 'attribution', source: 'Adjust mobile measurement and attribution, https://www.adjust.com (acquired by AppLovin in 2021)' },
	{ hosts: ['appsflyer.com', 'appsflyersdk.com', 'onelink.me'], company: 'AppsFlyer', category: 'attribution', source: 'AppsFlyer mobile attribution, https://www.appsflyer.com' },
	{ hosts: ['branch.io', 'app.link'], company: 'Branch Metrics', category: 'attribution', source: 'Branch deep linking and attribution, https://branch.io' },
	{ hosts: ['kochava.com'], company: 'Kochava', category: 'attribution', source: 'Kochava mobile attribution, https://www.kochava.com' },
	{ hosts: ['singular.net', 'sng.link'], company: 'Singular', category: 'attribution', source: 'Singular marketing attribution, https://www.singular.net' },
	// Crash reporting the bundled lists file under analytics
	{ hosts: ['sentry.io', 'sentry-cdn.com'], company: 'Sentry', category: 'crash-reporting', source: 'Sentry error and crash reporting, https://sentry.io' },
	{ hosts: ['crashlytics.com'], company: 'Google', product: 'Firebase Crashlytics', category: 'crash-reporting', source: 'Firebase Crashlytics, https://firebase.google.com/products/crashlytics' },
	{ hosts: ['bugsnag.com'], company: 'SmartBear', product: 'Bugsnag', category: 'crash-reporting', source: 'Bugsnag error monitoring (SmartBear), https://www.bugsnag.com' },
	// Analytics the bundled lists miss
	{ hosts: ['appmetrica.yandex.net', 'appmetrica.yandex.com', 'appmetrica.yandex.ru'], company: 'Yandex', product: 'AppMetrica', category: 'analytics', source: 'Yandex AppMetrica, https://appmetrica.yandex.com' },
	{ hosts: ['appboy.com', 'braze.com', 'braze.eu'], company: 'Braze', category: 'analytics', source: 'Braze (formerly Appboy) customer engagement SDK, https://www.braze.com' },
	{ hosts: ['growingio.com'], company: 'GrowingIO', category: 'analytics', source: 'GrowingIO analytics, https://www.growingio.com' }
];
