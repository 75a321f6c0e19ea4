import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';
import type { TestSystem } from '../helpers/system';

/**
 * Counting in the console: a clerk counts a bin blind with a keyboard-wedge scanner (bin, then each
 * unit), a manager approves and posts the variance; the slotting, bin-map, accuracy and kitting
 * pages open without errors.
 */
let sys: TestSystem;
let browser: Browser;
let base: string;
let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ sys, browser, base } = harness);
});
afterAll(() => closeConsole(harness));

async function scan(page: Page, testId: string, code: string) {
  const box = page.getByTestId(testId);
  await box.fill(code);
  await box.press('Enter');
}

describe('counts console', () => {
  it('counts a bin blind by scanning, then a manager approves and posts the variance', async () => {
    const admin = await sys.login('admin');
    const manager = await sys.login('whmanager');
    const home = await sys.login('home');
    const merchantId = (await home.get('/api/auth/me')).body.merchant.id;
    const sh = (await admin.get('/api/inventory/warehouses')).body.items.find((w: any) => w.code === 'WH-SH');
    const zone = sh.zones.find((z: any) => z.storageClass === 'ambient').id;
    const sku = (
      await admin.post('/api/catalog/skus', {
        merchantId,
        code: 'E2E-CNT-1',
        nameZh: '盘点演示商品',
        barcodes: [],
        unit: 'each',
        weightG: 300,
        lengthMm: 100,
        widthMm: 100,
        heightMm: 100,
        storageClass: 'ambient',
      })
    ).body;
    const [bin] = (
      await admin.post('/api/inventory/bins/bulk', {
        warehouseId: sh.id,
        zoneId: zone,
        aisles: ['Q'],
        bays: 1,
        levels: 1,
        positions: 1,
        pickFaceLevels: 1,
        originXMm: 160_000,
        originYMm: 3000,
      })
    ).body.items;
    await admin.post('/api/inventory/receipts', { skuId: sku.id, binId: bin.id, qty: 7 });
    const count = await manager.post('/api/warehouse/counts', {
      warehouseId: sh.id,
      kind: 'ad_hoc',
      binIds: [bin.id],
      maxRecounts: 0,
      approvalPct: 5,
    });
    expect(count.status, count.text).toBe(201);

    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signInAs(page, base, 'clerk');
    await page.goto(`${base}/warehouse/count-tasks`);
    await scan(page, 'count-scan-bin', bin.barcode);
    await expect
      .poll(async () => (await page.getByTestId('count-bin').textContent()) ?? '')
      .toContain(bin.code);
    for (let i = 0; i < 5; i++) await scan(page, 'count-scan-sku', sku.code);
    await expect
      .poll(async () =>
        page.locator('input[data-testid="count-qty"], [data-testid="count-qty"] input').first().inputValue(),
      )
      .toBe('5');
    // Blind: the book quantity (7) is nowhere on the page.
    expect(await page.locator('main, body').first().innerText()).not.toMatch(/\b7\b/);
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-count-blind.png'), fullPage: true });
    await page.getByTestId('count-submit').click();
    await expect
      .poll(async () => (await manager.get(`/api/warehouse/counts/${count.body.id}`)).body.status)
      .toBe('submitted');

    await signInAs(page, base, 'whmanager');
    await page.goto(`${base}/warehouse/counts/${count.body.id}`);
    await expect
      .poll(async () => (await page.getByTestId('count-status').textContent()) ?? '')
      .toBe('待审批');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-count-review.png'), fullPage: true });
    await page.getByTestId('count-approve-post').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(async () => (await page.getByTestId('count-status').textContent()) ?? '')
      .toBe('已过账');
    const stock = await admin.get(`/api/inventory/stock?skuId=${sku.id}&binId=${bin.id}`);
    expect(stock.body.items[0].onHand).toBe(5);

    for (const [route, shot] of [
      ['/warehouse/bin-map', 'bin-map'],
      ['/warehouse/slotting', 'slotting'],
      ['/warehouse/count-accuracy', 'count-accuracy'],
      ['/warehouse/count-plans', 'count-plans'],
      ['/warehouse/kit-orders', 'kit-orders'],
      ['/warehouse/kits', 'kits'],
      ['/warehouse/moves', 'moves'],
    ]) {
      await page.goto(`${base}${route}`);
      await page.locator('.page-header').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(os.tmpdir(), `wayline-e2e-${shot}.png`), fullPage: true });
    }
    await page.goto(`${base}/warehouse/bin-map`);
    await page.getByTestId('bin-map').waitFor();
    expect(await page.getByTestId('bin-map').locator('rect').count()).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });
});
