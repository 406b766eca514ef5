import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import type { LocalStackOptions } from '../../infra/local/stack.ts';
import { startTestStack, type TestStack } from './test-stack.ts';

/** Debian's Chromium; never a test tool's own browser download. CHROMIUM_PATH exists to test the missing case. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`Browser tests need Chromium at ${CHROMIUM} in CI (apt-get install -y chromium).`);
  console.warn(`Chromium is not installed at ${CHROMIUM}: browser tests are skipped (apt-get install -y chromium).`);
}

/** `README_SCREENSHOTS=1 npx vitest run test/browser` refreshes the README's pictures in docs/screenshots/. */
export const screenshotDir = resolve(
  import.meta.dirname,
  process.env.README_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../test-results/screenshots',
);

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

/** Saves a PNG of the page under test-results/screenshots/ (docs/screenshots/ with README_SCREENSHOTS=1). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Always at phone width, so the README's pictures sit side by side; the test's own viewport comes back after.
  const viewport = page.viewportSize();
  if (viewport) await page.setViewportSize({ width: 390, height: 700 });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * A local stack serving the page (`stackOptions`: e.g. a case-sensitive pool), and a browser, for the tests of
 * one describe block: started before them, stopped after. Read `t` and `browser` inside the tests.
 */
export function pageUnderTest(triggerEnv: Record<string, string> = {}, stackOptions: Partial<LocalStackOptions> = {}) {
  const context = {} as { t: TestStack; browser: Browser };
  beforeAll(async () => {
    context.t = await startTestStack(triggerEnv, { ...stackOptions, web: true });
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
  };
}

/** Phone and desktop viewports the journeys run at. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * A person at the page: their own browser context (own storage) with the real clipboard allowed, the page
 * loaded and ready on the email step.
 */
export async function openSignInPage(browser: Browser, url: string, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
  return page;
}

/** Opens the email's sign-in link in a browser context of its own, as a click in a mail app would. */
export async function openLink(browser: Browser, link: string, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(link);
  await page.locator('#link-form:not([hidden])').waitFor({ timeout: 30_000 });
  return page;
}

/** Puts `text` on the system clipboard, then presses Ctrl+V into whatever has focus: a real paste. */
export async function pasteWithKeyboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

/** The id of the element that has focus ('' for <body>). */
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Waits until the page has finished its request. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', undefined, {
    timeout: 30_000,
  });
}

/** Types the address into the focused email field and presses Enter, then waits for the code step. */
export async function askForCodeByKeyboard(page: Page, email: string): Promise<void> {
  await expect.poll(() => focusedId(page)).toBe('email');
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await page.locator('#code-form:not([hidden])').waitFor({ timeout: 30_000 });
  await settled(page);
}

/**
 * Types a code into the focused code field, over whatever it still holds (a refused answer stays there to be
 * sent again), and presses Enter once the field shows exactly that code.
 */
export async function typeCode(page: Page, code: string): Promise<void> {
  await expect.poll(() => focusedId(page)).toBe('code');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
  expect(await page.locator('#code').inputValue()).toBe(code);
  await page.keyboard.press('Enter');
  await settled(page);
}

/**
 * A button's label and whether it can be used, read in one step: the page sets both together, so two separate
 * reads could pair a countdown label with the enabled state that follows it.
 */
export const buttonState = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((button) => ({
    label: button.textContent ?? '',
    enabled: button.getAttribute('aria-disabled') === 'false',
  }));

/** Reads the button until it is enabled; returns every label seen in order, the last one the enabled button's. */
export async function labelsUntilEnabled(page: Page, id: string): Promise<string[]> {
  const labels: string[] = [];
  for (;;) {
    const { label, enabled } = await buttonState(page, id);
    if (labels.at(-1) !== label) labels.push(label);
    if (enabled) return labels;
    await page.waitForTimeout(400);
  }
}

export const signedInEmail = (page: Page) => page.locator('#signed-in-email').textContent();
export const alertText = (page: Page) => page.locator('#error').textContent();
export const statusText = (page: Page) => page.locator('#status').textContent();

/** A wrong code for the right one. */
export const wrongCodeFor = (right: string) => (right.startsWith('0') ? '1' : '0').repeat(right.length);
