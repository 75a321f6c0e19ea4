import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';

/** The dispatcher's route planning in Debian's Chromium: demo day → run → routes → route sheets. */
let browser: Browser;
let base: string;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ browser, base } = harness);
});
afterAll(() => closeConsole(harness));

describe('route planning console', () => {
  it('loads the demo day, runs with a short budget, shows the routes and offers the route sheets', async () => {
    const page = await browser.newPage({
      locale: 'en',
      acceptDownloads: true,
      viewport: { width: 1440, height: 1000 },
    });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAs(page, base, 'dispatcher');

    // Transport → Route planning in the menu (labels follow the user's language).
    await page.getByTestId('main-menu').locator('a[href="/transport/route-plans"]').click();
    await page.waitForURL((url) => url.pathname === '/transport/route-plans');
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-load-demo').click();
    await expect.poll(async () => (await page.getByTestId('plan-demand').textContent()) ?? '').toMatch(/61/);

    // A 3-second budget: Home puts the slider at 1 s, two steps right make it 3.
    await page.locator('.ant-slider-handle').first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await page.getByTestId('plan-run').textContent()) ?? '')
      .toMatch(/[(（]3\s*(s|秒)[)）]/);
    await page.getByTestId('plan-run').click();
    await page.waitForURL((url) => /\/transport\/route-plans\/[0-9a-f-]{36}$/.test(url.pathname));

    const plot = page.getByTestId('route-plot');
    await plot.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByTestId('route-path').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('route-unassigned').count()).toBe(1);
    await page.getByTestId('plan-progress-chart').waitFor();
    await page.getByTestId('load-bars').waitFor();
    await page.getByTestId('route-timeline').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('plan-unassigned').textContent()) ?? '')
      .toContain('SH-061');
    await page.getByTestId('sheet-xlsx').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sheet-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^RP\d{14}\.pdf$/);
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-route-plan.png'), fullPage: true });

    // The plan is listed for reopening.
    await page.goto(`${base}/transport/route-plans`);
    await expect
      .poll(async () => (await page.getByTestId('plan-table').textContent()) ?? '')
      .toMatch(/RP\d{14}/);
    expect(errors).toEqual([]);
  });
});
