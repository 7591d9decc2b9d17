/**
 * Segment: `/v1/batch` (or /track, /identify…) with messages `{ type, event?, messageId, anonymousId | userId,
 * context: { library: { name: "analytics-android" … } } }` and a `writeKey`. Facts from Segment's public
 * HTTP Tracking API docs and its open-source analytics libraries.
 */
import type { SdkFingerprint } from './fingerprint';
import { fieldsOf, findObject, textOf } from './shape';

const MESSAGE_TYPES = new Set(['track', 'identify', 'page', 'screen', 'group', 'alias']);

export const segment: SdkFingerprint = {
	id: 'segment',
	product: 'Segment SDK',
	// Segment.io, Inc. (LICENSE.md of github.com/segmentio/analytics-android), part of Twilio since 2020.
	vendor: 'Segment (Twilio)',
	category: 'analytics',
	match(shape) {
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
