// The page on a case-sensitive pool: an address typed with other capitals still gets its code and signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, askForCodeByKeyboard, hasChromium, launchBrowser, openSignInPage, signedInEmail, typeCode } from '../helpers/browser.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

describe.skipIf(!hasChromium)('the sign-in page on a case-sensitive pool', () => {
  let t: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestStack({}, { web: true, signInCaseSensitive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('typed with capitals, the address still receives the code and signs in', async () => {
    const { email } = await t.createUser();
    const typed = email.replace(/^p/, 'P').replace('@example.com', '@Example.COM');
    const page = await openSignInPage(browser, t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, typed);
    await typeCode(page, await t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
