/**
 * WCAG AA for the app's text colours, in the light and the dark theme: every pair of a text colour and a background
 * it is drawn on, read from src/app.css (each variable is light-dark(light, dark) or one colour for both).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/app.css', import.meta.url), 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));

function colour(name: string, scheme: 0 | 1): string {
	const match = new RegExp(`^\\s*--${name}:\\s*([^;]+);`, 'm').exec(root);
	if (!match) throw new Error(`--${name} is not defined in :root`);
	const value = match[1]!.trim();
	const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value);
	if (pair) return pair[scheme + 1]!;
	if (/^#[0-9a-f]{6}$/i.test(value)) return value;
	throw new Error(`--${name} is ${value}, not a colour this test reads`);
}

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x! + 0.05) / (y! + 0.05);
}

/** [text, backgrounds it appears on]. */
const PAIRS: [string, string[]][] = [
	['ink', ['bg', 'surface', 'surface-2', 'chip', 'input-bg', 'finding-high-bg', 'finding-medium-bg', 'reveal-bg', 'mark-bg']],
	['ink-2', ['bg', 'surface', 'surface-2']],
	['ink-3', ['bg', 'surface', 'surface-2']],
	['accent', ['bg', 'surface']],
	['accent-ink', ['accent']],
	['warn', ['surface', 'bg', 'finding-high-bg']],
	['chip-ink', ['chip', 'surface']],
	['error-ink', ['warn-bg']],
	['header-ink', ['header-bg']],
	['header-ink-2', ['header-bg']],
	['badge-high-ink', ['badge-high-bg']],
	['badge-medium-ink', ['badge-medium-bg']],
	['badge-low-ink', ['badge-low-bg']],
	['code-key', ['surface']],
	['code-string', ['surface']],
	['code-number', ['surface']]
];

describe('text contrast (WCAG AA, 4.5:1)', () => {
	for (const [scheme, name] of [
		[0, 'light'],
		[1, 'dark']
	] as const) {
		for (const [text, backgrounds] of PAIRS) {
			for (const background of backgrounds) {
				it(`${name}: --${text} on --${background}`, () => {
					expect(contrast(colour(text, scheme), colour(background, scheme))).toBeGreaterThanOrEqual(4.5);
				});
			}
		}
	}
	it('measures as WCAG does', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});
});
