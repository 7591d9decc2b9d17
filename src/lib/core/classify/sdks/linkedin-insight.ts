/**
 * LinkedIn Insight Tag: hits on px.ads.linkedin.com/collect (and /wa/) with `pid` (partner ID), `conversionId`, `fmt`,
 * `time` and `url` (the page); the tag script comes from snap.licdn.com.
 * Sources:
 *  - https://www.linkedin.com/help/lms/answer/a418880 (Insight Tag: what it collects)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/LinkedIn.js: px.ads.linkedin.com/collect, pid, conversionId, fmt, url)
 * LinkedIn is a subsidiary of Microsoft; the company is spelled as the bundled lists spell Microsoft.
 */
import type { SdkAdapter } from './adapter';

export const linkedinInsight: SdkAdapter = {
	id: 'linkedin-insight',
	name: 'LinkedIn Insight Tag',
	label: 'LinkedIn Insight',
	company: 'Microsoft Corporation',
	category: 'advertising',
	listings: [{ hosts: ['px.ads.linkedin.com', 'snap.licdn.com'], product: 'LinkedIn Insight Tag', category: 'advertising', source: 'LinkedIn Insight Tag, https://www.linkedin.com/help/lms/answer/a418880' }],
	endpoints: [
		{
			host: /(?:^|\.)linkedin\.com$/,
			path: /^\/(?:collect|wa)\/?$/,
			params: { url: { type: 'browsing.url', as: 'page_url', meaning: 'page address' } }
		}
	]
};
