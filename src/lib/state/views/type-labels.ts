/**
 * Finding types as people read them. A Record over FindingType, so a type added to the vocabulary does not compile
 * until it has a label and a tone here.
 */
import { isFindingType, type FindingType } from '../../core/model';

export const TYPE_LABELS: Readonly<Record<FindingType, string>> = {
	'device.imei': 'IMEI',
	'device.imsi': 'IMSI (SIM ID)',
	'device.iccid': 'SIM card number (ICCID)',
	'device.meid': 'MEID',
	'device.serial': 'Serial number',
	'device.android_id': 'Android ID',
	'device.mac': 'MAC address',
	'device.model': 'Device model',
	'device.os_version': 'OS version',
	'ad.advertising_id': 'Advertising ID',
	'user.id': 'User or tracking ID',
	'contact.email': 'E-mail address',
	'contact.phone': 'Phone number',
	'location.coordinates': 'Location',
	'network.ip': 'IP address',
	'network.ssid': 'Wi-Fi name (SSID)',
	'network.bssid': 'Wi-Fi router (BSSID)',
	'network.carrier': 'Mobile carrier',
	'browsing.url': 'Visited pages',
	'browsing.search_query': 'Search queries',
	'browsing.title': 'Page titles',
	'app.package': 'Installed apps',
	'app.screen': 'App screens',
	'media.played': 'Media played',
	'auth.secret': 'Login secrets'
};

/**
 * How a type is coloured: `names` names you or the device for good (hardware and SIM IDs, contact, location, secrets),
 * `tracks` is a resettable identifier that links requests, `activity` is what you did, `detail` describes the device
 * or network. The same grouping as severity's, so the colours agree with the badges.
 */
export type TypeTone = 'names' | 'tracks' | 'activity' | 'detail';

const TONES: Readonly<Record<FindingType, TypeTone>> = {
	'device.imei': 'names',
	'device.imsi': 'names',
	'device.iccid': 'names',
	'device.meid': 'names',
	'device.serial': 'names',
	'device.mac': 'names',
	'network.bssid': 'names',
	'contact.email': 'names',
	'contact.phone': 'names',
	'location.coordinates': 'names',
	'auth.secret': 'names',
	'device.android_id': 'tracks',
	'ad.advertising_id': 'tracks',
	'user.id': 'tracks',
	'browsing.url': 'activity',
	'browsing.search_query': 'activity',
	'browsing.title': 'activity',
	'app.screen': 'activity',
	'media.played': 'activity',
	'device.model': 'detail',
	'device.os_version': 'detail',
	'network.ip': 'detail',
	'network.ssid': 'detail',
	'network.carrier': 'detail',
	'app.package': 'detail'
};

/** The label of a type named in text (a URL, a filter choice); a name that is no finding type is shown as it is. */
export function labelOfTypeName(name: string): string {
	return isFindingType(name) ? typeLabel(name) : name;
}

export function typeLabel(type: FindingType): string {
	return TYPE_LABELS[type];
}

export function typeTone(type: FindingType): TypeTone {
	return TONES[type];
}

/** Types that let a receiver link requests to one device or person: the timeline marks requests that carried one. */
export function isIdentifierType(type: FindingType): boolean {
	const tone = TONES[type];
	return (tone === 'names' || tone === 'tracks') && type !== 'location.coordinates';
}
