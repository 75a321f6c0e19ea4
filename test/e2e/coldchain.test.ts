import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT } from '../../src/app/system';
import { startTestSystem, type TestSystem } from '../helpers/system';

/** The fresh-goods screens in Chromium: the demo excursion on the chart, an alert acknowledged, near expiry. */
let sys: TestSystem;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error('Build the console first: npm run build:web');
  sys = await startTestSystem({ webRoot: WEB_ROOT });
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  const address = sys.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(20_000);
  await page.addInitScript("window.localStorage.setItem('wayline.lang', 'en')");
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Wayline2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('fresh goods and safety screens', () => {
  it('chart the demo excursion, acknowledge its alert, and list near-expiry stock', async () => {
    // The Shanghai warehouse manager sees only WH-SH.
    const page = await signIn('whmanager');
    await page.goto(`${base}/inventory/temperature`);
    await page.getByTestId('temperature-chart').locator('canvas').first().waitFor();
    await expect
      .poll(async () => (await page.getByTestId('excursion-table').textContent()) ?? '')
      .toMatch(/QH\d{14}/);
    const excursions = (await page.getByTestId('excursion-table').textContent()) ?? '';
    expect(excursions).toContain('7.4 °C');
    expect(excursions).toContain('Too long');

    await page.goto(`${base}/inventory/alerts`);
    await page.getByTestId('alert-ack').first().click();
    await page.getByTestId('alert-ack-note').fill('Compressor door closed, checked');
    await page.getByRole('button', { name: 'Acknowledge' }).last().click();
    await expect
      .poll(async () => (await page.getByTestId('alert-table').textContent()) ?? '')
      .toContain('No alerts');
    await page.goto(`${base}/inventory/alerts?state=acknowledged`);
    await expect
      .poll(async () => (await page.getByTestId('alert-table').textContent()) ?? '')
      .toContain('Compressor door closed, checked');

    await page.goto(`${base}/inventory/near-expiry?withinDays=365`);
    await page.getByTestId('near-expiry-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('near-expiry-table').textContent()).toContain('WH-SH');
    expect(await page.getByTestId('near-expiry-table').textContent()).not.toContain('WH-BJ');
  });
});
