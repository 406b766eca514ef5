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
  screenshot,
  settled,
  signedInEmail,
  statusText,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page (passwordless) in headless Chromium, keyboard only', () => {
  const context = pageUnderTest();

  it('email -> code -> signed in, focus on the main action of each step; sign out and straight back in mails a new code', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await screenshot(page, '1-email');
    await askForCodeByKeyboard(page, email);

    expect(await page.locator('#code-sent-to').textContent()).toMatch(/^We sent a 6-digit code to p\*\*\*@e\*\*\*\.com\. The same email has a sign-in link you can open instead\.$/);
    expect(await page.locator('#code-expiry').textContent()).toMatch(/^The code expires in [23]:\d\d\.$/);
    expect(await page.locator('#resend-button').textContent()).toMatch(/^Send a new code \(in \d:\d\d\)$/);
    expect(await page.locator('#resend-button').getAttribute('aria-disabled')).toBe('true');
    const field = page.getByLabel('Sign-in code');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    await screenshot(page, '2-code');

    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    expect(await page.locator('#claims').textContent()).toContain('token_use');
    expect(await focusedId(page)).toBe('sign-out-button');
    await screenshot(page, '3-signed-in');

    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('You are signed out.');
    // The address is kept and the main action has focus: Enter signs straight back in with a new email.
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    expect(await focusedId(page)).toBe('start-button');
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor();
    await settled(page);
    expect(await alertText(page)).toBe('');
    expect(await context.t.emailsTo(email)).toHaveLength(2);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });

  it('with JavaScript turned off, the page says what it needs instead of showing an empty card', async () => {
    const browserContext = await context.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await page.goto(context.t.info.webUrl);
    // innerText is the text as rendered (Playwright's isVisible does not look inside <noscript>).
    const needsScript = 'This page needs JavaScript to sign you in: turn it on for this site and reload.';
    expect(await page.locator('main').innerText()).toBe(`Sign in\n\n${needsScript}`);
    await browserContext.close();
    // With JavaScript, nobody sees it.
    const working = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    expect(await working.locator('main').innerText()).not.toContain(needsScript);
    await working.context().close();
  });

  it('a wrong code shows the attempts left and keeps focus in the field; the right code then signs in', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await askForCodeByKeyboard(page, email);
    const right = await context.t.codeFor(email);
    await typeCode(page, wrongCodeFor(right));
    await expect.poll(() => alertText(page)).toBe('That code is wrong. 2 attempts left.');
    expect(await page.locator('#code-attempts').textContent()).toBe('2 attempts left for this code.');
    expect(await focusedId(page)).toBe('code');
    await screenshot(page, '4-wrong-code');
    await typeCode(page, right);
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });

  it('announces only what matters: no live <main>, countdowns outside the live regions', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const live = await page.evaluate(() => ({
      mainLive: document.querySelector('main')!.hasAttribute('aria-live'),
      liveRegions: [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')].map((e) => e.id),
      countdownsInLiveRegions: ['code-expiry', 'resend-button', 'start-button', 'code-button'].filter((id) =>
        document.getElementById(id)!.closest('[aria-live], [role=status], [role=alert]'),
      ),
    }));
    expect(live).toEqual({ mainLive: false, liveRegions: ['status', 'error'], countdownsInLiveRegions: [] });
    await page.context().close();
  });

  it('says when the sign-in service cannot be reached, and Enter tries again', async () => {
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await page.route(`${context.t.info.cognitoEndpoint}/**`, (route) => route.abort('connectionrefused'));
    await page.keyboard.type('someone@example.com');
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).toBe("Can't reach the sign-in service. Check your connection and try again.");
    expect(await focusedId(page)).toBe('email');
    await page.context().close();
  });
});
