/**
 * The flows that keep data in this browser (IndexedDB) at the user's request: their own identifiers, an imported
 * tracker list, and captures kept for later. Each must survive a reload and be removable.
 */
import { describe, expect, test } from 'vitest';
import { useAppPage } from './support/lifecycle';
import { byTestId, openApp, openFiles, waitForReport } from './support/app';

const app = useAppPage();

/** The IMEI in the bundled sample (the GSMA's documented example number). */
const SAMPLE_IMEI = '490154203237518';

/** One request to a host no bundled list knows, so only an imported list can name its owner. */
function harTo(host: string): string {
	return JSON.stringify({
		log: {
			version: '1.2',
			creator: { name: 'e2e', version: '1' },
			entries: [
				{
					startedDateTime: '2024-05-01T10:00:00.000Z',
					request: { method: 'GET', url: `https://${host}/collect?event=open`, headers: [], cookies: [], queryString: [] },
					response: { status: 204, headers: [], content: { size: 0, mimeType: 'text/plain' } },
					timings: {}
				}
			]
		}
	});
}


async function openSettings(): Promise<void> {
	const panel = byTestId(app.page, 'settings-panel');
	if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

describe('data kept in this browser, at the user\'s request', () => {
	test('a known identifier is found in the capture, says so, and is remembered after a reload', async () => {
		await openSettings();
		await byTestId(app.page, 'known-type').selectOption('device.imei');
		await byTestId(app.page, 'known-value').fill(SAMPLE_IMEI);
		await byTestId(app.page, 'known-add').click();
		await expect.poll(() => byTestId(app.page, 'settings-panel').innerText()).toContain(SAMPLE_IMEI);

		await app.page.reload();
		await openApp(app.page, app.server.origin);
		await openSettings();
		await expect.poll(() => byTestId(app.page, 'settings-panel').innerText(), { timeout: 10_000 }).toContain(SAMPLE_IMEI);

		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		await byTestId(app.page, 'exchange-row').filter({ hasText: 'sa.api.intl.miui.com' }).first().click();
		const imei = byTestId(app.page, 'finding').filter({ hasText: SAMPLE_IMEI }).first();
		await imei.waitFor({ state: 'visible', timeout: 30_000 });
		expect(await byTestId(app.page, 'findings').innerText()).toMatch(/matches your known/i);
	});

	test('an imported tracker list names a host no bundled list knows; a broken list gets a located error', async () => {
		const host = 'beacon.acme-metrics.test';
		await openFiles(app.page, [{ name: 'capture.har', content: harTo(host), type: 'application/json' }]);
		await waitForReport(app.page);
		expect(await byTestId(app.page, 'report').innerText()).not.toContain('Acme Metrics');

		await openSettings();
		await byTestId(app.page, 'list-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('domain,company,category\n"unterminated,Acme\n') });
		await expect.poll(() => byTestId(app.page, 'settings-panel').innerText(), { timeout: 10_000 }).toMatch(/broken\.csv: .*line \d+/i);

		await byTestId(app.page, 'list-input').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('domain,company,category\nacme-metrics.test,Acme Metrics,analytics\n') });
		await expect.poll(() => byTestId(app.page, 'settings-panel').innerText(), { timeout: 10_000 }).toContain('mine.csv');

		await openFiles(app.page, [{ name: 'capture-again.har', content: harTo(host), type: 'application/json' }]);
		await expect.poll(() => byTestId(app.page, 'report').innerText(), { timeout: 30_000 }).toContain('Acme Metrics');
	});

	test('a kept capture survives a reload, opens again, and can be deleted', async () => {
		await byTestId(app.page, 'try-sample').click();
		await waitForReport(app.page);
		await byTestId(app.page, 'keep-capture').click();
		// The write to IndexedDB is done when the button says so.
		await expect.poll(() => byTestId(app.page, 'keep-capture').innerText(), { timeout: 10_000 }).toContain('Kept in this browser');

		await app.page.reload();
		await openApp(app.page, app.server.origin);
		const kept = byTestId(app.page, 'kept-captures');
		await kept.waitFor({ state: 'visible', timeout: 10_000 });
		expect(await kept.innerText()).toContain('xiaomi-browser-sample.har');

		await kept.getByRole('button', { name: /^xiaomi-browser-sample\.har/ }).click();
		await waitForReport(app.page);
		expect(await byTestId(app.page, 'exchange-row').count()).toBe(3);

		await app.page.reload();
		await openApp(app.page, app.server.origin);
		// Deleting everything goes through the library and asks first (tests/e2e/library.e2e.ts covers the rest).
		await byTestId(app.page, 'show-library').click();
		await byTestId(app.page, 'delete-everything').click();
		await byTestId(app.page, 'delete-everything-confirm-button').click();
		await app.page.keyboard.press('Escape');
		await byTestId(app.page, 'kept-captures').waitFor({ state: 'detached', timeout: 10_000 });
		await app.page.reload();
		await openApp(app.page, app.server.origin);
		expect(await byTestId(app.page, 'kept-captures').count()).toBe(0);
	});
});
