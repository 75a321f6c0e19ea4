import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signedInPage } from '../helpers/browser';

/** The consignee's e-mail on the order detail page: shown to staff, set from the address fix. */
let base: string;
let harness: ConsoleHarness | undefined;

beforeAll(async () => {
  harness = await openConsole();
  ({ base } = harness);
});
afterAll(() => closeConsole(harness));

const signIn = (username: string): Promise<Page> => signedInPage(harness!, username);

/** An order held as an exception (its SKU is unknown), taken in through the API. */
async function exceptionOrder(): Promise<string> {
  const admin = await harness!.sys.login('admin');
  const merchants = (await admin.get('/api/org/merchants')).body.items as Array<{ code: string; id: string }>;
  const res = await admin.post('/api/orders', {
    merchantId: merchants.find((m) => m.code === 'HOME')!.id,
    channel: 'web',
    externalNo: `E2E-MAIL-${process.pid}`,
    consignee: { name: '韩梅梅', phone: '13812345678', address: '上海市徐汇区漕溪北路88号' },
    lines: [{ skuCode: 'NO-SUCH-SKU', qty: 1, unitPriceFen: 3900 }],
    payment: { status: 'paid' },
  });
  expect(res.status, res.text).toBe(201);
  expect(res.body.status).toBe('exception');
  return res.body.id;
}

describe('consignee e-mail in the console', () => {
  it('shows none, refuses a bad address on the field, then saves and shows the new one', async () => {
    const id = await exceptionOrder();
    const page = await signIn('agent');
    await page.goto(`${base}/orders/${id}`);
    const shown = page.getByTestId('order-consignee-email');
    await expect.poll(async () => (await shown.textContent()) ?? '').toBe('未提供');

    await page.getByTestId('order-fix-address').click();
    const input = page.getByTestId('fix-consignee-email');
    await input.fill('han@@example');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect
      .poll(async () => (await page.locator('.ant-modal .ant-form-item-explain-error').textContent()) ?? '')
      .toContain('邮箱地址格式不正确');

    await input.fill('Han.MeiMei@Example.com');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect
      .poll(async () => (await shown.textContent()) ?? '', { timeout: 20_000 })
      .toBe('han.meimei@example.com');
    await page.screenshot({
      path: path.join(os.tmpdir(), 'wayline-e2e-order-consignee-email.png'),
      fullPage: true,
    });
  });
});
