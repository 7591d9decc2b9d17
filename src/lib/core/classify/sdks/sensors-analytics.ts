/**
 * Sensors Analytics (神策分析), by Sensors Data (神策数据).
 * Sources:
 *  - https://github.com/sensorsdata/sa-sdk-android (README: the maker; the batch upload form crc / gzip / data_list)
 *  - https://github.com/sensorsdata/sa-sdk-javascript (the web SDK's data= / ext=crc= form)
 *  - https://manual.sensorsdata.cn (SDK manual; preset properties $lib, $lib_version, $device_id, $url…)
 *  - https://www.sensorsdata.cn (the company)
 *  - Xiaomi's self-hosted backend: W. Palant, 2020-05-04, https://palant.info/2020/05/04/are-xiaomi-browsers-spyware-yes-they-are.../ ;
 *    Forbes, T. Brewster, 2020-04-30, https://www.forbes.com/sites/thomasbrewster/2020/04/30/exclusive-warning-over-chinese-mobile-giant-xiaomi-recording-millions-of-peoples-private-web-and-phone-use/
 * The wire shape itself lives in shared/wire/sensors-analytics.ts, which decode/ (the batch envelope) reads too.
 */
import type { SdkAdapter } from './adapter';
import { fieldsOf, findObject, hasAll, textOf } from './shape';
import {
	SENSORS_BATCH_FIELDS,
	SENSORS_EVENT_FIELDS,
	SENSORS_LIB_MARKER,
	SENSORS_WEB_EXT_PREFIX,
	SENSORS_WEB_FIELDS
} from '../../shared/wire/sensors-analytics';
import { FORBES_XIAOMI_2020, PALANT_XIAOMI_2020 } from './xiaomi-reports';

const BATCH_FIELDS = Object.values(SENSORS_BATCH_FIELDS);

export const sensorsAnalytics: SdkAdapter = {
	id: 'sensors-analytics',
	name: 'Sensors Analytics SDK',
	label: 'Sensors Analytics',
	// Sensors Data (神策数据), the brand of Sensors Data Network Technology (Beijing) Co., Ltd. (神策网络科技（北京）有限公司),
	// as the README of its own SDK says. Spelled as the listing below spells the company of sensorsdata.cn, so data sent
	// to their own cloud reads "sent to Sensors Data".
	company: 'Sensors Data',
	category: 'analytics',
	listings: [
		{
			hosts: ['sensorsdata.cn', 'sensorsdata.com'],
			product: 'Sensors Analytics',
			category: 'analytics',
			source: 'Sensors Data (神策数据), vendor of Sensors Analytics: https://www.sensorsdata.cn, SDK manual https://manual.sensorsdata.cn'
		},
		{
			hosts: ['sa.api.intl.miui.com'],
			company: 'Xiaomi',
			product: 'Xiaomi analytics (self-hosted Sensors Analytics)',
			category: 'analytics',
			source: `Xiaomi named this host as its Sensors Analytics backend, quoted in ${PALANT_XIAOMI_2020}; ${FORBES_XIAOMI_2020}`
		}
	],
	fingerprint(shape) {
		if (findObject(shape, (f) => hasAll(f, BATCH_FIELDS))) return 'form fields crc+gzip+data_list';
		const webForm = (get: (k: string) => string | null) => get(SENSORS_WEB_FIELDS.data) !== null && SENSORS_WEB_EXT_PREFIX.test(get(SENSORS_WEB_FIELDS.ext) ?? '');
		if (webForm((k) => shape.query.get(k) ?? null) || findObject(shape, (f) => webForm((k) => textOf(f.get(k))))) return 'fields data + ext=crc…';
		const event = findObject(shape, (f) => hasAll(f, SENSORS_EVENT_FIELDS) && (fieldsOf(f.get('lib'))?.has(SENSORS_LIB_MARKER) ?? false));
		if (event) return 'event with distinct_id, lib.$lib and properties';
		return null;
	}
};
