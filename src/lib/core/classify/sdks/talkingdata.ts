/**
 * TalkingData (腾云天下) mobile analytics.
 * Sources:
 *  - https://www.talkingdata.com (the company)
 *  - Exodus Privacy's TalkingData tracker (https://reports.exodus-privacy.eu.org/en/trackers/ — network signature
 *    talkingdata.com and xdrig.com hosts; code signature com.talkingdata.sdk., com.tendcloud.tenddata.)
 * No public source shows its upload format, so the adapter lists hosts only.
 */
import type { SdkAdapter } from './adapter';

export const talkingdata: SdkAdapter = {
	id: 'talkingdata',
	name: 'TalkingData SDK',
	label: 'TalkingData',
	company: 'TalkingData',
	category: 'analytics',
	listings: [{ hosts: ['talkingdata.com', 'xdrig.com'], category: 'analytics', source: 'TalkingData (腾云天下) mobile analytics, https://www.talkingdata.com; hosts as Exodus Privacy lists them' }]
};
