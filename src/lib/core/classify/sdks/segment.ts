/**
 * Segment: `/v1/batch` (or /track, /identify…) with messages `{ type, event?, messageId, anonymousId | userId,
 * context: { library: { name: "analytics-android" … } } }` and a `writeKey`.
 * Sources:
 *  - https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/ (HTTP Tracking API)
 *  - https://github.com/segmentio/analytics-android (LICENSE.md: Segment.io, Inc.; part of Twilio since 2020)
 */
import type { SdkAdapter } from './adapter';
import { fieldsOf, findObject, textOf } from './shape';

const MESSAGE_TYPES = new Set(['track', 'identify', 'page', 'screen', 'group', 'alias']);

export const segment: SdkAdapter = {
	id: 'segment',
	name: 'Segment SDK',
	label: 'Segment',
	company: 'Segment (Twilio)',
	category: 'analytics',
	fingerprint(shape) {
		const message = findObject(
			shape,
			(f) => f.has('messageId') && (f.has('anonymousId') || f.has('userId')) && MESSAGE_TYPES.has(textOf(f.get('type')) ?? '')
		);
		if (!message) return null;
		const library = fieldsOf(fieldsOf(message.fields.get('context'))?.get('library'));
		const name = textOf(library?.get('name'));
		return name && /^analytics/.test(name) ? `message with messageId and context.library.name=${name}` : 'message with type, messageId and anonymousId/userId';
	}
};
