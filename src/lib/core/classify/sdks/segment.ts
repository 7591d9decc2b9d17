/**
 * Segment: `/v1/batch` (or /track, /identify…) with messages `{ type, event?, messageId, anonymousId | userId,
 * context: { library: { name: "analytics-android" … } } }` and a `writeKey`.
 * Sources:
 *  - https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/ (HTTP Tracking API)
 *  - https://github.com/segmentio/analytics-android (LICENSE.md: Segment.io, Inc.; part of Twilio since 2020)
 *  - https://segment.com/docs/connections/spec/common/#context (context.page: path, referrer, search, title, url)
 * `context.page.search` is the page's query string (`?q=…`), not the words alone: not mapped.
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
	endpoints: [
		{
			host: /(?:^|\.)segment\.(?:io|com)$/,
			path: /^\/v1\/(?:batch|import|track|identify|page|screen|group|alias|[tipsga])\/?$/,
			params: {
				'page.url': { type: 'browsing.url', as: 'page_url', meaning: 'page address (context.page.url)' },
				'page.referrer': { type: 'browsing.url', as: 'referrer', meaning: 'referrer (context.page.referrer)' },
				'page.title': { type: 'browsing.title', as: 'page_title', meaning: 'page title (context.page.title)' }
			}
		}
	],
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
