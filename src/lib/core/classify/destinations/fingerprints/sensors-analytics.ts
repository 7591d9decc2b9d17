/** Sensors Analytics (神策数据), by the wire shape described in shared/wire/sensors-analytics.ts. */
import type { SdkFingerprint } from './fingerprint';
import { fieldsOf, findObject, hasAll, textOf } from './shape';
import {
	SENSORS_BATCH_FIELDS,
	SENSORS_EVENT_FIELDS,
	SENSORS_LIB_MARKER,
	SENSORS_WEB_EXT_PREFIX,
	SENSORS_WEB_FIELDS
} from '../../../shared/wire/sensors-analytics';

const BATCH_FIELDS = Object.values(SENSORS_BATCH_FIELDS);

export const sensorsAnalytics: SdkFingerprint = {
	id: 'sensors-analytics',
	product: 'Sensors Analytics SDK',
	// Sensors Data (神策数据), the brand of Sensors Data Network Technology (Beijing) Co., Ltd. (神策网络科技（北京）有限公司),
	// as the README of its own SDK says (github.com/sensorsdata/sa-sdk-android; https://www.sensorsdata.cn). Spelled as
	// the overlay spells the company of sensorsdata.cn, so data sent to their own cloud reads "sent to Sensors Data".
	vendor: 'Sensors Data',
	category: 'analytics',
	match(shape) {
		if (findObject(shape, (f) => hasAll(f, BATCH_FIELDS))) return 'form fields crc+gzip+data_list';
		const webForm = (get: (k: string) => string | null) => get(SENSORS_WEB_FIELDS.data) !== null && SENSORS_WEB_EXT_PREFIX.test(get(SENSORS_WEB_FIELDS.ext) ?? '');
		if (webForm((k) => shape.query.get(k) ?? null) || findObject(shape, (f) => webForm((k) => textOf(f.get(k))))) return 'fields data + ext=crc…';
		const event = findObject(shape, (f) => hasAll(f, SENSORS_EVENT_FIELDS) && (fieldsOf(f.get('lib'))?.has(SENSORS_LIB_MARKER) ?? false));
		if (event) return 'event with distinct_id, lib.$lib and properties';
		return null;
	}
};
