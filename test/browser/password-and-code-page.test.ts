import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  alertText,
  focusedId,
  hasChromium,
  openSignInPage,
  pageUnderTest,
  screenshot,
  settled,
  signedInEmail,
  typeCode,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page in password-and-code mode', () => {
  const context = pageUnderTest({ SIGN_IN_MODE: 'password-and-code' });

  it('asks for email and password, then the code, and signs in', async () => {
    const { email, password } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('autocomplete')).toBe('current-password');
    await expect.poll(() => focusedId(page)).toBe('email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await screenshot(page, '6-password');
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });

  it('a wrong password is refused in words and no code is mailed', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('Wrong-passw0rd');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => alertText(page)).toBe('The email address or password is wrong.');
    expect(await context.t.emailsTo(email)).toHaveLength(0);
    await page.context().close();
  });

  it('a temporary password (AdminCreateUser) leads to a new-password field, then the code', async () => {
    const { email } = await context.t.createUserWithTemporaryPassword('Temp-passw0rd');
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await expect.poll(() => focusedId(page)).toBe('email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Temp-passw0rd');
    await page.keyboard.press('Enter');
    await page.locator('#new-password-form:not([hidden])').waitFor();
    await settled(page);
    expect(await focusedId(page)).toBe('new-password');
    expect(await page.getByLabel('New password', { exact: true }).getAttribute('autocomplete')).toBe('new-password');
    await screenshot(page, '7-new-password');
    await page.keyboard.type('Chosen-passw0rd');
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
