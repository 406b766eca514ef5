import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../helpers/browser.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
let browser: Browser;

describe.skipIf(!hasChromium)('the sign-in page with a code that expires', () => {
  beforeAll(async () => {
    t = await startTestStack({ CODE_TTL_SECONDS: '2' }, { web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says the code expired and stops offering to submit it', async () => {
    const { email } = await t.createUser();
    const page = await browser.newPage();
    await page.goto(t.info.webUrl);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByLabel('Sign-in code').waitFor();
    await page.getByLabel('Sign-in code').fill(await t.codeFor(email));
    await expect
      .poll(() => page.locator('#code-expiry').textContent(), { timeout: 5_000 })
      .toBe('This code has expired. Send a new code.');
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    await page.close();
  });
});
