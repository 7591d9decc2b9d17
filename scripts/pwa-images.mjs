// The installed app's images, named once for the script that makes them (make-pwa-images.mjs) and the manifest
// (vite.config.ts).

export const ICON_SIZES = [48, 72, 96, 128, 144, 192, 256, 384, 512];
/** Maskable icons are cropped by the platform; the launcher sizes that matter. */
export const MASKABLE_SIZES = [192, 512];

/** Screenshots for the richer install dialog: `src` under static/, made from `from` under docs/screenshots/. */
export const SCREENSHOTS = [
	{
		from: 'overview-1440-light.png',
		src: '/screenshots/overview-wide.webp',
		width: 1280,
		height: 800,
		form_factor: /** @type {const} */ ('wide'),
		label: 'The overview of a capture: who received which personal data'
	},
	{
		from: 'overview-768-light.png',
		src: '/screenshots/overview-narrow.webp',
		width: 768,
		height: 1024,
		form_factor: /** @type {const} */ ('narrow'),
		label: 'The same overview on a narrow screen'
	}
];
