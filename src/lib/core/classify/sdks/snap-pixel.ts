/**
 * Snap Pixel: hits on tr.snapchat.com/p (and /gateway/p) with `pid` (pixel ID), `ev` (event), `pl` (page URL), `rf`
 * (referrer), `u_hem` (SHA-256 of the user's e-mail), `u_hpn` (SHA-256 of the user's phone number), `e_*` event data.
 * Sources:
 *  - https://businesshelp.snapchat.com/s/article/pixel-direct-implementation (user_email, user_phone_number, hashed)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/Snapchat.js: tr.snapchat.com/p, pid, ev, pl, rf, u_hem, u_hpn)
 */
import type { SdkAdapter } from './adapter';

export const snapPixel: SdkAdapter = {
	id: 'snap-pixel',
	name: 'Snap Pixel',
	label: 'Snap Pixel',
	company: 'Snap Inc.',
	category: 'advertising',
	listings: [{ hosts: ['tr.snapchat.com', 'tr-shadow.snapchat.com', 'sc-static.net'], product: 'Snap Pixel', category: 'advertising', source: 'Snap Pixel, https://businesshelp.snapchat.com/s/article/pixel-direct-implementation' }],
	endpoints: [
		{
			host: /(?:^|\.)snapchat\.com$/,
			path: /^\/(?:gateway\/)?p$/,
			params: {
				pl: { type: 'browsing.url', as: 'page_url', meaning: 'page address' },
				rf: { type: 'browsing.url', as: 'referrer', meaning: 'referrer' },
				u_hem: { type: 'contact.email', as: 'email_hash', meaning: 'hashed e-mail' },
				u_hpn: { type: 'contact.phone', as: 'phone_hash', meaning: 'hashed phone number' }
			}
		}
	]
};
