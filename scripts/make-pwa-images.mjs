#!/usr/bin/env node
// Makes the installed app's images from their sources, with Debian's Chromium (no image library, no browser download):
//   static/icons/icon-<size>.png            static/icon.svg at every size the manifest lists (purpose "any")
//   static/icons/icon-maskable-<size>.png   static/icon-maskable.svg (full-bleed background, glyph inside the safe zone)
//   static/screenshots/*.webp               two of docs/screenshots, wide and narrow, smaller than the PNGs
// Run it after changing an icon or a screenshot: `node scripts/make-pwa-images.mjs`. The manifest in vite.config.ts names
// the same files and sizes (both read scripts/pwa-images.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ICON_SIZES, MASKABLE_SIZES, SCREENSHOTS } from './pwa-images.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(repoRoot, 'static');

/** A page that draws an SVG at `size` px with a transparent background, for Chromium to capture. */
function svgPage(svg, size) {
	const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	return `<!doctype html><html><body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}" style="display:block"></body></html>`;
}

async function renderIcons(page, svgFile, prefix, sizes) {
	const svg = readFileSync(join(staticDir, svgFile), 'utf8');
	for (const size of sizes) {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(svgPage(svg, size));
		await page.waitForFunction(() => document.images[0]?.complete);
		const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
		writeFileSync(join(staticDir, 'icons', `${prefix}-${size}.png`), png);
	}
}

/** Scales a PNG to the screenshot's size and encodes it as WebP in the page (canvas), which Chromium can do unaided. */
async function renderScreenshot(page, shot) {
	const png = readFileSync(join(repoRoot, 'docs', 'screenshots', shot.from));
	const base64 = await page.evaluate(
		async ({ source, width, height }) => {
			const bytes = Uint8Array.from(atob(source), (char) => char.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(width, height);
			const context = canvas.getContext('2d');
			context.imageSmoothingQuality = 'high';
			context.drawImage(bitmap, 0, 0, width, height);
			const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
			const out = new Uint8Array(await blob.arrayBuffer());
			let binary = '';
			for (let i = 0; i < out.length; i += 0x8000) binary += String.fromCharCode(...out.subarray(i, i + 0x8000));
			return btoa(binary);
		},
		{ source: png.toString('base64'), width: shot.width, height: shot.height }
	);
	writeFileSync(join(staticDir, shot.src), Buffer.from(base64, 'base64'));
}

async function main() {
	const { chromium } = await import('playwright-core');
	const { CHROMIUM_PATH } = await import('./ensure-chromium.mjs');
	mkdirSync(join(staticDir, 'icons'), { recursive: true });
	mkdirSync(join(staticDir, 'screenshots'), { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage({ deviceScaleFactor: 1 });
		await renderIcons(page, 'icon.svg', 'icon', ICON_SIZES);
		await renderIcons(page, 'icon-maskable.svg', 'icon-maskable', MASKABLE_SIZES);
		await page.setContent('<!doctype html><title>screenshots</title>');
		for (const shot of SCREENSHOTS) await renderScreenshot(page, shot);
	} finally {
		await browser.close();
	}
	console.log(`Wrote ${ICON_SIZES.length + MASKABLE_SIZES.length} icons and ${SCREENSHOTS.length} screenshots under static/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
