// The page on a case-sensitive pool: an address typed with other capitals still gets its code and signs in.
import { describe, expect, it } from 'vitest';
import { PHONE, askForCodeByKeyboard, hasChromium, openSignInPage, pageUnderTest, signedInEmail, typeCode } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page on a case-sensitive pool', () => {
  const context = pageUnderTest({}, { signInCaseSensitive: true });

  it('typed with capitals, the address still receives the code and signs in', async () => {
    const { t, browser } = context;
    const { email } = await t.createUser();
    const typed = email.replace(/^p/, 'P').replace('@example.com', '@Example.COM');
    const page = await openSignInPage(browser, t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, typed);
    await typeCode(page, await t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
