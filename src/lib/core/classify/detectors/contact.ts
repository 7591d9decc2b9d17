/**
 * E-mail addresses and phone numbers. An e-mail needs a real public suffix (so `icon@2x.png` is not
 * one). A phone number needs a key that names it, or an explicit international `+` form, and must be
 * valid for its region by libphonenumber's full metadata: order numbers and timestamps have no such key.
 */
import { parse as parseDomain } from 'tldts';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Occurrence } from '../../model';
import { finding, scalarText, type Detector } from './detector';
import { isPlaceholder, keyForbidsIdentifier, keyHas, keyLabel, keyNamesHash } from './key-hints';
import { hashShape } from './hash-shape';
import { keylessPlace } from './keyless';

const EMAIL_WHOLE = /^[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}$/;
const EMAIL_INSIDE = /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}/g;
const EMAIL_WORDS = new Set(['email', 'mail', 'emailaddress', 'em', 'useremail']);
const PHONE_WORDS = new Set(['phone', 'mobile', 'tel', 'telephone', 'msisdn', 'cellphone', 'phonenumber', 'mobileno', 'mobilephone', 'phoneno', 'ph', 'cell']);
/** Regions tried for a national number under a phone key, most common in captured traffic first. */
const REGIONS: CountryCode[] = ['CN', 'US', 'IN', 'GB', 'DE', 'FR', 'RU', 'BR', 'JP', 'KR', 'ID', 'ES', 'IT', 'NL', 'TR', 'MX'];
/** Free text longer than this is not scanned for embedded addresses (cost bound). */
const MAX_SCAN = 64 * 1024;

export const contact: Detector = {
	id: 'contact',
	label: 'E-mail addresses and phone numbers',
	gate: {
		key: (k, words) => keyHas(words, k, EMAIL_WORDS) || (keyHas(words, k, PHONE_WORDS) && !keyForbidsIdentifier(words, k)),
		// Under any other key: an address has an `@`, an international number starts with `+`.
		other: (_node, _ctx, value) => value !== null && (value.charCodeAt(0) === 0x2b || value.includes('@'))
	},
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null) return [];
		const value = raw.trim();
		if (isPlaceholder(value)) return [];
		const out: Occurrence[] = [];
		const k = ctx.normKey;
		if (node.kind === 'text') {
			if (EMAIL_WHOLE.test(value)) {
				if (isRealDomain(value)) {
					// With no key (a protobuf field, a bare array) only the shape speaks: below a keyed address, and saying so.
					const place = keylessPlace(ctx, node);
					if (place) out.push(finding(node, 'contact.email', value, 'medium', `e-mail address by its shape, ${place}`));
					else out.push(finding(node, 'contact.email', value, 'high', `e-mail address, ${keyLabel(ctx.key)}`));
				}
				return out;
			}
			if (keyHas(ctx.keyWords, k, EMAIL_WORDS)) {
				const hashed = hashShape(value);
				if (hashed && (keyNamesHash(ctx.keyWords) || value.length >= 32)) out.push(finding(node, 'contact.email', value, 'medium', `hashed identifier: ${hashed}, ${keyLabel(ctx.key)} (a hashed e-mail still matches you across services)`));
				return out;
			}
			if (value.includes('@') && value.length <= MAX_SCAN && !node.decoded) {
				const seen = new Set<string>();
				for (const m of value.matchAll(EMAIL_INSIDE)) {
					const email = m[0].replace(/^[.%+-]+/, '');
					if (seen.has(email) || !isRealDomain(email)) continue;
					seen.add(email);
					out.push(finding(node, 'contact.email', email, 'medium', 'e-mail address inside a longer text'));
				}
			}
		}
		if (keyHas(ctx.keyWords, k, PHONE_WORDS) && !keyForbidsIdentifier(ctx.keyWords, k)) {
			const phone = phoneOf(value, true);
			if (phone) out.push(finding(node, 'contact.phone', phone.e164, 'high', `valid ${phone.region} phone number, ${keyLabel(ctx.key)}`));
			else {
				const hashed = hashShape(value);
				if (hashed && keyNamesHash(ctx.keyWords)) out.push(finding(node, 'contact.phone', value, 'medium', `hashed identifier: ${hashed}, ${keyLabel(ctx.key)}`));
			}
		} else if (node.kind === 'text' && /^\+\d[\d\s-]{7,18}$/.test(value) && (ctx.key === null || !keyForbidsIdentifier(ctx.keyWords, k))) {
			const phone = phoneOf(value, false);
			if (phone) out.push(finding(node, 'contact.phone', phone.e164, 'medium', `valid ${phone.region} phone number in international form${ctx.key ? `, ${keyLabel(ctx.key)}` : ''}`));
		}
		return out;
	}
};

function isRealDomain(email: string): boolean {
	const domain = email.slice(email.lastIndexOf('@') + 1);
	const parsed = parseDomain(domain, { allowPrivateDomains: false });
	return parsed.isIcann === true && parsed.domain !== null && !/^(png|jpe?g|gif|svg|webp|js|css|html?)$/i.test(parsed.publicSuffix ?? '');
}

function phoneOf(value: string, named: boolean): { e164: string; region: string } | null {
	const compact = value.replace(/[\s().-]/g, '');
	if (!/^\+?\d{6,16}$/.test(compact)) return null;
	const attempts: Array<[string, CountryCode | undefined]> = [];
	if (compact.startsWith('+')) attempts.push([compact, undefined]);
	else if (named) {
		if (compact.startsWith('00')) attempts.push([`+${compact.slice(2)}`, undefined]);
		for (const region of REGIONS) attempts.push([compact, region]);
		attempts.push([`+${compact}`, undefined]);
	}
	for (const [text, region] of attempts) {
		const parsed = parsePhoneNumberFromString(text, region);
		if (parsed && parsed.isValid()) return { e164: parsed.number, region: parsed.country ?? `+${parsed.countryCallingCode}` };
	}
	return null;
}
