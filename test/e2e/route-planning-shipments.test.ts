import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';
import { type ShipmentsWorld, shipmentsWorld } from '../integration/route-plans-shipments.support';

/**
 * The dispatcher plans the day's shipments of the Shanghai DC in Chromium: picks the warehouse,
 * sees the stops the packed and released documents make (cold chain, approximate locations), runs,
 * and reads the routes by order number.
 */
let browser: Browser;
let base: string;
let s: ShipmentsWorld;
let harness: ConsoleHarness | undefined;

beforeAll(async () => {
  harness = await openConsole();
  ({ browser, base } = harness);
  s = await shipmentsWorld(harness.sys);
});
afterAll(async () => {
  await s?.dispatcher.stop();
  await closeConsole(harness);
});

describe('route planning from warehouse shipments', () => {
  it('previews the warehouse’s shipments of the day, plans them and shows the routes by order', async () => {
    const api = await harness!.sys.login('dispatcher');
    const expected = (await api.get(`/api/route-plans/shipments?warehouse=WH-SH&day=${s.day}`)).body;
    expect(expected.summary.stops).toBeGreaterThanOrEqual(5);

    const page = await browser.newPage({ locale: 'en', viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAs(page, base, 'dispatcher');
    await page.goto(`${base}/transport/route-plans`);
    await page.getByTestId('plan-new-shipments').click();
    await page.waitForURL((url) => url.pathname === '/transport/route-plans/new');

    // Choose the warehouse: the day defaults to today, the preview follows.
    await page.getByTestId('shipments-warehouse').click();
    await page.locator('.ant-select-item-option', { hasText: 'WH-SH' }).click();
    const text = async (id: string) => ((await page.getByTestId(id).textContent()) ?? '').trim();
    await expect.poll(() => text('shipments-stops')).toBe(String(expected.summary.stops));
    expect(await text('shipments-cold')).toBe(String(expected.summary.coldChain));
    expect(await text('shipments-approximate')).toBe(String(expected.summary.approximate));
    expect(Number(await text('shipments-cold'))).toBeGreaterThanOrEqual(1);
    expect(Number(await text('shipments-approximate'))).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('shipments-day').inputValue()).toBe(s.day);
    const table = (await page.getByTestId('shipments-table').textContent()) ?? '';
    expect(table).toContain(s.orders.xuhui.number);
    expect(table).toContain('周晓梅');
    expect(table).not.toContain(s.orders.unpacked.number);
    expect(table).not.toContain(s.orders.beijing.number);
    expect(await page.getByTestId('precision-city').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({
      path: path.join(os.tmpdir(), 'wayline-e2e-shipments-preview.png'),
      fullPage: true,
    });

    // The warehouse's default fleet is loaded; a 3-second budget, then run.
    await page.locator('.ant-slider-handle').first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text('plan-run')).toMatch(/[(（]3\s*(s|秒)[)）]/);
    await page.getByTestId('plan-run').click();
    await page.waitForURL((url) => /\/transport\/route-plans\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = page.url().split('/').pop()!;

    await page.getByTestId('route-plot').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('plan-approximate').waitFor();
    const detail = (await api.get(`/api/route-plans/${id}`)).body;
    expect(detail).toMatchObject({ status: 'succeeded', source: 'shipments', deliveryDate: s.day });
    expect(detail.plan.stops).toHaveLength(expected.summary.stops);
    // Routes list their stops by order number; approximate points are flagged.
    for (const icon of await page.getByTestId('route-table').locator('.ant-table-row-expand-icon').all())
      await icon.click();
    const routes = (await page.getByTestId('route-table').textContent()) ?? '';
    const served = detail.result.routes.flatMap((r: any) => r.stops.map((x: any) => x.orderNumber));
    expect(served.length).toBeGreaterThan(0);
    for (const number of served) expect(routes).toContain(number);
    await page.screenshot({
      path: path.join(os.tmpdir(), 'wayline-e2e-route-plan-shipments.png'),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  });
});
