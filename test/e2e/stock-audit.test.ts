import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, closeConsole, openConsole, signInAs } from '../helpers/browser';

/** The stock audit page (账卡物核对) in Debian's Chromium, on the demo company. */
let browser: Browser;
let base: string;
let harness: ConsoleHarness | undefined;
beforeAll(async () => {
  harness = await openConsole();
  ({ browser, base } = harness);
});
afterAll(() => closeConsole(harness));

describe('stock audit console', () => {
  it('runs the audit from the menu and shows that ledger, balances and counts agree', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAs(page, base, 'whmanager');
    await page.getByTestId('main-menu').locator('a[href="/inventory/audit"]').click();
    await page.waitForURL((url) => url.pathname === '/inventory/audit');
    await page.getByTestId('audit-run').click();
    await expect
      .poll(async () => (await page.getByTestId('audit-verdict').textContent()) ?? '', { timeout: 30_000 })
      .toContain('账、卡、物一致');
    expect(await page.getByText('流水').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
