/** host → Destination. For now only the site (eTLD+1); companies and categories arrive with the classifiers. */
import { parse } from 'tldts';
import type { Destination } from '../model';

export function destinationOf(host: string): Destination {
	const parsed = parse(host, { allowPrivateDomains: false });
	const site = parsed.isIp ? host : (parsed.domain ?? host);
	return { host, site, company: null, product: null, category: 'unknown', source: 'none' };
}
