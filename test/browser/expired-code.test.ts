import { describe, expect, it } from 'vitest';
import { hasChromium, pageUnderTest } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page with a code that expires', () => {
  const context = pageUnderTest({ CODE_TTL_SECONDS: '2' });

  it('says the code expired and stops offering to submit it', async () => {
    const { page, email } = await context.onCodeStep();
    await page.getByLabel('Sign-in code').fill(await context.t.codeFor(email));
    await expect
      .poll(() => page.locator('#code-expiry').textContent(), { timeout: 5_000 })
      .toBe('This code has expired. Send a new code.');
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    await page.close();
  });
});
