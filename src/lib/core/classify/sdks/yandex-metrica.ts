/**
 * Yandex Metrica, the web tag: its /watch/<counter> hit names the page `page-url` and the referrer `page-ref`.
 * `browser-info` packs many `name:value` pairs into one string and is not unpacked here.
 * Sources:
 *  - https://yandex.com/support/metrica/ (tag documentation)
 */
import type { SdkAdapter } from './adapter';

export const yandexMetrica: SdkAdapter = {
	id: 'yandex-metrica',
	name: 'Yandex Metrica',
	label: 'Yandex Metrica',
	company: 'Yandex',
	category: 'analytics',
	endpoints: [
		{
			host: /^mc\.yandex\.[a-z.]{2,6}$/,
			path: /^\/(?:watch|webvisor)\//,
			params: {
				'page-url': { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				'page-ref': { type: 'browsing.url', as: 'referrer', meaning: 'referrer' }
			}
		}
	]
};
