import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';
import type { TestSystem } from '../helpers/system';
import {
  binBarcodeOf,
  type OutboundWorld,
  outboundOf,
  outboundWorld,
  pickAll,
} from '../integration/warehouse-outbound.support';

/**
 * The outbound console as a clerk with a keyboard-wedge scanner: release a wave, pick on the
 * handheld screen (a wrong bin is refused in red, the right scans confirm the pick and the next bin
 * in path order comes up), then pack at the station by scanning the goods and seal.
 */
let sys: TestSystem;
let browser: Browser;
let base: string;
let o: OutboundWorld;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ sys, browser, base } = harness);
  o = await outboundWorld(sys);
});

afterAll(async () => {
  await o?.dispatcher.stop();
  await closeConsole(harness);
});

const signIn = (page: Page, username: string) => signInAs(page, base, username);

async function scan(page: Page, testId: string, code: string) {
  const box = page.getByTestId(testId);
  await box.fill(code);
  await box.press('Enter');
}

describe('outbound console', () => {
  it('releases a wave, picks by scanning on the handheld screen and packs at the station', async () => {
    const docs = [];
    for (const order of Object.values(o.orders))
      docs.push(await outboundOf(o.clerk, o.dispatcher, order.number));
    const sh = o.w.warehouses['WH-SH'].id;
    const wave = (
      await o.clerk.post('/api/warehouse/waves', { warehouseId: sh, outboundIds: docs.map((d) => d.id) })
    ).body;

    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, 'clerk');
    await page.goto(`${base}/warehouse/waves/${wave.id}`);
    await page.getByRole('button', { name: '下发拣货' }).click();
    const link = page.getByRole('link', { name: /^PL/ });
    await link.first().click();
    await page.waitForURL(/\/warehouse\/pick-lists\//);
    const listId = page.url().split('/').pop()!;

    const list = (await o.clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    const first = list.tasks[0];
    await expect.poll(() => page.getByTestId('pick-next-bin').textContent()).toBe(first.binCode);
    await expect(page.getByTestId('pick-map').locator('circle').count()).resolves.toBeGreaterThan(0);
    // A wrong bin is refused and shown.
    await scan(page, 'pick-scan', 'WH-SH-NO-SUCH-BIN');
    await expect.poll(() => page.getByTestId('pick-error').textContent()).toContain(first.binCode);
    // The right bin, the goods, the quantity.
    const sku = Object.values(o.skus).find((s) => s.id === first.skuId)!;
    await scan(page, 'pick-scan', await binBarcodeOf(o.clerk, list, first));
    await scan(page, 'pick-scan', sku.gtin);
    await page.getByTestId('pick-qty').press('Enter');
    await expect.poll(() => page.getByTestId('pick-next-bin').textContent()).toBe(list.tasks[1].binCode);
    const after = (await o.clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    expect(after.tasks[0]).toMatchObject({ status: 'done', pickedQty: first.qty });
    expect(after.wrongScans).toBe(1);

    // The rest by API (B is fully there in this run: no short), then pack the first order.
    await pickAll(o.clerk, listId, Object.values(o.skus));
    const doc = docs.find((d) => d.orderNumber === o.orders.paid2.number)!;
    await page.goto(`${base}/warehouse/pack?outbound=${doc.id}`);
    await page.getByRole('button', { name: /开始打包/ }).click();
    const detail = async () => (await o.clerk.get(`/api/warehouse/outbounds/${doc.id}`)).body;
    await expect.poll(async () => (await detail()).status).toBe('packing');
    await scan(page, 'pack-scan', o.skus.skuB.gtin);
    await expect.poll(() => page.getByTestId('pack-error').textContent()).toContain(o.skus.skuB.gtin);
    for (const item of (await detail()).packages[0].items) {
      const s = Object.values(o.skus).find((x) => x.id === item.skuId)!;
      for (let k = 0; k < item.qty; k++) {
        await scan(page, 'pack-scan', s.gtin);
        await expect
          .poll(
            async () =>
              (await detail()).packages[0].items.find((i: any) => i.skuId === item.skuId).scannedQty,
          )
          .toBe(k + 1);
      }
    }
    await page.getByRole('button', { name: /封\s?箱/ }).click();
    await expect.poll(async () => (await detail()).status).toBe('packed');
    await page.getByRole('button', { name: '打印面单' }).waitFor();
    expect(errors).toEqual([]);
  });
});
