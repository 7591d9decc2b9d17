/**
 * Datadog Browser SDK (RUM and Logs): batches of NDJSON events posted to browser-intake-datadoghq.com (and the regional
 * intakes) at /api/v2/rum, /api/v2/logs, /api/v2/replay, with the client token in `dd-api-key`; a RUM event carries
 * `usr: { id, name, email }`, `view: { url, referrer }`, `session: { id }`, `application: { id }`.
 * Sources:
 *  - https://docs.datadoghq.com/real_user_monitoring/browser/data_collected/ (usr.id, usr.name, usr.email, view.url, view.referrer)
 *  - https://docs.datadoghq.com/account_management/api-app-keys/#client-tokens (client tokens are public, embedded in pages)
 *  - https://github.com/DataDog/browser-sdk (packages/core/src/domain/configuration/endpointBuilder.ts: intake hosts, dd-api-key)
 * The client token identifies the site's account, not a person, and is public by design: it is no secret.
 */
import type { SdkAdapter } from './adapter';

export const datadogRum: SdkAdapter = {
	id: 'datadog-rum',
	name: 'Datadog Browser SDK',
	label: 'Datadog',
	company: 'Datadog',
	category: 'crash-reporting',
	listings: [
		{
			hosts: [
				'browser-intake-datadoghq.com', 'browser-intake-datadoghq.eu', 'browser-intake-us3-datadoghq.com', 'browser-intake-us5-datadoghq.com',
				'browser-intake-ap1-datadoghq.com', 'browser-intake-ddog-gov.com', 'datadoghq.com', 'datadoghq.eu', 'datadoghq-browser-agent.com'
			],
			product: 'Datadog RUM',
			category: 'crash-reporting',
			source: 'Datadog browser intake, https://docs.datadoghq.com/real_user_monitoring/browser/data_collected/'
		}
	],
	endpoints: [
		{
			host: /(?:^|\.)(?:browser-intake-[a-z0-9-]*datadoghq\.(?:com|eu)|browser-intake-ddog-gov\.com)$/,
			path: /^\/api\/v2\/(?:rum|logs|replay)\/?$/,
			params: {
				'usr.id': { type: 'user.id', as: 'user_id', meaning: 'user ID the site set (usr.id)' },
				'usr.email': { type: 'contact.email', as: 'email', meaning: 'user e-mail the site set (usr.email)' },
				'view.url': { type: 'browsing.url', as: 'page_url', meaning: 'view address' },
				'view.referrer': { type: 'browsing.url', as: 'referrer', meaning: 'view referrer' },
				'dd-api-key': { type: 'user.id', as: 'client_token', meaning: 'client token (public, names the account)' }
			}
		}
	]
};
