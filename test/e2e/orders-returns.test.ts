import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';
import type { TestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type TestSku, type World, worldOf } from '../integration/orders.support';

/**
 * Returns in Debian's Chromium: the consumer asks on the public return page (order number + phone
 * digits), customer service approves and books the pickup, the clerk scans the goods in and inspects
 * them (one restocked, one scrapped), customer service records the refund — in zh-CN and en.
 */
let sys: TestSystem;
let browser: Browser;
let base: string;
let w: World;
let sku: TestSku;
let order: { id: string; number: string };

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ sys, browser, base } = harness);
  w = await worldOf(sys);
  sku = await newSku(w, 'HOME', 'ambient');
  await stock(w, sku, 'WH-SH', 10);
  const created = await w.admin.post(
    '/api/orders',
    orderBody(w, 'HOME', [[sku, 3]], { consignee: { phone: '13700004321' } }),
  );
  expect(created.body.status, created.text).toBe('allocated');
  order = created.body;
  for (const body of [
    { event: 'pick_all' },
    { event: 'packed' },
    { event: 'shipped' },
    { event: 'delivered' },
  ]) {
    if (body.event === 'pick_all') await w.admin.post(`/api/orders/${order.id}/release-to-warehouse`, {});
    const res = await w.admin.post(`/api/orders/${order.id}/fulfilment`, body);
    expect(res.status, res.text).toBe(200);
  }
});
afterAll(() => closeConsole(harness));

async function newPage(locale = 'zh-CN'): Promise<Page> {
  const page = await browser.newPage({ locale, viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(20_000);
  if (locale.startsWith('en')) await page.addInitScript("window.localStorage.setItem('wayline.lang', 'en')");
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(os.tmpdir(), `wayline-e2e-returns-${name}.png`), fullPage: true });

/** An input by test id, whether the id sits on the <input> or on its wrapper (antd InputNumber). */
const field = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** Click a dialog's OK button (antd modals). */
const ok = (page: Page) => page.getByTestId('return-dialog-ok').click();

describe('returns console and portal', () => {
  let returnId = '';

  it('lets the consumer request a return with the order number and the phone digits', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/portal/return`);
    await page.getByTestId('portal-number').fill(order.number);
    await page.getByTestId('portal-phone').fill('9999');
    await page.getByTestId('portal-lookup').click();
    await expect
      .poll(async () => (await page.getByTestId('portal-error').textContent()) ?? '')
      .toContain('后四位');
    await page.getByTestId('portal-phone').fill('4321');
    await page.getByTestId('portal-lookup').click();
    await field(page, 'portal-qty-1').fill('2');
    await page.getByTestId('portal-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('portal-created').textContent()) ?? '')
      .toMatch(/RT\d{14}/);
    await shot(page, 'portal');
    const number = /RT\d{14,}/.exec((await page.getByTestId('portal-created').textContent()) ?? '')![0];
    const list = await w.admin.get(`/api/returns?q=${number}`);
    expect(list.body.items[0]).toMatchObject({ raisedVia: 'consumer', totalQty: 2, status: 'requested' });
    returnId = list.body.items[0].id;
    expect(errors).toEqual([]);
  });

  it('is approved and booked for pickup by customer service, then received and inspected at the warehouse', async () => {
    const agent = await newPage();
    await signInAs(agent, base, 'agent');
    await agent.goto(`${base}/returns?status=requested`);
    await expect
      .poll(async () => (await agent.getByTestId('return-table').textContent()) ?? '')
      .toContain('待审核');
    await agent.goto(`${base}/returns/${returnId}`);
    await agent.getByTestId('return-approve').click();
    await ok(agent);
    await expect.poll(() => agent.locator('[data-return-status="approved"]').count()).toBeGreaterThan(0);
    await agent.getByTestId('return-arrange').click();
    await ok(agent);
    await expect
      .poll(() => agent.locator('[data-return-status="awaiting_goods"]').count())
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await agent.getByTestId('return-timeline').textContent()) ?? '')
      .toContain('预约取件');

    const clerk = await newPage();
    await signInAs(clerk, base, 'clerk');
    await clerk.goto(`${base}/returns/${returnId}`);
    const scan = field(clerk, 'return-scan');
    for (let i = 0; i < 2; i++) {
      await scan.fill(sku.code);
      await scan.press('Enter');
    }
    await expect.poll(() => field(clerk, 'receive-qty-1').inputValue()).toBe('2');
    await clerk.getByTestId('return-receive-submit').click();
    // Inspection: the default row restocks both; split one off to scrap.
    await field(clerk, 'inspect-qty-0').fill('1');
    await clerk.getByRole('button', { name: '增加一行' }).click();
    await field(clerk, 'inspect-qty-1').fill('1');
    await clerk.getByTestId('inspect-disposition-1').click();
    await clerk.getByTitle('报废').click();
    await shot(clerk, 'inspect');
    await clerk.getByTestId('return-inspect-submit').click();
    await expect
      .poll(async () => (await clerk.getByTestId('return-inspections').textContent()) ?? '')
      .toContain('报废');
    const detail = (await w.admin.get(`/api/returns/${returnId}`)).body;
    expect(detail).toMatchObject({ status: 'inspected' });
    expect(detail.lines[0]).toMatchObject({ receivedQty: 2, restockQty: 1, scrapQty: 1 });
    const moves = (await w.admin.get(`/api/inventory/movements?sourceType=return&sourceId=${detail.number}`))
      .body.items;
    expect(moves.map((m: any) => m.type).sort()).toEqual(['return', 'return', 'scrap']);
  });

  it('records the refund in English and shows the return on the order', async () => {
    const page = await newPage('en-US');
    await signInAs(page, base, 'agent');
    await page.goto(`${base}/returns/${returnId}`);
    await page.getByTestId('return-refund').click();
    await field(page, 'refund-fee').fill('1.00');
    await ok(page);
    await expect
      .poll(async () => (await page.getByTestId('return-outcome').textContent()) ?? '')
      .toContain('¥38.80');
    await expect
      .poll(async () => (await page.getByTestId('return-timeline').textContent()) ?? '')
      .toContain('Refund recorded');
    await shot(page, 'detail-en');
    await page.goto(`${base}/orders/${order.id}`);
    await expect
      .poll(async () => (await page.getByTestId('order-returns').textContent()) ?? '')
      .toContain('Closed');
  });
});
