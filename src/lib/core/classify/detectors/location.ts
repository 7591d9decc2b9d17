/**
 * Coordinates: a latitude field with a longitude sibling (decimal degrees, or integers scaled by 10^6
 * or 10^7 as Sensors Analytics and others send them), or one "lat,lng" string under a location key.
 * The finding sits on the latitude node; its value is "lat,lng" in decimal degrees.
 */
import type { DecodedNode } from '../../model';
import { finding, scalarText, type Detector } from './detector';
import { keyLabel } from './key-hints';

const LAT_KEYS = new Set(['lat', 'latitude', 'gpslat', 'gpslatitude', 'locationlat', 'geolat', 'userlat', 'la', 'mylat', 'clat']);
const LNG_KEYS = ['lng', 'lon', 'long', 'longitude', 'gpslng', 'gpslon', 'gpslongitude', 'locationlng', 'locationlon', 'geolng', 'geolon', 'userlng', 'lo', 'mylng', 'clng', 'clon'];
const PAIR_KEYS = new Set(['location', 'loc', 'latlng', 'latlon', 'll', 'coordinates', 'coords', 'coord', 'geo', 'gps', 'position', 'geolocation', 'lnglat']);
const PAIR = /^\s*(-?\d{1,3}\.\d+)\s*[,;|\s]\s*(-?\d{1,3}\.\d+)\s*$/;

export const location: Detector = {
	id: 'location',
	label: 'Location',
	gate: { key: (k) => LAT_KEYS.has(k) || PAIR_KEYS.has(k) },
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null) return [];
		const k = ctx.normKey;
		if (LAT_KEYS.has(k) && ctx.siblings) {
			// `la`/`lo` are too short to trust unless they come as a pair.
			let lngNode: DecodedNode | undefined;
			let lngKey = '';
			for (const name of LNG_KEYS) {
				lngNode = ctx.siblings.get(name) ?? ctx.siblings.get(k.replace(/lat(itude)?$/, name));
				if (lngNode) {
					lngKey = name;
					break;
				}
			}
			const lngRaw = lngNode ? scalarText(lngNode) : null;
			if (lngRaw === null) return [];
			const pair = readPair(raw.trim(), lngRaw.trim());
			if (!pair) return [];
			return [finding(node, 'location.coordinates', `${pair.lat},${pair.lng}`, pair.confidence, `latitude/longitude pair${pair.scale}, ${keyLabel(ctx.key)} with ${lngKey}`)];
		}
		if (PAIR_KEYS.has(k) && node.kind === 'text') {
			const m = PAIR.exec(raw);
			if (!m) return [];
			let lat = Number(m[1]);
			let lng = Number(m[2]);
			// "lng,lat" order (GeoJSON, many Chinese map SDKs) when the first number cannot be a latitude.
			let order = 'lat,lng';
			if (Math.abs(lat) > 90 && Math.abs(lng) <= 90) {
				[lat, lng] = [lng, lat];
				order = 'lng,lat';
			}
			if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return [];
			if (decimals(m[1]!) < 2 || decimals(m[2]!) < 2) return [];
			return [finding(node, 'location.coordinates', `${lat},${lng}`, 'high', `"${order}" decimal degrees, ${keyLabel(ctx.key)}`)];
		}
		return [];
	}
};

interface Pair {
	lat: number;
	lng: number;
	scale: string;
	confidence: 'high' | 'medium';
}

function readPair(latText: string, lngText: string): Pair | null {
	if (!/^-?\d+(\.\d+)?$/.test(latText) || !/^-?\d+(\.\d+)?$/.test(lngText)) return null;
	let lat = Number(latText);
	let lng = Number(lngText);
	if (lat === 0 && lng === 0) return null;
	const integers = Number.isInteger(lat) && Number.isInteger(lng);
	if (integers) {
		for (const power of [6, 7]) {
			const f = 10 ** power;
			const sLat = lat / f;
			const sLng = lng / f;
			if (Math.abs(sLat) <= 90 && Math.abs(sLng) <= 180 && (Math.abs(lat) >= f || Math.abs(lng) >= f)) {
				return { lat: round(sLat, power), lng: round(sLng, power), scale: ` (integers: degrees × 10^${power})`, confidence: 'high' };
			}
		}
		return null;
	}
	if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
	const precise = decimals(latText) >= 2 && decimals(lngText) >= 2;
	return { lat, lng, scale: '', confidence: precise ? 'high' : 'medium' };
}

function decimals(s: string): number {
	const dot = s.indexOf('.');
	return dot < 0 ? 0 : s.length - dot - 1;
}

function round(n: number, digits: number): number {
	return Number(n.toFixed(digits));
}
