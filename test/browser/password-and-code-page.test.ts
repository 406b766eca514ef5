import { describe, expect, it } from 'vitest';
import { hasChromium, pageUnderTest, screenshot } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page in password-and-code mode', () => {
  const context = pageUnderTest({ SIGN_IN_MODE: 'password-and-code' });

  it('asks for email and password, then the code, and signs in', async () => {
    const { email, password } = await context.t.createUser();
    const page = await context.browser.newPage({ viewport: { width: 390, height: 780 } });
    await page.goto(context.t.info.webUrl);
    await page.getByLabel('Password').waitFor();
    expect(await page.getByLabel('Password').getAttribute('autocomplete')).toBe('current-password');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await screenshot(page, '6-password');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Sign-in code').waitFor();
    await page.getByLabel('Sign-in code').fill(await context.t.codeFor(email));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#signed-in-email').textContent()).toBe(email);
    await page.close();
  });

  it('a wrong password is refused in words and no code is mailed', async () => {
    const { email } = await context.t.createUser();
    const page = await context.browser.newPage();
    await page.goto(context.t.info.webUrl);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('Wrong-passw0rd');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email address or password is wrong.');
    expect(await context.t.emailsTo(email)).toHaveLength(0);
    await page.close();
  });
});
