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
  settled,
  signedInEmail,
  statusText,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('three wrong codes on the sign-in page', () => {
  // Code-only emails (no SIGN_IN_LINK_URL): a live code may be replaced after the resend interval.
  const context = pageUnderTest({ RESEND_INTERVAL_SECONDS: '8', SIGN_IN_LINK_URL: '' });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('(%s) never offer a refused action: a countdown ends in "Send a new code", which mails a code that signs in', async (_name, viewport) => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, viewport);
    await askForCodeByKeyboard(page, email);
    const wrong = wrongCodeFor(await context.t.codeFor(email));
    await typeCode(page, wrong);
    await typeCode(page, wrong);
    await expect.poll(() => alertText(page)).toBe('That code is wrong. 1 attempt left.');
    await typeCode(page, wrong);
    await expect.poll(() => alertText(page)).toBe('Too many wrong codes: this code no longer works.');
    expect(await page.locator('#code-expiry').textContent()).toBe('This code no longer works.');
    expect(await page.getByLabel('Sign-in code').isDisabled()).toBe(true);
    expect(await focusedId(page)).toBe('resend-button');

    // Inside the resend interval a new code would be refused: the button counts down instead.
    const resend = page.locator('#resend-button');
    const labels = new Set(await labelsUntilEnabled(page, 'resend-button'));
    expect([...labels].some((label) => /^Send a new code \(in 0:0\d\)$/.test(label))).toBe(true);
    expect(labels.size).toBeGreaterThan(2); // it moves
    expect(await resend.textContent()).toBe('Send a new code');
    await expect.poll(() => statusText(page)).toBe('You can send a new code now.');
    expect(await focusedId(page)).toBe('resend-button');

    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(async () => (await context.t.emailsTo(email)).length).toBe(2);
    expect(await alertText(page)).toBe('');
    expect(await statusText(page)).toBe('A new code is on its way. Codes in earlier emails no longer work. Nothing after a minute? Check the address and your spam folder, or use another address: some mail servers refuse our emails.');
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});

describe.skipIf(!hasChromium)('three wrong codes, with a sign-in link in the email', () => {
  // Long enough to type three wrong codes on a loaded machine, short enough to wait out.
  const context = pageUnderTest({ CODE_TTL_SECONDS: '12', RESEND_INTERVAL_SECONDS: '13' });

  it('the page says the link still works only until the code expires', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const wrong = wrongCodeFor(await context.t.codeFor(email));
    for (let i = 0; i < 3; i++) await typeCode(page, wrong);
    const expiry = page.locator('#code-expiry');
    await expect.poll(() => expiry.textContent()).toBe('This code no longer works, but the sign-in link in the same email does.');
    await expect.poll(() => expiry.textContent(), { timeout: 25_000 }).toBe('This code no longer works.');
    await page.context().close();
  });
});
