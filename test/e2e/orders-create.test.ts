import os from 'node:os';
import path from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signedInPage } from '../helpers/browser';

/** An order entered by hand in the console (/orders/new), in Debian's Chromium. */
let base: string;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ base } = harness);
});
afterAll(() => closeConsole(harness));

const signIn = (username: string, locale?: string) => signedInPage(harness!, username, locale);

/** Every POST /api/orders the page sends (the order intake itself, not its sub-resources). */
function intakeRequests(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/orders') sent.push(r);
  });
  return sent;
}

/** Orders of the demo HOME merchant with this channel order number, as the API lists them. */
async function ordersNumbered(externalNo: string): Promise<Array<{ externalNo: string }>> {
  const admin = await harness!.sys.login('admin');
  const res = await admin.get(`/api/orders?q=${encodeURIComponent(externalNo)}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

/** The validation message shown under the form item that holds `field`. */
const errorOf = (page: Page, field: Locator) =>
  page.locator('.ant-form-item', { has: field }).locator('.ant-form-item-explain-error');

/** Open the new-order page from the order list and fill in the order part and the consignee. */
async function startOrder(page: Page, externalNo: string, consigneeName: string): Promise<void> {
  await page.goto(`${base}/orders`);
  await page.getByTestId('order-create').click();
  await page.waitForURL((url) => url.pathname === '/orders/new');
  await page.getByTestId('order-new-merchant').click();
  await page.keyboard.type('HOME');
  await page.locator('.ant-select-item-option', { hasText: '(HOME)' }).click();
  await page.getByTestId('order-new-channel').fill('web');
  await page.getByTestId('order-new-external-no').fill(externalNo);
  if (consigneeName) await page.getByTestId('order-new-name').fill(consigneeName);
  await page.getByTestId('order-new-phone').fill('13812345678');
  await page.getByTestId('order-new-address').fill('上海市徐汇区漕溪北路88号');
}

/** The input of line `index`'s SKU code (an autocomplete). */
const skuInput = (page: Page, index: number) => page.getByTestId(`order-line-sku-${index}`).locator('input');

describe('new order in the console', () => {
  it('enters an order with two lines and lands on its detail, allocated', async () => {
    const page = await signIn('logistics');
    const sent = intakeRequests(page);
    const externalNo = `E2E-NEW-${process.pid}`;
    await startOrder(page, externalNo, '韩梅梅');

    // Line 1 picked from the catalogue lookup, line 2 typed; money in yuan.
    await skuInput(page, 0).fill('CER-MUG');
    await page.locator('.ant-select-item-option [data-sku-code="CER-MUG-GY"]').click();
    expect(await skuInput(page, 0).inputValue()).toBe('CER-MUG-GY');
    await page.getByTestId('order-line-qty-0').fill('2');
    await page.getByTestId('order-line-price-0').fill('39.9');
    await page.getByTestId('order-line-add').click();
    await skuInput(page, 1).fill('APP-KETL-BL');
    await page.getByTestId('order-line-qty-1').fill('1');
    await page.getByTestId('order-line-price-1').fill('199');
    await expect.poll(async () => page.getByTestId('order-new-total').textContent()).toContain('¥278.80');
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-order-create.png'), fullPage: true });

    // A double click sends the order once, with an idempotency key.
    await page.getByTestId('order-new-submit').dblclick();
    await page.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 30_000 });
    await expect.poll(async () => page.locator('.page-header [data-status="allocated"]').count()).toBe(1);
    const lines = page
      .locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^商品$/ }) })
      .locator('table')
      .first()
      .locator('tbody tr.ant-table-row');
    await expect.poll(async () => lines.count()).toBe(2);
    const rows = await lines.allTextContents();
    expect(rows.find((r) => r.includes('CER-MUG-GY'))).toMatch(/2¥39\.90¥79\.80$/);
    expect(rows.find((r) => r.includes('APP-KETL-BL'))).toMatch(/1¥199\.00¥199\.00$/);
    await page.screenshot({ path: path.join(os.tmpdir(), 'wayline-e2e-order-created.png'), fullPage: true });

    expect(sent).toHaveLength(1);
    expect(sent[0].headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[0].postDataJSON()).toMatchObject({
      channel: 'web',
      externalNo,
      lines: [
        { skuCode: 'CER-MUG-GY', qty: 2, unitPriceFen: 3990 },
        { skuCode: 'APP-KETL-BL', qty: 1, unitPriceFen: 19900 },
      ],
      payment: { status: 'paid' },
      serviceType: 'standard',
    });
    expect(await ordersNumbered(externalNo)).toHaveLength(1);
  });

  it('shows a missing field and the API’s field issues on the fields, and creates nothing', async () => {
    const page = await signIn('logistics');
    const sent = intakeRequests(page);
    const externalNo = `E2E-BAD-${process.pid}`;
    await startOrder(page, externalNo, '');
    await skuInput(page, 0).fill('CER-MUG-WH');
    await page.getByTestId('order-line-price-0').fill('39');
    await page.getByTestId('order-new-email').fill('han@@example');

    // The consignee's name is missing: the form says so and sends nothing.
    await page.getByTestId('order-new-submit').click();
    await expect
      .poll(async () => (await errorOf(page, page.getByTestId('order-new-name')).textContent()) ?? '')
      .toContain('请填写收货人');
    expect(sent).toHaveLength(0);

    // With the name given, the API refuses the e-mail (400): its issue shows under the e-mail field.
    await page.getByTestId('order-new-name').fill('韩梅梅');
    await page.getByTestId('order-new-submit').click();
    await expect
      .poll(async () => (await errorOf(page, page.getByTestId('order-new-email')).textContent()) ?? '')
      .toContain('邮箱地址格式不正确');
    await page.screenshot({
      path: path.join(os.tmpdir(), 'wayline-e2e-order-create-invalid.png'),
      fullPage: true,
    });
    expect(sent).toHaveLength(1);
    expect(new URL(page.url()).pathname).toBe('/orders/new');
    expect(await ordersNumbered(externalNo)).toHaveLength(0);
  });

  it('asks a merchant user for no merchant: the order is their own', async () => {
    const page = await signIn('home', 'en-US');
    await page.goto(`${base}/orders`);
    await page.getByTestId('order-create').click();
    await page.waitForURL((url) => url.pathname === '/orders/new');
    await expect.poll(async () => page.locator('.page-header h3').textContent()).toBe('New order');
    expect(await page.getByTestId('order-new-external-no').isVisible()).toBe(true);
    expect(await page.getByTestId('order-new-merchant').count()).toBe(0);
    expect(await page.getByTestId('order-new-submit').textContent()).toBe('Create order');
  });
});
