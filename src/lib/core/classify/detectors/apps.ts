/**
 * Apps: package names (which app is talking, or which other apps are installed — an installed-app list
 * is a fingerprint and says much about a person) and screen views (what the user looked at in the app).
 */
import type { Occurrence } from '../../model';
import { finding, keyAbove, scalarText, type Detector } from './detector';
import { isPlaceholder, keyLabel } from './key-hints';

/** Reverse-domain Android / iOS package or bundle name: com.miui.browser, com.tencent.mm. */
const PACKAGE = /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+){1,8}$/;
const PACKAGE_KEYS = new Set([
	'package', 'packagename', 'pkg', 'pkgname', 'bundleid', 'bundleidentifier', 'applicationid', 'appid', 'apppackage', 'apppackagename',
	'appbundle', 'app', 'sourcepackage', 'callingpackage', 'hostpackage', 'appname', 'packageid', 'appidentifier', 'pn', 'bundle'
]);
const APP_LIST_KEYS = new Set([
	'installedapps', 'applist', 'apps', 'packages', 'pkglist', 'packagelist', 'installedpackages', 'installedapplist', 'appinstalllist',
	'installedapplications', 'userapps', 'packagenames', 'pkgs', 'applistinstalled', 'installlist', 'runningapps',
	// `installed: [...]` names the list by what its members are
	'installed', 'installedpkgs', 'appsinstalled'
]);
const SCREEN_KEYS = new Set([
	'screenname', 'screen', 'screenclass', 'firebasescreen', 'firebasescreenclass', 'activity', 'activityname', 'currentscreen',
	'viewcontroller', 'screentitle', 'fragmentname'
]);
/** File names and hosts look like package names; their last part gives them away. */
const NOT_PACKAGE_ENDINGS = /\.(js|css|html?|png|jpe?g|gif|svg|json|xml|txt|com|cn|net|org|io|php|so|dex|apk)$/i;

/** `app: { namespace }` (Segment), `app: { id }`. */
const APP_FIELD_KEYS = new Set(['namespace', 'id', 'identifier', 'package', 'bundle']);
const PAGE_NAME_KEYS = new Set(['pagename', 'page', 'pageclass', 'viewname']);
/** Android activity / fragment or iOS view-controller class names: screens, not web pages. */
export const SCREEN_CLASS = /^[A-Za-z_][\w.$]*(Activity|Fragment|ViewController|Controller|Screen)$/;

export const apps: Detector = {
	id: 'apps',
	label: 'Apps and screens',
	gate: {
		key: (k) =>
			SCREEN_KEYS.has(k) || k === 'name' || PAGE_NAME_KEYS.has(k) || APP_LIST_KEYS.has(k) || PACKAGE_KEYS.has(k) || k.endsWith('packagename'),
		// Under any other key: a package name inside an app list, or an `app: { id }` field.
		other(_node, ctx) {
			const above1 = keyAbove(ctx, 1);
			const above2 = keyAbove(ctx, 2);
			if ((above1 !== undefined && APP_LIST_KEYS.has(above1)) || (above2 !== undefined && APP_LIST_KEYS.has(above2))) return true;
			return above1 === 'app' && APP_FIELD_KEYS.has(ctx.normKey);
		}
	},
	detect(node, ctx) {
		const k = ctx.normKey;
		const raw = scalarText(node);
		if (raw === null || node.kind !== 'text') return [];
		const value = raw.trim();
		if (value.length === 0 || value.length > 256 || isPlaceholder(value)) return [];
		const out: Occurrence[] = [];
		// The nearer of the two keys above that names an app list.
		const above1 = keyAbove(ctx, 1);
		const above2 = keyAbove(ctx, 2);
		const listKey = above1 !== undefined && APP_LIST_KEYS.has(above1) ? above1 : above2 !== undefined && APP_LIST_KEYS.has(above2) ? above2 : undefined;
		const parent = keyAbove(ctx, 1) ?? '';
		const screenish = SCREEN_KEYS.has(k) || (k === 'name' && ctx.siblings?.get('type')?.text === 'screen') || (PAGE_NAME_KEYS.has(k) && SCREEN_CLASS.test(value));
		if (screenish) {
			if (!/^https?:/i.test(value)) out.push(finding(node, 'app.screen', value, 'high', `screen view, ${keyLabel(ctx.key)}`));
			return out;
		}
		if ((listKey || APP_LIST_KEYS.has(k)) && value.includes(',')) {
			// "com.a,com.b,com.c" as one string
			for (const pkg of value.split(/[,;|]\s*/)) {
				if (PACKAGE.test(pkg) && !NOT_PACKAGE_ENDINGS.test(pkg)) out.push(finding(node, 'app.package', pkg, 'high', `in an installed-app list, ${keyLabel(ctx.key)}`));
			}
			return out;
		}
		if (!PACKAGE.test(value) || NOT_PACKAGE_ENDINGS.test(value)) return out;
		if (listKey) out.push(finding(node, 'app.package', value, 'high', `package name in an installed-app list, key ${listKey}`));
		else if (PACKAGE_KEYS.has(k) || k.endsWith('packagename') || (parent === 'app' && APP_FIELD_KEYS.has(k))) out.push(finding(node, 'app.package', value, 'high', `package name, ${keyLabel(ctx.key)}`));
		return out;
	}
};
