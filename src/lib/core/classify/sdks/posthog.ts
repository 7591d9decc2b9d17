/**
 * PostHog, product analytics (posthog-js and the capture API): events `{ event, distinct_id?, properties: { token |
 * api_key, distinct_id, $lib, $lib_version, $current_url, $pathname, $referrer, $session_id, $device_id,
 * $anon_distinct_id, … } }` posted to /e/, /batch/, /i/v0/e/ (or the legacy /capture/, /track/), feature flags asked
 * at /decide/ and /flags/ with `{ token, distinct_id }`; project keys start `phc_`. Cloud at us.i.posthog.com,
 * eu.i.posthog.com (app.posthog.com before), self-hosted anywhere.
 * Sources:
 *  - https://posthog.com/docs/api/capture (capture endpoints, `api_key`, `distinct_id`, `properties`)
 *  - https://posthog.com/docs/data/events (default properties: $current_url, $pathname, $referrer, $session_id, $device_id, $lib)
 *  - https://github.com/PostHog/posthog-js (packages/browser/src: $anon_distinct_id, $device_id, $lib 'web', /flags/, /i/v0/e/)
 *  - https://posthog.com/handbook/company/story (PostHog Inc.)
 * `$session_id` and `$window_id` are per-visit UUIDs, no person's identifier, and `$pathname` is a path without its
 * host: neither is mapped.
 */
import type { SdkAdapter } from './adapter';
import { fieldsOf, findObject, textOf } from './shape';

const PATHS = /^\/(?:e|batch|capture|track|i\/v0\/e|decide|flags)\/?$/;
const PROJECT_KEY = /^phc_[A-Za-z0-9]{20,}$/;

export const posthog: SdkAdapter = {
	id: 'posthog',
	name: 'PostHog',
	label: 'PostHog',
	company: 'PostHog',
	category: 'analytics',
	listings: [{ hosts: ['posthog.com'], category: 'analytics', source: 'PostHog product analytics cloud (us.i.posthog.com, eu.i.posthog.com), https://posthog.com/docs/api/capture' }],
	endpoints: [
		{
			path: PATHS,
			shape: (siblings) => siblings.has('$lib') && (siblings.has('token') || siblings.has('distinct_id')),
			params: {
				$anon_distinct_id: { type: 'user.id', as: 'anonymous_id', meaning: 'anonymous distinct ID before identify' },
				$device_id: { type: 'user.id', as: 'device_id', meaning: 'device ID (first anonymous ID of the browser)' },
				$user_id: { type: 'user.id', as: 'user_id', meaning: 'identified user ID' },
				$current_url: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				$referrer: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				$initial_referrer: { type: 'browsing.url', as: 'referrer', meaning: 'first referrer of the person' },
				$initial_current_url: { type: 'browsing.url', as: 'page_url', meaning: 'first page address of the person' }
			}
		}
	],
	fingerprint(shape) {
		const event = findObject(shape, (f) => {
			const properties = fieldsOf(f.get('properties'));
			const key = textOf(f.get('api_key')) ?? textOf(f.get('token')) ?? textOf(properties?.get('token'));
			if (key !== null && PROJECT_KEY.test(key) && (f.has('event') || f.has('distinct_id'))) return true;
			return f.has('event') && properties !== null && properties.has('$lib') && properties.has('distinct_id') && !properties.has('mp_lib');
		});
		return event ? 'event with a phc_ project key or properties.$lib and distinct_id' : null;
	},
	constants: ['posthog-js', 'posthog-node', 'posthog-python', 'web']
};
