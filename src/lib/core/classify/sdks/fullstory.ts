/**
 * FullStory, session replay: the script edge.fullstory.com/s/fs.js, recordings to rs.fullstory.com/rec/bundle and
 * /rec/page.
 * Sources:
 *  - https://help.fullstory.com/hc/en-us/articles/360020622854 (domains to allow: fullstory.com, edge.fullstory.com, rs.fullstory.com)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/FullStory.js: edge.fullstory.com/s/fs.js)
 */
import type { SdkAdapter } from './adapter';

export const fullstory: SdkAdapter = {
	id: 'fullstory',
	name: 'FullStory',
	label: 'FullStory',
	company: 'FullStory',
	category: 'analytics',
	listings: [{ hosts: ['fullstory.com'], category: 'analytics', source: 'FullStory session replay, https://help.fullstory.com/hc/en-us/articles/360020622854' }]
};
