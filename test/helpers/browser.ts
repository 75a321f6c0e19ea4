import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { WEB_ROOT } from '../../src/app/system';
import { startTestSystem, type TestSystem } from './system';

/** Debian's Chromium, headless, and quiet: it must never reach the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ConsoleHarness {
  sys: TestSystem;
  browser: Browser;
  /** http://127.0.0.1:<port> of the running console. */
  base: string;
}

/**
 * Wayline with the built console (`npm run build:web`; `WAYLINE_WEB_ROOT` may point elsewhere) on a
 * free port of the loopback, and Debian's Chromium to drive it. One per browser test file.
 */
export async function openConsole(): Promise<ConsoleHarness> {
  const webRoot = process.env.WAYLINE_WEB_ROOT ?? WEB_ROOT;
  if (!fs.existsSync(path.join(webRoot, 'index.html')))
    throw new Error('Build the console first: npm run build:web');
  const sys = await startTestSystem({ webRoot });
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  const address = sys.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return { sys, browser, base };
}

export async function closeConsole(harness: Partial<ConsoleHarness> | undefined): Promise<void> {
  await harness?.browser?.close();
  await harness?.sys?.close();
}

/** Sign in through the login form and wait until the console has left the login page. */
export async function signInAs(
  page: Page,
  base: string,
  username: string,
  password = 'Wayline2026',
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * A new page in the harness's browser, signed in as `username`, with the console in `locale`
 * (`en…` also sets the console's own language switch).
 */
export async function signedInPage(
  harness: ConsoleHarness,
  username: string,
  locale = 'zh-CN',
): Promise<Page> {
  const page = await harness.browser.newPage({ locale, viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(20_000);
  if (locale.startsWith('en')) await page.addInitScript("window.localStorage.setItem('wayline.lang', 'en')");
  await signInAs(page, harness.base, username);
  return page;
}
