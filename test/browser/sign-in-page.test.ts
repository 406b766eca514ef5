import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pageUnderTest, screenshot } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the sign-in page (passwordless) in headless Chromium', () => {
  const context = pageUnderTest();

  async function openPage(width = 390): Promise<Page> {
    const browserContext = await context.browser.newContext({ viewport: { width, height: 780 } });
    const page = await browserContext.newPage();
    await page.goto(context.t.info.webUrl);
    await page.getByLabel('Email address').waitFor();
    return page;
  }

  it('email -> code from the mailbox -> signed in, with the claims shown, then sign out', async () => {
    const { email } = await context.t.createUser();
    const page = await openPage();
    await screenshot(page, '1-email');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();

    await expect.poll(() => page.getByLabel('Sign-in code').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#code-sent-to').textContent()).toMatch(/We sent a 6-digit code to p\*\*\*@e\*\*\*\.com\./);
    await expect.poll(() => page.locator('#code-expiry').textContent()).toMatch(/The code expires in [23]:\d\d\./);
    expect(await page.getByRole('button', { name: /Send a new code \(in \d:\d\d\)/ }).isDisabled()).toBe(true);
    const code = page.getByLabel('Sign-in code');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await screenshot(page, '2-code');

    await code.fill(await context.t.codeFor(email));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#signed-in-email').textContent()).toBe(email);
    expect(await page.locator('#claims').textContent()).toContain('token_use');
    expect(await page.locator('#token-validity').textContent()).toMatch(/ID token valid until/);
    await screenshot(page, '3-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('You are signed out.');
    await page.context().close();
  });

  it('a wrong code shows attempts left, then the right code signs in', async () => {
    const { email } = await context.t.createUser();
    const page = await openPage();
    await page.getByLabel('Email address').fill(email);
    await page.keyboard.press('Enter');
    await page.getByLabel('Sign-in code').waitFor();
    const right = await context.t.codeFor(email);
    await page.getByLabel('Sign-in code').fill(right === '000000' ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That code is wrong. 2 attempts left.');
    await screenshot(page, '4-wrong-code');
    await page.getByLabel('Sign-in code').fill(right);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#signed-in-email').textContent()).toBe(email);
    await page.context().close();
  });

  it('pasting the whole code signs in; a reload offers "I already have a code" and that code still works', async () => {
    const { email } = await context.t.createUser();
    const page = await openPage(1024);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByLabel('Sign-in code').waitFor();
    await page.reload();
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'I already have a code' }).click();
    await page.getByLabel('Sign-in code').waitFor();
    expect(await context.t.emailsTo(email)).toHaveLength(1);

    const code = await context.t.codeFor(email);
    await page.getByLabel('Sign-in code').focus();
    await page.evaluate((text) => {
      const input = document.getElementById('code') as HTMLInputElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      input.value = text;
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, ` ${code} `);
    await expect.poll(() => page.locator('#signed-in-email').textContent()).toBe(email);
    await page.context().close();
  });

  it('explains a refused email in words, never a raw error', async () => {
    const { email } = await context.t.createUser();
    const page = await openPage();
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByLabel('Sign-in code').waitFor();
    // Use up the code, so there is nothing to reuse inside the resend interval.
    const wrong = (await context.t.codeFor(email)) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Sign-in code').fill(wrong);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Too many wrong codes. Start again to get a new code.');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(
      /^Too many emails were sent to this address\. Try again in \d+ seconds\.$/,
    );
    expect(await page.locator('#status').textContent()).toBe('');
    await screenshot(page, '5-too-many-emails');
    await page.context().close();
  });

  it('says when the sign-in service cannot be reached', async () => {
    const page = await openPage();
    await page.route(`${context.t.info.cognitoEndpoint}/**`, (route) => route.abort('connectionrefused'));
    await page.getByLabel('Email address').fill('someone@example.com');
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(
      "Can't reach the sign-in service. Check your connection and try again.",
    );
    await page.context().close();
  });
});
