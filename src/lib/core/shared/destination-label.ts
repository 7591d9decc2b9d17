/**
 * How a receiving destination is named, on screen and in the command line's summary: the company, then the product only when it adds something
 * ("Google Analytics" under Google, not "Mixpanel" under Mixpanel), and an honest "company not known" for an SDK
 * recognised by its fields whose owner no list names.
 */
/** The naming fields of a report's destination (kept structural: the kernel imports nothing outside itself). */
export interface NamedDestination {
	site: string;
	company: string | null;
	product: string | null;
}

export interface DestinationLabel {
	/** The main name: the company, or the product or site when the company is not known. */
	name: string;
	/** A second line, or null when it would repeat the name. */
	detail: string | null;
}

function normalised(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Whether `product` only repeats `company` ("Google" / "Google", "Mixpanel" / "Mixpanel Inc."). */
function repeats(company: string, product: string): boolean {
	const c = normalised(company.replace(/\b(inc|llc|ltd|gmbh|co|corp|corporation|limited)\b\.?/gi, ''));
	const p = normalised(product);
	return p === c || c === '' || p === '';
}

export function destinationLabel(destination: NamedDestination): DestinationLabel {
	const { company, product, site } = destination;
	if (company) return { name: company, detail: product && !repeats(company, product) ? product : null };
	if (product) return { name: product, detail: 'company not known' };
	return { name: site, detail: null };
}

/** The label on one line: "Google · Firebase", "Sensors Analytics SDK (company not known)", "example.com". */
export function destinationText(destination: NamedDestination): string {
	const { name, detail } = destinationLabel(destination);
	if (!detail) return name;
	return destination.company ? `${name} · ${detail}` : `${name} (${detail})`;
}
