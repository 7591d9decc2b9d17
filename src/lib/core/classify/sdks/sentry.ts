/**
 * Sentry: envelopes (newline-separated JSON: an envelope header with `event_id` / `sent_at` / `dsn`, then item
 * headers with `type`) posted to /api/<project>/envelope/, older events to /api/<project>/store/, authenticated by
 * `sentry_key` (query) or an `X-Sentry-Auth` header; SDKs name themselves `sdk.name = "sentry.…"`.
 * Sources:
 *  - https://develop.sentry.dev/sdk/envelopes/ and https://develop.sentry.dev/sdk/overview/ (authentication)
 *  - https://github.com/getsentry/sentry-java (LICENSE: Functional Software, Inc. d/b/a Sentry)
 */
import type { SdkAdapter } from './adapter';
import { fieldsOf, findObject, textOf } from './shape';

const ENDPOINT = /\/api\/\d+\/(?:envelope|store|minidump|security)\/?$/;
const ENVELOPE_ITEM_TYPES = /"type"\s*:\s*"(?:event|transaction|session|sessions|attachment|client_report|replay_event|check_in|profile|span|log)"/;

export const sentry: SdkAdapter = {
	id: 'sentry',
	name: 'Sentry SDK',
	label: 'Sentry',
	company: 'Sentry',
	category: 'crash-reporting',
	listings: [{ hosts: ['sentry.io', 'sentry-cdn.com'], category: 'crash-reporting', source: 'Sentry error and crash reporting, https://sentry.io' }],
	fingerprint(shape) {
		const auth = shape.query.has('sentry_key') || /sentry_key=/.test(shape.headers.get('x-sentry-auth') ?? '');
		if (ENDPOINT.test(shape.path) && auth) return `${shape.path.replace(/\/\d+\//, '/<project>/')} with sentry_key`;
		for (const text of shape.bodyTexts) {
			const lines = text.split('\n', 3);
			if (lines.length >= 2 && /^\s*\{.*"(?:event_id|sent_at|dsn)"/.test(lines[0]!) && ENVELOPE_ITEM_TYPES.test(lines[1]!)) return 'envelope: header line, then an item header with a type';
		}
		const sdk = findObject(shape, (f) => /^sentry\./.test(textOf(fieldsOf(f.get('sdk'))?.get('name')) ?? ''));
		if (sdk) return `event with sdk.name=${textOf(fieldsOf(sdk.fields.get('sdk'))?.get('name'))}`;
		return null;
	}
};
