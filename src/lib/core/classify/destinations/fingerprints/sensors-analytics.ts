/**
 * Sensors Analytics (神策数据). Android/iOS SDKs post a form `crc=…&gzip=1&data_list=base64(gzip(JSON events))`;
 * the web SDK sends `data=base64(JSON)&ext=crc%3D…`. Events carry `distinct_id`, `lib: { $lib, $lib_version }`
 * and `properties`. Facts from the public SDKs (github.com/sensorsdata).
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldsOf, findObject, hasAll, textOf } from './shape';

export const sensorsAnalytics: SdkFingerprint = {
	id: 'sensors-analytics',
	product: 'Sensors Analytics SDK',
	vendor: 'Sensors Data',
	category: 'analytics',
	match(shape) {
		if (findObject(shape, (f) => hasAll(f, ['crc', 'gzip', 'data_list']))) return 'form fields crc+gzip+data_list';
		const webForm = (get: (k: string) => string | null) => get('data') !== null && /^crc=/.test(get('ext') ?? '');
		if (webForm((k) => shape.query.get(k) ?? null) || findObject(shape, (f) => webForm((k) => textOf(f.get(k))))) return 'fields data + ext=crc…';
		const event = findObject(shape, (f) => hasAll(f, ['distinct_id', 'lib', 'properties']) && (fieldsOf(f.get('lib'))?.has('$lib') ?? false));
		if (event) return 'event with distinct_id, lib.$lib and properties';
		return null;
	}
};
