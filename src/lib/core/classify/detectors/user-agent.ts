/**
 * Device model and OS version out of a phone's User-Agent string. Android puts both in the platform
 * token (`Linux; Android 10; Redmi Note 8 Pro Build/QKQ1…`, Dalvik: `Linux; U; Android 10; Redmi Note 8
 * Pro MIUI/V12…`); iOS apps put the hardware model next to the version (`MyApp/3.1 (iPhone14,5; iOS
 * 17.1.2; Scale/3.00)`), Safari only the version (`iPhone; CPU iPhone OS 17_1_2 like Mac OS X`).
 * Desktop browsers are not read: their platform token names an OS family, not a device.
 */
import { boundedMemo } from '../../bounded-memo';

export interface MobileUserAgent {
	os: 'Android' | 'iOS';
	osVersion: string | null;
	/** A specific model (`Redmi Note 8 Pro`, `iPhone14,5`), never a family placeholder (`K`, `iPhone`). */
	model: string | null;
}

const ANDROID = /\bAndroid[ /]?(\d{1,2}(?:\.\d{1,2}){0,2})\b/;
/** Chrome's reduced User-Agent sends `K` for every model; WebViews and tools send generic names. */
const PLACEHOLDER_MODELS = new Set(['k', 'mobile', 'tablet', 'wv', 'u', 'linux', 'android', 'generic', 'unknown', 'sdk', 'phone', 'x11']);
const IOS_VERSION = /\b(?:iPhone OS|CPU OS|iOS|iPadOS)[ /](\d{1,2}(?:[._]\d{1,2}){0,2})\b/;
/** Apple hardware identifiers: iPhone14,5 · iPad13,4 · iPod9,1. */
const APPLE_MODEL = /\b(iPhone|iPad|iPod)(\d{1,2},\d{1,2})\b/;

/** A capture repeats one User-Agent in every request: answers are kept per string. */
const parseAgentOnce = boundedMemo((ua) => parseAgent(ua), 1_000);

export function parseMobileUserAgent(ua: string): MobileUserAgent | null {
	if (ua.length < 8 || ua.length > 1024) return null;
	const parsed = parseAgentOnce(ua);
	return parsed === null ? null : { ...parsed };
}

function parseAgent(ua: string): MobileUserAgent | null {
	const android = ANDROID.exec(ua);
	if (android) return { os: 'Android', osVersion: android[1]!, model: androidModel(ua, android.index) };
	const ios = IOS_VERSION.exec(ua);
	const apple = APPLE_MODEL.exec(ua);
	if (ios && (apple || /\b(?:iPhone|iPad|iPod)\b/.test(ua))) {
		return { os: 'iOS', osVersion: ios[1]!.replace(/_/g, '.'), model: apple ? apple[1]! + apple[2]! : null };
	}
	return null;
}

/** The token after `Android N;` inside the same parenthesis, up to `Build/`, `MIUI/` or `)`. */
function androidModel(ua: string, at: number): string | null {
	const close = ua.indexOf(')', at);
	const inside = ua.slice(at, close < 0 ? undefined : close);
	const tokens = inside.split(';').map((t) => t.trim());
	// tokens[0] is `Android 10`; the model is the first later token that is not a locale or a flag.
	for (const token of tokens.slice(1)) {
		const model = token.replace(/\s+(?:Build|MIUI|HMSCore|EMUI)\/.*$/i, '').replace(/\s+wv$/, '').trim();
		if (model.length < 2 || model.length > 40) continue;
		if (PLACEHOLDER_MODELS.has(model.toLowerCase())) continue;
		if (/^[a-z]{2}(?:[-_][a-z]{2})?$/i.test(model)) continue; // a locale: en-us, zh-CN
		if (!/[A-Za-z]/.test(model) || /^(?:rv:|Build\/)/i.test(model)) continue;
		return model;
	}
	return null;
}
