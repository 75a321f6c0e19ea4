import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';
import type { TestSystem } from '../helpers/system';

/**
 * Receiving and putaway in the console, as a clerk with a keyboard-wedge scanner: scan the goods on
 * the receipt to open the inspection form, sign off, then on the putaway screen scan goods and bin —
 * a wrong bin is refused, the suggested one accepted.
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

const signIn = (page: Page, username: string) => signInAs(page, base, username);

/** Type a code into a scan box and press Enter, as a wedge scanner does. */
async function scan(page: Page, testId: string, code: string) {
  const box = page.getByTestId(testId);
  await box.fill(code);
  await box.press('Enter');
}

describe('receiving and putaway console', () => {
  it('inspects by scanning, signs off and puts away by scanning the bin', async () => {
    const admin = await sys.login('admin');
    const home = await sys.login('home');
    const me = (await home.get('/api/auth/me')).body;
    const sh = (await admin.get('/api/inventory/warehouses')).body.items.find((w: any) => w.code === 'WH-SH');
    const sku = (await home.get('/api/catalog/skus?limit=500&active=true')).body.items.find(
      (s: any) => s.storageClass === 'ambient' && !s.lotTracked && s.barcodes.length,
    );
    const clerk = await sys.login('clerk');
    const created = await clerk.post('/api/warehouse/receipts', {
      warehouseId: sh.id,
      merchantId: me.merchant.id,
      arrived: true,
      deliveryNoteNo: 'E2E-SD-1',
      lines: [{ skuId: sku.id, expectedQty: 6 }],
    });
    expect(created.status, created.text).toBe(201);
    await clerk.post(`/api/warehouse/receipts/${created.body.id}/documents`, {
      documents: [],
      complete: true,
    });

    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, 'clerk');
    await page.goto(`${base}/warehouse/receipts`);
    await expect
      .poll(async () => (await page.getByTestId('receipts-table').textContent()) ?? '')
      .toContain(created.body.number);
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-receipts.png'), fullPage: true });

    await page.goto(`${base}/warehouse/receipts/${created.body.id}`);
    await scan(page, 'receipt-scan', sku.barcodes[0]);
    await page.getByTestId('inspection-received').waitFor();
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-inspection.png') });
    await page.getByTestId('inspection-save').click();
    await expect
      .poll(async () => (await page.getByTestId('receipt-status').textContent()) ?? '')
      .toBe('验收中');
    await page.getByTestId('receipt-sign-off').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect
      .poll(async () => (await page.getByTestId('receipt-status').textContent()) ?? '')
      .toBe('待上架');
    await page.getByTestId('task-table').waitFor();
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-receipt.png'), fullPage: true });

    const receipt = (await clerk.get(`/api/warehouse/receipts/${created.body.id}`)).body;
    const [task] = receipt.tasks;
    const bins = (await admin.get(`/api/inventory/bins?warehouseId=${sh.id}&q=${task.suggestedBinCode}`)).body
      .items;
    const binBarcode = bins.find((b: any) => b.id === task.suggestedBinId).barcode;

    await page.goto(`${base}/warehouse/putaway`);
    await expect
      .poll(async () => (await page.getByTestId('task-table').textContent()) ?? '')
      .toContain(created.body.number);
    await scan(page, 'putaway-scan-sku', sku.barcodes[0]);
    await expect
      .poll(async () => (await page.getByTestId('putaway-suggested').textContent()) ?? '')
      .toContain(task.suggestedBinCode);
    await scan(page, 'putaway-scan-bin', 'NOT-A-BIN');
    await page.locator('.ant-notification-notice').first().waitFor();
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-putaway.png'), fullPage: true });
    expect((await clerk.get(`/api/warehouse/scan-errors?taskId=${task.id}`)).body.total).toBe(1);
    await scan(page, 'putaway-scan-bin', binBarcode);
    await expect
      .poll(async () => (await clerk.get(`/api/warehouse/receipts/${created.body.id}`)).body.status)
      .toBe('completed');
    expect(errors).toEqual([]);
  });
});
