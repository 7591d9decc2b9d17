/** Capture timestamps as tools write them, normalised to ISO 8601 in UTC. */

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export interface ParsedTime {
	iso: string;
	/** True when the stamp had no time zone and was read as UTC. */
	assumedUtc: boolean;
}

/**
 * Accepts 7-digit fractions (Fiddler, .NET), a space for `T`, `+0100` and `+01`; a stamp without a zone is read as UTC.
 * Returns null for anything that is not a date.
 */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseCaptureTime(value: string): ParsedTime | null {
	if (CANONICAL.test(value) && !Number.isNaN(Date.parse(value))) return { iso: value, assumedUtc: false };
	const m = STAMP.exec(value.trim());
	if (!m) return null;
	const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = m;
	const millis = (fraction + '000').slice(0, 3);
	let offset = 'Z';
	if (zone && zone !== 'Z' && zone !== 'z') {
		const digits = zone.slice(1).replace(':', '');
		offset = `${zone[0]}${digits.slice(0, 2)}:${(digits.slice(2) + '00').slice(0, 2)}`;
	}
	const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}${offset}`);
	if (Number.isNaN(time)) return null;
	return { iso: new Date(time).toISOString(), assumedUtc: zone === undefined };
}
