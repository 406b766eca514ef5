import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestStack, type TestStack } from './test-stack.ts';

/** Debian's Chromium; never a test tool's own browser download. CHROMIUM_PATH exists to test the missing case. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`Browser tests need Chromium at ${CHROMIUM} in CI (apt-get install -y chromium).`);
  console.warn(`Chromium is not installed at ${CHROMIUM}: browser tests are skipped (apt-get install -y chromium).`);
}

export const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a PNG of the page under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * A local stack serving the page, and a browser, for the tests of one describe block: started before
 * them, stopped after. Read `t` and `browser` inside the tests.
 */
export function pageUnderTest(triggerEnv: Record<string, string> = {}) {
  const context = {} as { t: TestStack; browser: Browser };
  beforeAll(async () => {
    context.t = await startTestStack(triggerEnv, { web: true });
    context.browser = await launchBrowser();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.t?.stop();
  });
  return {
    get t() {
      return context.t;
    },
    get browser() {
      return context.browser;
    },
    /** A new page with a new user who has asked for a code, on the code step. */
    async onCodeStep() {
      const user = await context.t.createUser();
      const page = await context.browser.newPage();
      await page.goto(context.t.info.webUrl);
      await page.getByLabel('Email address').fill(user.email);
      await page.getByRole('button', { name: 'Email me a code' }).click();
      await page.getByLabel('Sign-in code').waitFor();
      return { page, email: user.email };
    },
  };
}
