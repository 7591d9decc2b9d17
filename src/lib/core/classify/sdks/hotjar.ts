/**
 * Hotjar (Contentsquare), session recording and heatmaps: the script static.hotjar.com/c/hotjar-<site>.js, data to
 * in.hotjar.com, vars.hotjar.com and a websocket at ws.hotjar.com.
 * Sources:
 *  - https://help.hotjar.com/hc/en-us/articles/115011640307-Hotjar-Cookie-Information and
 *    https://help.hotjar.com/hc/en-us/articles/115011789248-Hotjar-Security-and-Privacy (hosts and data)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/Hotjar.js: hotjar.com/c/hotjar-<id>.js)
 */
import type { SdkAdapter } from './adapter';

export const hotjar: SdkAdapter = {
	id: 'hotjar',
	name: 'Hotjar',
	label: 'Hotjar',
	company: 'Hotjar',
	category: 'analytics',
	listings: [{ hosts: ['hotjar.com', 'hotjar.io'], category: 'analytics', source: 'Hotjar, https://help.hotjar.com/hc/en-us/articles/115011789248-Hotjar-Security-and-Privacy' }]
};
