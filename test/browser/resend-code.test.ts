import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../helpers/browser.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
let browser: Browser;

describe.skipIf(!hasChromium)('"Send a new code" on the sign-in page', () => {
  beforeAll(async () => {
    t = await startTestStack({ RESEND_INTERVAL_SECONDS: '5' }, { web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('is disabled until the resend interval has passed, then mails a new code that signs in', async () => {
    const { email } = await t.createUser();
    const page = await browser.newPage();
    await page.goto(t.info.webUrl);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByLabel('Sign-in code').waitFor();
    const first = await t.codeFor(email);
    const resend = page.getByRole('button', { name: /^Send a new code/ });
    expect(await resend.isDisabled()).toBe(true);
    await expect.poll(() => resend.isEnabled(), { timeout: 8_000 }).toBe(true);
    await resend.click();
    await expect.poll(async () => (await t.emailsTo(email)).length, { timeout: 5_000 }).toBe(2);
    const second = await t.codeFor(email);
    if (second !== first) {
      await page.getByLabel('Sign-in code').fill(first);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('That code is wrong. 2 attempts left.');
    }
    await page.getByLabel('Sign-in code').fill(second);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#signed-in-email').textContent()).toBe(email);
    await page.close();
  });
});
