import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  alertText,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  labelsUntilEnabled,
  openSignInPage,
  pageUnderTest,
  screenshot,
  settled,
  signedInEmail,
  statusText,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('starting again while no new code may be sent', () => {
  // Code-only emails (no SIGN_IN_LINK_URL): a live code may be replaced after the resend interval.
  const context = pageUnderTest({ RESEND_INTERVAL_SECONDS: '10', SIGN_IN_LINK_URL: '' });

  async function lockCode(page: Page, email: string): Promise<void> {
    await askForCodeByKeyboard(page, email);
    const wrong = wrongCodeFor(await context.t.codeFor(email));
    for (let i = 0; i < 3; i++) await typeCode(page, wrong);
    await expect.poll(() => alertText(page)).toBe('Too many wrong codes: this code no longer works.');
  }

  it('after a reload the page already knows: "Email me a code" counts down, then mails a code that signs in', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await lockCode(page, email);
    await page.reload();
    await page.locator('#start-form:not([hidden])').waitFor();
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    await expect.poll(() => focusedId(page)).toBe('start-button');
    expect(await statusText(page)).toMatch(/^The last code we sent to p\*\*\*@e\*\*\*\.com no longer works\./);
    const labels = await labelsUntilEnabled(page, 'start-button');
    expect(labels.filter((label) => /^Email me a code \(in 0:\d\d\)$/.test(label)).length).toBeGreaterThan(1);
    expect(labels.at(-1)).toBe('Email me a code');
    await expect.poll(() => statusText(page)).toBe('You can try again now.');
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    expect(await statusText(page)).toBe('A new code is on its way. Codes in earlier emails no longer work. Nothing after a minute? Check the address and your spam folder, or use another address: some mail servers refuse our emails.');
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });

  it('on another device the refusal is in words, its wait a live countdown that ends in an enabled "Email me a code"', async () => {
    const { email } = await context.t.createUser();
    const first = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await lockCode(first, email);
    await first.context().close();

    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await settled(page);
    // This device cannot tell which send limit it met (here the resend interval): the sentence names both, and the way on.
    expect(await alertText(page)).toBe(
      "No more codes can be sent to this address for now: emails to one address are limited (a short wait between two, and a few per hour). You can ask for a new code when the button's countdown ends.",
    );
    expect(await focusedId(page)).toBe('start-button');
    await screenshot(page, '5-wait');
    const labels = await labelsUntilEnabled(page, 'start-button');
    expect(labels.filter((label) => /^Email me a code \(in 0:\d\d\)$/.test(label)).length).toBeGreaterThan(1);
    expect(await alertText(page)).toBe('');
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    expect(await context.t.emailsTo(email)).toHaveLength(2);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
