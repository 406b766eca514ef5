import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  alertText,
  askForCodeByKeyboard,
  hasChromium,
  openLink,
  openSignInPage,
  pageUnderTest,
  settled,
  signedInEmail,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what axe-core can check in a rendered page. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's findings on the page as it is now, one line each: rule, what it asks, the elements that break it. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!hasChromium)('the sign-in page meets WCAG 2.2 AA as axe-core checks it, in every state', () => {
  const context = pageUnderTest();

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('(%s) the email step, the code step, a refused code and the signed-in view', async (_name, viewport) => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, viewport);
    expect(await accessibilityViolations(page)).toEqual([]);

    await askForCodeByKeyboard(page, email);
    expect(await accessibilityViolations(page)).toEqual([]);

    const right = await context.t.codeFor(email);
    await typeCode(page, wrongCodeFor(right));
    await expect.poll(() => alertText(page)).toBe('That code is wrong. 2 attempts left.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await typeCode(page, right);
    await expect.poll(() => signedInEmail(page)).toBe(email);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('after three wrong codes, with the field disabled and the way forward offered', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const wrong = wrongCodeFor(await context.t.codeFor(email));
    for (let i = 0; i < 3; i++) await typeCode(page, wrong);
    await expect.poll(() => alertText(page)).toMatch(/^Too many wrong codes: this code no longer works/);
    expect(await page.getByLabel('Sign-in code').isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("the sign-in link's confirmation", async () => {
    const { email } = await context.t.createUser();
    const asking = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(asking, email);
    const link = await context.t.linkFor(email);
    await asking.context().close();

    const page = await openLink(context.browser, link);
    await settled(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!hasChromium)('the password-and-code page meets WCAG 2.2 AA as axe-core checks it', () => {
  const context = pageUnderTest({ SIGN_IN_MODE: 'password-and-code' });

  it('the email-and-password step and a refused password', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('Wrong-h0rse');
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).not.toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
