import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signedInPage } from '../helpers/browser';

/** The order desk in Debian's Chromium: the exception queue, an address fix, an order import. */
let base: string;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ base } = harness);
});
afterAll(() => closeConsole(harness));

const signIn = (username: string, locale?: string) => signedInPage(harness!, username, locale);

describe('order desk console', () => {
  it('works the exception queue: filter by reason, open an order, accept the proposed address', async () => {
    const page = await signIn('agent');
    await page.goto(`${base}/orders/exceptions?reason=address_mismatch`);
    const table = page.getByTestId('exception-table');
    await expect
      .poll(async () => (await table.textContent()) ?? '', { timeout: 20_000 })
      .toContain('省市区不一致');
    await page.screenshot({
      path: path.join(os.tmpdir(), 'wayline-e2e-order-exceptions.png'),
      fullPage: true,
    });
    await table.getByTestId('order-link').first().click();
    await expect
      .poll(async () => (await page.getByTestId('order-issues').textContent()) ?? '')
      .toContain('属于');
    await page.getByTestId('use-suggestion-0').click();
    await expect
      .poll(async () => (await page.getByTestId('order-timeline').textContent()) ?? '', { timeout: 20_000 })
      .toContain('修改地址');
    await expect.poll(async () => page.locator('[data-status="allocated"]').count()).toBeGreaterThan(0);
    await expect
      .poll(async () => (await page.getByTestId('order-decisions').textContent()) ?? '')
      .toContain('WH-');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-order-detail.png'), fullPage: true });
  });

  it('lists orders in English with filters in the URL', async () => {
    const page = await signIn('logistics', 'en-US');
    await page.goto(`${base}/orders?status=delivered`);
    const table = page.getByTestId('order-table');
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('Delivered');
    expect(
      await table
        .locator('[data-status]')
        .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-status'))),
    ).not.toContain('exception');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-order-list.png'), fullPage: true });

    // Save the filters as a view, clear them, and get them back from the saved view.
    await page.getByTestId('save-view').click();
    await page.getByTestId('view-name').fill('Delivered orders');
    await page.locator('.ant-modal').getByRole('button', { name: 'OK' }).click();
    await expect
      .poll(async () => (await page.getByTestId('saved-views').textContent()) ?? '')
      .toContain('Delivered orders');
    await page.getByRole('button', { name: /Clear filters/ }).click();
    await page.waitForURL((url) => !url.searchParams.get('status'));
    await page.getByTestId('saved-views').click();
    await page.locator('.ant-select-item-option', { hasText: 'Delivered orders' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'delivered');
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('Delivered');
  });

  it('imports an order file with progress and a per-order report', async () => {
    const page = await signIn('logistics');
    const file = path.join(os.tmpdir(), `wayline-e2e-orders-${process.pid}.csv`);
    fs.writeFileSync(
      file,
      '商家编码,渠道,平台订单号,收货人,联系电话,收货地址,商品编码,数量,单价（元）\n' +
        'HOME,web,E2E-ORD-1,韩梅梅,13812345678,上海市徐汇区漕溪北路88号,CER-MUG-WH,1,39.00\n' +
        'HOME,web,E2E-ORD-2,李雷,13912345678,朝阳区建国路88号,CER-MUG-GY,1,39.00\n',
    );
    await page.goto(`${base}/orders/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('order-import-validate').click();
    await expect
      .poll(async () => page.getByTestId('order-import-commit').isEnabled(), { timeout: 30_000 })
      .toBe(true);
    await page.getByTestId('order-import-commit').click();
    await expect
      .poll(async () => (await page.getByTestId('order-import-result').textContent()) ?? '', {
        timeout: 30_000,
      })
      .toContain('E2E-ORD-2');
    expect(await page.getByTestId('order-import-result').textContent()).toContain('地名有歧义');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-order-import.png'), fullPage: true });
  });
});
