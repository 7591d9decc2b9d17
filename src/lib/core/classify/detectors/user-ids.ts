/**
 * Persistent pseudonymous and account identifiers: the IDs analytics SDKs attach to every event so that
 * all events of one person join up (distinct_id, anonymousId, GA's cid, install / instance IDs).
 * A hash-shaped value under such a key is a "hashed identifier": as stable as what was hashed.
 */
import type { Occurrence } from '../../model';
import { finding, keyAbove, scalarText, type DetectContext, type Detector } from './detector';
import { isPlaceholder, keyForbidsIdentifier, keyLabel } from './key-hints';
import { hashShape } from './hash-shape';

const USER_ID_KEYS = new Set([
	'distinctid', 'anonymousid', 'anonid', 'userid', 'uid', 'clientid', 'deviceid', 'udid', 'uuid', 'installid', 'installationid',
	'appinstanceid', 'firebaseinstanceid', 'fid', 'loginid', 'accountid', 'memberid', 'customerid', 'visitorid', 'externalid', 'externaluserid',
	'muid', 'umid', 'utdid', 'adid', 'identityid', 'devicefingerprintid', 'randomizeddevicetoken', 'randomizedbundletoken', 'trackingid',
	'appsflyerid', 'afid', 'amplitudeid', 'brazeid', 'mixpanelid', 'originalid', 'persistentid', 'userkey', 'openid', 'unionid', 'xid',
	'cuid', 'oaidmd5', 'vaid', 'did', 'uniqueid', 'hardwareid', 'devid', 'deviceuniqueid', 'identityloginid', 'identityanonymousid',
	'identityandroiduuid', 'identityandroidid', 'userpseudoid', 'fbp', 'ga', 'gid', 'fbc', 'ajsanonymousid', 'ajsuserid', 'mpid', 'guid',
	'imid', 'tuid', 'ssoid', 'bdid', 'baiduid', 'xiaomiid', 'miid', 'uniqueidentifier', 'idfv', 'vendorid', 'androiduuid', 'mid', 'openudid', 'odid'
]);
/** GA's `cid` and `uid` mean "user" only in a GA hit: its adapter (sdks/google-analytics.ts) reads them as `client_id`, `user_id` there. */

const PERSON_PARENTS = new Set(['user', 'customer', 'member', 'account', 'profile', 'visitor', 'person', 'player', 'device']);

const IDENTITY_MAPS = ['identities', 'identity', 'ids', 'useridentities'];
const inIdentitiesMap = (ctx: DetectContext) => ctx.keyChain.length > 0 && IDENTITY_MAPS.includes(keyAbove(ctx, 1)!);
/** `user: { id }` (Sentry, many APIs): the parent names whose ID it is. */
const isOwnedId = (ctx: DetectContext) => (ctx.normKey === 'id' || ctx.normKey === 'uuid') && PERSON_PARENTS.has(keyAbove(ctx, 1) ?? '');

export const userIds: Detector = {
	id: 'user-ids',
	label: 'User and install identifiers',
	gate: {
		key: (k, words) => USER_ID_KEYS.has(k) && !keyForbidsIdentifier(words, k),
		other: (_node, ctx) => (inIdentitiesMap(ctx) && ctx.normKey.length > 0) || isOwnedId(ctx)
	},
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null) return [];
		const value = raw.trim();
		const k = ctx.normKey;
		const inIdentities = inIdentitiesMap(ctx);
		const ownedId = isOwnedId(ctx);
		const named = USER_ID_KEYS.has(k) || (inIdentities && k.length > 0) || ownedId;
		if (!named || keyForbidsIdentifier(ctx.keyWords, k)) return [];
		if (value.length < 4 || value.length > 256 || isPlaceholder(value) || /\s/.test(value) || /^https?:/i.test(value)) return [];
		if (node.kind === 'number' && value.length < 5) return [];
		const hashed = hashShape(value);
		const out: Occurrence[] = [];
		const why = hashed ? `hashed identifier: ${hashed}` : describe(value);
		out.push(finding(node, 'user.id', value, hashed || value.length >= 8 ? 'high' : 'medium', `${why}, ${keyLabel(ctx.key)}${inIdentities ? ' in an identities map' : ''}`));
		return out;
	}
};

function describe(value: string): string {
	if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return 'UUID identifier';
	if (/^GA\d\.\d\.\d+\.\d+$/.test(value) || /^\d{6,}\.\d{9,}$/.test(value)) return 'Google Analytics client ID';
	if (/^fb\.\d\.\d+\.\d+/.test(value)) return 'Facebook browser ID';
	if (/^\d+$/.test(value)) return `${value.length}-digit identifier`;
	return `${value.length}-character identifier`;
}
