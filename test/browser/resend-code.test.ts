import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  alertText,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  openSignInPage,
  pageUnderTest,
  settled,
  signedInEmail,
  statusText,
  typeCode,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('which code works: "Send a new code", a reload and "I already have a code"', () => {
  // Code-only emails (no SIGN_IN_LINK_URL): a live code may be replaced after the resend interval.
  const context = pageUnderTest({ RESEND_INTERVAL_SECONDS: '6', SIGN_IN_LINK_URL: '' });

  it('"Send a new code" counts down, then says plainly that the new code replaced the one in the inbox', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const resend = page.locator('#resend-button');
    expect(await resend.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => resend.getAttribute('aria-disabled'), { timeout: 15_000 }).toBe('false');
    // Keyboard: from the code field, Tab past "Sign in" to "Send a new code".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('resend-button');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(async () => (await context.t.emailsTo(email)).length).toBe(2);
    expect(await statusText(page)).toBe('A new code is on its way. Codes in earlier emails no longer work. Nothing after a minute? Check the address and your spam folder, or use another address: some mail servers refuse our emails.');
    expect(await page.locator('#code-sent-to').textContent()).toMatch(/^We sent a new 6-digit code to /);
    expect(await focusedId(page)).toBe('code');
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });

  it('a reload keeps the address; "I already have a code" keeps the code in the inbox working and says so', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await askForCodeByKeyboard(page, email);
    const first = await context.t.codeFor(email);
    await page.reload();
    await page.locator('#start-form:not([hidden])').waitFor();
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    await expect.poll(() => focusedId(page)).toBe('have-code-button');
    expect(await statusText(page)).toMatch(/^The code we sent to p\*\*\*@e\*\*\*\.com works until \d\d:\d\d.*: choose “I already have a code”\.$/);
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    expect(await statusText(page)).toBe('The code already in your inbox still works: no new email was sent.');
    expect(await context.t.emailsTo(email)).toHaveLength(1);
    await typeCode(page, first);
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });

  it('after a reload, the same address typed in capitals still finds the code already mailed', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await askForCodeByKeyboard(page, email);
    await page.reload();
    await page.locator('#start-form:not([hidden])').waitFor();
    await page.getByLabel('Email address').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'I already have a code' }).click();
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    expect(await statusText(page)).toBe('The code already in your inbox still works: no new email was sent.');
    expect(await context.t.emailsTo(email)).toHaveLength(1);
    await page.context().close();
  });

  it('"I already have a code" after the resend interval mails a new code and says the old one no longer works', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    await expect
      .poll(() => page.locator('#resend-button').getAttribute('aria-disabled'), { timeout: 15_000 })
      .toBe('false');
    await page.reload();
    await page.locator('#start-form:not([hidden])').waitFor();
    // The page no longer suggests it: a new sign-in now mails a new code, which replaces the one in the inbox.
    await expect.poll(() => focusedId(page)).toBe('start-button');
    expect(await statusText(page)).not.toContain('I already have a code');
    await page.getByRole('button', { name: 'I already have a code' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    expect(await alertText(page)).toBe('');
    expect(await statusText(page)).toBe('A new code is on its way. Codes in earlier emails no longer work. Nothing after a minute? Check the address and your spam folder, or use another address: some mail servers refuse our emails.');
    expect(await context.t.emailsTo(email)).toHaveLength(2);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
