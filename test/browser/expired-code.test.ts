import { describe, expect, it } from 'vitest';
import {
  PHONE,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  openSignInPage,
  pageUnderTest,
  screenshot,
  settled,
  signedInEmail,
  statusText,
  typeCode,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page with a code that expires', () => {
  const context = pageUnderTest({ CODE_TTL_SECONDS: '2', RESEND_INTERVAL_SECONDS: '6' });

  it('says the code expired, counts down to a new code, and the new code signs in', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const expiry = page.locator('#code-expiry');
    await expect.poll(() => expiry.textContent(), { timeout: 15_000 }).toMatch(/^This code has expired\. A new code can be sent in 0:0\d\.$/);
    expect(await statusText(page)).toBe('This code has expired.');
    // The field can no longer take the dead code, and focus went to the way forward.
    expect(await page.getByLabel('Sign-in code').isDisabled()).toBe(true);
    expect(await page.locator('#code-button').getAttribute('aria-disabled')).toBe('true');
    expect(await focusedId(page)).toBe('resend-button');
    await screenshot(page, '8-expired');
    await expect
      .poll(() => page.locator('#resend-button').getAttribute('aria-disabled'), { timeout: 15_000 })
      .toBe('false');
    expect(await expiry.textContent()).toBe('This code has expired. Send a new code to continue.');
    expect(await statusText(page)).toBe('You can send a new code now.');

    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(async () => (await context.t.emailsTo(email)).length).toBe(2);
    // A 2-second code: type it at once.
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
