import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';

/** The planner's day in Debian's Chromium: forecast a series, see the chart, accept and export, acknowledge. */
let browser: Browser;
let base: string;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ browser, base } = harness);
});
afterAll(() => closeConsole(harness));

describe('demand planning console', () => {
  it('forecasts a series, charts it, accepts and exports its suggestion, acknowledges its alert', async () => {
    const page = await browser.newPage({
      locale: 'en',
      acceptDownloads: true,
      viewport: { width: 1440, height: 1000 },
    });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAs(page, base, 'logistics');

    // A demo SKU in a warehouse that holds none of it, with 8 weeks of sales: it must be ordered.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'wayline_csrf')?.value ?? '';
    const api = (url: string) => page.request.get(`${base}${url}`).then((r) => r.json());
    const warehouses = (await api('/api/inventory/warehouses')).items as { id: string; code: string }[];
    const series = (await api('/api/planning/series?limit=500')).items as {
      skuId: string;
      skuCode: string;
      warehouseId: string;
    }[];
    const stocked = new Set(series.map((s) => `${s.skuId}|${s.warehouseId}`));
    const target = series
      .flatMap((s) => warehouses.map((w) => ({ ...s, warehouseId: w.id })))
      .find((s) => !stocked.has(`${s.skuId}|${s.warehouseId}`))!;
    const todayInShanghai = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const yesterday = Date.parse(`${todayInShanghai}T00:00:00Z`) - 86_400_000;
    const rows = Array.from({ length: 56 }, (_, k) => ({
      skuId: target.skuId,
      warehouseId: target.warehouseId,
      day: new Date(yesterday - k * 86_400_000).toISOString().slice(0, 10),
      qty: 20 + (k % 7 === 0 ? 10 : 0),
    }));
    const posted = await page.request.post(`${base}/api/planning/demand`, {
      data: { mode: 'replace', rows },
      headers: { 'x-csrf-token': csrf },
    });
    expect(posted.status()).toBe(200);

    await page.getByTestId('main-menu').locator('a[href="/planning/forecasts"]').click();
    await page.waitForURL((url) => url.pathname === '/planning/forecasts');
    await page.goto(`${base}/planning/forecasts/${target.skuId}/${target.warehouseId}`);
    await page.getByTestId('run-series-forecast').click();
    await expect
      .poll(async () => (await page.getByTestId('stock-card').textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/(Order [\d,]+ units by|建议订货 [\d,]+ 件，最迟) \d{4}-\d{2}-\d{2}/);
    await page.getByTestId('forecast-chart').locator('canvas').first().waitFor();

    await page.getByTestId('main-menu').locator('a[href="/planning/suggestions"]').click();
    const row = page.getByTestId('suggestion-table').locator('tr', { hasText: target.skuCode });
    await row.first().waitFor();
    await row.first().getByTestId('suggestion-accept').click();
    await expect.poll(async () => row.count()).toBe(0);

    await page.getByTestId('suggestion-status').click();
    await page.locator('.ant-select-item-option', { hasText: /^(Accepted|已接受)/ }).click();
    await page.getByTestId('suggestion-table').locator('tr', { hasText: target.skuCode }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export requisition|导出采购申请/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^PRQ\d{14}\.xlsx$/);

    // The planner is told in the bell (inbox), and its notice opens the alert list narrowed to it.
    await expect
      .poll(
        async () =>
          ((await api('/api/me/inbox?limit=500')).items as { title: string }[]).some((n) =>
            n.title.includes(target.skuCode),
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    await page.reload();
    await page.getByTestId('inbox-bell').click();
    await page.getByTestId('inbox-item').filter({ hasText: target.skuCode }).first().click();
    await page.waitForURL(
      (url) => url.pathname === '/planning/alerts' && url.searchParams.get('skuId') === target.skuId,
    );
    await page.getByTestId('alert-sku-filter').waitFor();
    const alert = page.getByTestId('alert-table').locator('tr', { hasText: target.skuCode });
    await alert.first().waitFor();
    await alert.first().getByTestId('alert-ack').click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await expect.poll(async () => (await alert.first().textContent()) ?? '').toMatch(/Acknowledged|已确认/);
    expect(errors).toEqual([]);
  }, 240_000);
});
