import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole } from '../helpers/browser';
import type { TestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type World, worldOf } from '../integration/orders.support';

/**
 * The consumer's tracking page in Debian's Chromium, without signing in: a merchant's link brings the
 * order number, the consumer types the last four digits of the phone and sees the journey — one
 * timeline per parcel when the order was split — on a phone-width screen, in zh-CN and en; wrong
 * digits, the attempt limit and a lost connection each say so.
 */
let sys: TestSystem;
let browser: Browser;
let base: string;
let w: World;
/** Shipped and on the way, phone …5678. */
let single: { id: string; number: string };
/** Split for want of stock: the first parcel shipped, the second still waiting; phone …2468. */
let split: { id: string; number: string };

let harness: ConsoleHarness | undefined;

async function fulfil(id: string, events: Array<Record<string, unknown>>) {
  for (const body of events) {
    if (body.event === 'pick_all') {
      const released = await w.admin.post(`/api/orders/${id}/release-to-warehouse`, {});
      expect(released.status, released.text).toBe(200);
    }
    const res = await w.admin.post(`/api/orders/${id}/fulfilment`, body);
    expect(res.status, res.text).toBe(200);
  }
}

beforeAll(async () => {
  harness = await openConsole();
  ({ sys, browser, base } = harness);
  w = await worldOf(sys);
  const plenty = await newSku(w, 'HOME');
  const scarce = await newSku(w, 'HOME');
  await stock(w, plenty, 'WH-SH', 10);
  await stock(w, scarce, 'WH-SH', 1);

  const one = await w.admin.post(
    '/api/orders',
    orderBody(w, 'HOME', [[plenty, 2]], { consignee: { phone: '13700005678' } }),
  );
  expect(one.body.status, one.text).toBe('allocated');
  single = one.body;
  await fulfil(single.id, [
    { event: 'pick_all' },
    { event: 'packed' },
    { event: 'shipped', carrier: '顺丰速运', waybillNo: 'SF1029384756' },
    { event: 'in_transit' },
  ]);

  const two = await w.admin.post(
    '/api/orders',
    orderBody(
      w,
      'HOME',
      [
        [plenty, 1],
        [scarce, 3],
      ],
      { consignee: { phone: '13700002468' } },
    ),
  );
  expect(two.body.reasons, two.text).toEqual(['out_of_stock']);
  split = two.body;
  const parted = await w.admin.post(`/api/orders/${split.id}/split`, { lines: [{ lineNo: 2, qty: 3 }] });
  expect(parted.status, parted.text).toBe(200);
  expect(parted.body.parts).toEqual([expect.objectContaining({ number: `${split.number}-2` })]);
  await fulfil(split.id, [
    { event: 'pick_all' },
    { event: 'packed' },
    { event: 'shipped', carrier: 'SF Express', waybillNo: 'SF5550001' },
  ]);
});
afterAll(() => closeConsole(harness));

/** A phone-sized page that is not signed in; console errors and page errors are collected. */
async function newPage(locale = 'zh-CN') {
  const page = await browser.newPage({ locale, viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(20_000);
  if (locale.startsWith('en')) await page.addInitScript("window.localStorage.setItem('wayline.lang', 'en')");
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

/** Console errors other than the browser's own note on an answer the test asked for. */
const unexpected = (errors: string[], expected: RegExp[] = []) =>
  errors.filter((e) => !expected.some((re) => re.test(e)));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(os.tmpdir(), `wayline-e2e-track-${name}.png`), fullPage: true });

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

/** Every lookup the page sends to the API. */
function countLookups(page: Page) {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/orders/track')) sent.push(r.postData() ?? '');
  });
  return sent;
}

describe('consumer tracking page', () => {
  it('takes the order number from the link, checks the digits and shows the journey on a phone', async () => {
    const { page, errors } = await newPage();
    const sent = countLookups(page);
    await page.goto(`${base}/portal/track?no=${single.number}`);
    expect(page.url()).not.toContain('/login');
    await expect.poll(() => page.getByTestId('track-number-input').inputValue()).toBe(single.number);

    // Three characters and a letter: refused in the browser, nothing is sent.
    await page.getByTestId('track-phone-input').fill('12a');
    await page.getByTestId('track-submit').click();
    await expect.poll(() => page.getByText('请输入收货手机号的后四位数字').count()).toBeGreaterThan(0);
    expect(sent).toEqual([]);

    // Wrong digits: the server's own (Chinese) words.
    await page.getByTestId('track-phone-input').fill('0000');
    await page.getByTestId('track-submit').click();
    await expect.poll(() => text(page, 'track-error-message')).toContain('后四位不正确');
    expect(await page.getByTestId('track-result').count()).toBe(0);

    // The right digits, answered slowly enough to see the loading state.
    await page.route('**/api/orders/track', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.getByTestId('track-phone-input').fill('5678');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-loading').waitFor();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-error').count()).toBe(0);
    expect(await page.getByTestId('track-loading').count()).toBe(0);
    expect(sent).toHaveLength(2);

    expect(await text(page, 'track-number')).toBe(single.number);
    expect(await text(page, 'track-phone')).toBe('137****5678');
    expect(await text(page, 'track-region')).toBe('浙江省杭州市西湖区');
    expect(await text(page, 'track-carrier')).toBe('顺丰速运');
    expect(await text(page, 'track-waybill')).toContain('SF1029384756');
    expect(await text(page, 'track-promised')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日星期./);
    expect(await page.getByTestId('track-split').count()).toBe(0);
    const tags = page.getByTestId('track-result').locator('[data-stage]');
    expect(await tags.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual([
      'in_transit',
    ]);

    const steps = page.getByTestId('track-steps');
    const done = await steps.locator('.ant-steps-item-finish .ant-steps-item-title').allTextContents();
    expect(done).toEqual(['已接单', '仓库备货中', '已发货']);
    expect(await steps.locator('.ant-steps-item-process').textContent()).toContain('运输中');
    expect(await steps.locator('.ant-steps-item-wait .ant-steps-item-title').allTextContents()).toEqual([
      '已签收',
    ]);
    // Each stage reached has its time, worded in Chinese (2026年11月22日 14:05).
    const times = await steps.locator('time').allTextContents();
    expect(times).toHaveLength(4);
    for (const t of times) expect(t).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

    // The four digits stay out of the address bar; the page fits a phone's width.
    expect(new URL(page.url()).search).toBe(`?no=${single.number}`);
    expect(page.url()).not.toContain('5678');
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'single');
    expect(unexpected(errors, [/status of 404/])).toEqual([]);
    await page.close();
  });

  it('shows one timeline per parcel of a split order, and switches to English on the page', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${base}/portal/track`);
    await page.getByTestId('track-number-input').fill(split.number.toLowerCase());
    await page.getByTestId('track-phone-input').fill('2468');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    expect(await text(page, 'track-split')).toContain('订单分 2 个包裹发货');
    const parcels = page.getByTestId('track-parcel');
    expect(await parcels.evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).toEqual([
      split.number,
      `${split.number}-2`,
    ]);
    const first = parcels.nth(0);
    const second = parcels.nth(1);
    expect(await first.locator('[data-stage]').getAttribute('data-stage')).toBe('shipped');
    expect(await first.getByTestId('track-waybill').textContent()).toContain('SF5550001');
    expect(await first.getByTestId('track-steps').locator('time').count()).toBe(3);
    expect(await second.locator('[data-stage]').getAttribute('data-stage')).toBe('received');
    expect(await second.getByTestId('track-waybill').count()).toBe(0);
    expect(
      await second.getByTestId('track-steps').locator('.ant-steps-item-process').textContent(),
    ).toContain('已接单');
    // The URL keeps the number as typed, never the digits.
    expect(page.url()).not.toContain('2468');

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => text(page, 'track-split')).toContain('Shipped in 2 parcels');
    expect(await first.getByTestId('track-steps').textContent()).toContain('Being prepared');
    expect(await second.textContent()).toContain('Parcel 2');
    expect(
      await second
        .getByTestId('track-steps')
        .locator('.ant-steps-item-wait .ant-steps-item-title')
        .allTextContents(),
    ).toEqual(['Being prepared', 'Shipped', 'On the way', 'Delivered']);
    await shot(page, 'split');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('says so when lookups are limited or the connection is lost', async () => {
    const sku = await newSku(w, 'HOME');
    await stock(w, sku, 'WH-SH', 1);
    const guessed = (
      await w.admin.post(
        '/api/orders',
        orderBody(w, 'HOME', [[sku, 1]], { consignee: { phone: '13700001357' } }),
      )
    ).body;
    const anon = sys.anonymous();
    for (const digits of ['0001', '0002', '0003', '0004', '0005'])
      expect(
        (await anon.post('/api/orders/track', { number: guessed.number, phoneLast4: digits })).status,
      ).toBe(404);

    const { page, errors } = await newPage('en-US');
    await page.goto(`${base}/portal/track?no=${guessed.number}`);
    await page.getByTestId('track-phone-input').fill('1357');
    await page.getByTestId('track-submit').click();
    await expect.poll(() => text(page, 'track-error-message')).toContain('tracking is paused');
    expect(await page.getByTestId('track-result').count()).toBe(0);

    await page.route('**/api/orders/track', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('track-number-input').fill(single.number);
    await page.getByTestId('track-phone-input').fill('5678');
    await page.getByTestId('track-submit').click();
    await expect.poll(() => text(page, 'track-error-message')).toContain('Cannot reach the server');
    await shot(page, 'offline');
    expect(unexpected(errors, [/status of 429/, /ERR_INTERNET_DISCONNECTED/])).toEqual([]);
    await page.close();
  });

  it('is linked from the login page and the return page, and the notification link opens it', async () => {
    const { page, errors } = await newPage('en-US');
    await page.goto(`${base}/login`);
    await page.getByTestId('login-to-track').click();
    await page.waitForURL((url) => url.pathname === '/portal/track');
    await page.getByTestId('track-to-return').click();
    await page.waitForURL((url) => url.pathname === '/portal/return');
    await page.getByTestId('return-to-track').click();
    await page.waitForURL((url) => url.pathname === '/portal/track');
    // Links in notifications sent before the page existed (/track?no=…) open it too.
    await page.goto(`${base}/track?no=${split.number}`);
    await page.waitForURL((url) => url.pathname === '/portal/track');
    expect(new URL(page.url()).searchParams.get('no')).toBe(split.number);
    await expect.poll(() => page.getByTestId('track-number-input').inputValue()).toBe(split.number);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});
