/**
 * Every SDK adapter, one line each. Adding an SDK = one new file in this folder + one line here.
 * The order matters where two adapters could claim the same request: fingerprints are tried in this order (the
 * most specific shapes first), and a parameter name two endpoints define is read by the first whose endpoint matches.
 */
import { sensorsAnalytics } from './sensors-analytics';
import { mixpanel } from './mixpanel';
import { googleAnalytics } from './google-analytics';
import { firebase } from './firebase';
import { facebookAppEvents } from './facebook-app-events';
import { facebookPixel } from './facebook-pixel';
import { adjust } from './adjust';
import { appsflyer } from './appsflyer';
import { amplitude } from './amplitude';
import { segment } from './segment';
import { umeng } from './umeng';
import { appMetrica } from './appmetrica';
import { sentry } from './sentry';
import { branch } from './branch';
import { braze } from './braze';
import { baiduTongji } from './baidu-tongji';
import { yandexMetrica } from './yandex-metrica';
import { matomo } from './matomo';
import { adobeAnalytics } from './adobe-analytics';
import { miuiAnalytics } from './miui-analytics';
import { xiaomiMistat } from './xiaomi-mistat';
import { xiaomiAds } from './xiaomi-ads';
import { alibabaUt } from './alibaba-ut';
import { cheetahAds } from './cheetah-ads';
import { tencentGdt } from './tencent-gdt';
import { tencentMta } from './tencent-mta';
import { tencentBeacon } from './tencent-beacon';
import { tencentBugly } from './tencent-bugly';
import { baiduMobstat } from './baidu-mobstat';
import { baiduUnion } from './baidu-union';
import { pangle } from './pangle';
import { bytedanceApplog } from './bytedance-applog';
import { kochava } from './kochava';
import { mopub } from './mopub';
import { appcenter } from './appcenter';
import { airship } from './airship';
import { singular } from './singular';
import { crashlytics } from './crashlytics';
import { bugsnag } from './bugsnag';
import { growingio } from './growingio';
// web
import { posthog } from './posthog';
import { plausible } from './plausible';
import { snowplow } from './snowplow';
import { heap } from './heap';
import { tealium } from './tealium';
import { hubspot } from './hubspot';
import { datadogRum } from './datadog-rum';
import { newrelicBrowser } from './newrelic-browser';
import { bingUet } from './bing-uet';
import { googleAds } from './google-ads';
import { pinterestTag } from './pinterest-tag';
import { snapPixel } from './snap-pixel';
import { xPixel } from './x-pixel';
import { linkedinInsight } from './linkedin-insight';
import { tiktokPixel } from './tiktok-pixel';
import { redditPixel } from './reddit-pixel';
import { criteoOnetag } from './criteo-onetag';
import { quantcast } from './quantcast';
import { hotjar } from './hotjar';
import { fullstory } from './fullstory';
import { microsoftClarity } from './microsoft-clarity';
import { onesignalWeb } from './onesignal-web';
import { intercomWeb } from './intercom-web';
import { klaviyoWeb } from './klaviyo-web';
// mobile
import { jpush } from './jpush';
import { getui } from './getui';
import { xiaomiPush } from './xiaomi-push';
import { huaweiPush } from './huawei-push';
import { talkingdata } from './talkingdata';
import { clevertap } from './clevertap';
import { leanplum } from './leanplum';
import { onesignal } from './onesignal';
import { unityAds } from './unity-ads';
import { ironsource } from './ironsource';
import { vungle } from './vungle';
import { chartboost } from './chartboost';
import { adcolony } from './adcolony';
import { kidoz } from './kidoz';
import { startIo } from './start-io';
import { mintegral } from './mintegral';
import type { SdkAdapter } from './adapter';

export const SDK_ADAPTERS = [
	sensorsAnalytics,
	mixpanel,
	googleAnalytics,
	firebase,
	facebookAppEvents,
	facebookPixel,
	adjust,
	appsflyer,
	amplitude,
	segment,
	umeng,
	appMetrica,
	sentry,
	branch,
	braze,
	baiduTongji,
	yandexMetrica,
	matomo,
	adobeAnalytics,
	miuiAnalytics,
	xiaomiMistat,
	xiaomiAds,
	alibabaUt,
	cheetahAds,
	tencentGdt,
	tencentMta,
	tencentBeacon,
	tencentBugly,
	baiduMobstat,
	baiduUnion,
	pangle,
	bytedanceApplog,
	kochava,
	singular,
	crashlytics,
	bugsnag,
	growingio,
	// web
	posthog,
	plausible,
	snowplow,
	heap,
	tealium,
	hubspot,
	datadogRum,
	newrelicBrowser,
	bingUet,
	googleAds,
	pinterestTag,
	snapPixel,
	xPixel,
	linkedinInsight,
	tiktokPixel,
	redditPixel,
	criteoOnetag,
	quantcast,
	hotjar,
	fullstory,
	microsoftClarity,
	onesignalWeb,
	intercomWeb,
	klaviyoWeb,
	// mobile
	jpush,
	getui,
	xiaomiPush,
	huaweiPush,
	talkingdata,
	clevertap,
	leanplum,
	onesignal,
	unityAds,
	ironsource,
	vungle,
	chartboost,
	adcolony,
	kidoz,
	startIo,
	mintegral,
	mopub,
	appcenter,
	airship
] as const satisfies readonly SdkAdapter[];

export type { SdkAdapter } from './adapter';
