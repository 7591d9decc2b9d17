/**
 * Getui (个推) push, by Zhejiang Meiri Hudong Network Technology (每日互动), which trades as Getui.
 * Sources:
 *  - https://docs.getui.com/getui/server/rest_v2/push/ (RestAPI V2: BaseUrl https://restapi.getui.com/v2/{appId};
 *    /push/single/cid sends to `audience.cid`, the client ID the SDK is given; the `token` header carries the API token)
 *  - https://docs.getui.com/getui/server/rest_v2/user (/user/alias binds `data_list[].cid` to `data_list[].alias`, an alias
 *    the app chooses for its user — the docs suggest e-mail, nickname or phone number)
 *  - https://docs.getui.com/getui/server/rest/other_if (the V1 API on restapi.getui.com)
 *  - https://segmentfault.com/a/1190000041594329/en (Getui on CID, "the unique identification number of Getui SDK", and alias)
 * The API token travels in a header (`token`), a name too plain to read as a secret anywhere but here.
 *  - push_message.notification: title, body, click_type and url (the docs' notification object)
 */
import type { SdkAdapter } from './adapter';

export const getui: SdkAdapter = {
	id: 'getui',
	name: 'Getui SDK',
	label: 'Getui',
	company: 'Getui (Meiri Hudong)',
	category: 'telemetry',
	listings: [
		{
			hosts: ['getui.com'],
			product: 'Getui push',
			category: 'telemetry',
			source: 'Getui (个推) push, by 每日互动 (Meiri Hudong): https://docs.getui.com/getui/server/rest_v2/push/'
		}
	],
	endpoints: [
		{
			host: /(?:^|\.)getui\.com$/,
			path: /^\/v[12]\/[^/]+\/(?:push|user)(?:\/|$)/,
			params: {
				cid: { type: 'user.id', meaning: 'Getui client ID (cid) of a device' },
				alias: { type: 'user.id', meaning: 'alias the app binds to its user' }
			},
			headers: { token: { type: 'auth.secret', meaning: "the API token Getui issued to the app's server" } },
			neutral: {
				title: 'the title of a notification the app sends',
				body: 'the text of a notification the app sends',
				url: 'the page a notification opens'
			}
		}
	]
};
