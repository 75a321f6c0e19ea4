import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signedInPage } from '../helpers/browser';

/** The fresh-goods screens in Chromium: the demo excursion on the chart, an alert acknowledged, near expiry. */
let base: string;

let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ base } = harness);
});
afterAll(() => closeConsole(harness));

const signIn = (username: string): Promise<Page> => signedInPage(harness!, username, 'en-US');

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
