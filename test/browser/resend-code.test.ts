import { describe, expect, it } from 'vitest';
import { hasChromium, pageUnderTest } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('"Send a new code" on the sign-in page', () => {
  const context = pageUnderTest({ RESEND_INTERVAL_SECONDS: '5' });

  it('is disabled until the resend interval has passed, then mails a new code that signs in', async () => {
    const { page, email } = await context.onCodeStep();
    const first = await context.t.codeFor(email);
    const resend = page.getByRole('button', { name: /^Send a new code/ });
    expect(await resend.isDisabled()).toBe(true);
    await expect.poll(() => resend.isEnabled(), { timeout: 8_000 }).toBe(true);
    await resend.click();
    await expect.poll(async () => (await context.t.emailsTo(email)).length, { timeout: 5_000 }).toBe(2);
    const second = await context.t.codeFor(email);
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
