/**
 * Criteo OneTag: events on sslwidget.criteo.com/event (and gum.criteo.com for user matching) with `a` (account ID),
 * `v` (tag version), `tld`, and the events as `p0`, `p1`, … (`e=vh`, `e=vp`…).
 * Sources:
 *  - https://help.criteo.com/kb/guide/en/criteo-onetag-explained-hcYJHtoBzv/ (OneTag events)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/CriteoOneTag.js: sslwidget.criteo.com/event, a, v, tld)
 */
import type { SdkAdapter } from './adapter';

export const criteoOnetag: SdkAdapter = {
	id: 'criteo-onetag',
	name: 'Criteo OneTag',
	label: 'Criteo',
	company: 'Criteo',
	category: 'advertising',
	listings: [{ hosts: ['criteo.com', 'criteo.net'], category: 'advertising', source: 'Criteo OneTag, https://help.criteo.com/kb/guide/en/criteo-onetag-explained-hcYJHtoBzv/' }]
};
