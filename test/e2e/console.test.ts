import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';
import type { TestSystem } from '../helpers/system';

/** The console in Debian's Chromium: sign in, import a catalog file, find the imported SKU. */
let sys: TestSystem;
let browser: Browser;
let base: string;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ sys, browser, base } = harness);
});
afterAll(() => closeConsole(harness));

describe('console', () => {
  it('signs in, imports a catalog CSV with progress, and finds the new SKU', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    await signInAs(page, base, 'admin');

    const csv = [
      'code,merchant_code,name_zh,name_en,barcodes,unit,weight_g,length_mm,width_mm,height_mm,storage_class,shelf_life_days,min_remaining_shelf_life_days,lot_tracked,hazard_class,active',
      'E2E-MANGO-01,FRESH,海南贵妃芒 2.5kg,Hainan mango 2.5 kg,6901234567892,box,2600,300,200,120,chilled,14,5,true,,true',
    ].join('\n');
    const file = path.join(os.tmpdir(), `wayline-e2e-${process.pid}.csv`);
    fs.writeFileSync(file, csv);

    await page.goto(`${base}/catalog/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-validate').click();
    await expect
      .poll(async () => page.getByTestId('import-result').isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.getByTestId('import-commit').click();
    await expect
      .poll(async () => (await page.getByTestId('import-result').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/1/);

    await page.goto(`${base}/catalog/skus`);
    await page.getByTestId('sku-search').fill('E2E-MANGO');
    await page.getByTestId('sku-search').press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('sku-table').textContent()) ?? '', { timeout: 20_000 })
      .toContain('海南贵妃芒');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-skus.png') });
  });

  it('sends a user whose password IT reset to the change-password page until it is changed', async () => {
    const admin = await sys.login('admin');
    const users = await admin.get('/api/org/users?q=clerk.bj');
    const clerk = users.body.items.find((u: { username: string }) => u.username === 'clerk.bj');
    expect(
      (await admin.post(`/api/org/users/${clerk.id}/reset-password`, { newPassword: 'Reset2026pw' })).status,
    ).toBe(200);

    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('clerk.bj');
    await page.getByTestId('login-password').fill('Reset2026pw');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/account/password');
    await page.goto(`${base}/catalog/skus`);
    await page.waitForURL((url) => url.pathname === '/account/password');
    await page.getByTestId('password-current').fill('Reset2026pw');
    await page.getByTestId('password-new').fill('Mine2026pass');
    await page.getByTestId('password-confirm').fill('Mine2026pass');
    await page.getByTestId('password-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${base}/catalog/skus`);
    await page.getByTestId('sku-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/catalog/skus');
    // The new password is the one that works now.
    expect(
      (await sys.anonymous().post('/api/auth/login', { username: 'clerk.bj', password: 'Mine2026pass' }))
        .status,
    ).toBe(200);
  });

  it('shows a warehouse manager the stock of their own warehouse only', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    await signInAs(page, base, 'whmanager');
    await page.goto(`${base}/inventory/stock`);
    const table = page.getByTestId('stock-table');
    await expect.poll(async () => table.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const text = (await table.textContent()) ?? '';
    // Demo stock of the Shanghai warehouse only: the manager is scoped to WH-SH.
    expect(text).toContain('WH-SH');
    expect(text).not.toContain('WH-BJ');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-stock.png') });
  });
});
