import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  alertText,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  openLink,
  openSignInPage,
  pageUnderTest,
  screenshot,
  settled,
  signedInEmail,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';
import type { TestStack } from '../helpers/test-stack.ts';

/** A stranger who knows only the address: wrong answers through the SDK until the account is paced. */
async function strangerHammers(t: TestStack, email: string, answers: number): Promise<void> {
  for (let sent = 0; sent < answers; ) {
    const challenge = await t.client.send(
      new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { USERNAME: email } }),
    );
    let session = challenge.Session;
    try {
      while (session && sent < answers) {
        sent += 1;
        const next = await t.client.send(
          new RespondToAuthChallengeCommand({
            ClientId: t.info.userPoolClientId,
            ChallengeName: 'CUSTOM_CHALLENGE',
            Session: session,
            ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: '000000' },
          }),
        );
        session = next.Session;
      }
    } catch {
      // Refused (no tries left, or paced): the stranger starts again.
    }
  }
}

describe.skipIf(!hasChromium)('the sign-in link in the code email', () => {
  const context = pageUnderTest();

  it('opened on another device, one Enter signs in, and the secret leaves the address bar', async () => {
    const { email } = await context.t.createUser();
    const first = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await askForCodeByKeyboard(first, email);
    expect(await first.locator('#code-sent-to').textContent()).toContain('sign-in link');
    const link = await context.t.linkFor(email);
    expect(link.startsWith(`${context.t.info.webUrl}/#email=`)).toBe(true);

    const page = await openLink(context.browser, link);
    expect(page.url()).toBe(`${context.t.info.webUrl}/`);
    expect(await page.locator('#link-email').textContent()).toBe(email);
    await expect.poll(() => focusedId(page)).toBe('link-button');
    await screenshot(page, '9-sign-in-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => signedInEmail(page), { timeout: 30_000 }).toBe(email);
    expect(await page.evaluate(() => location.href)).not.toContain('link=');
    await page.context().close();
    await first.context().close();
  });

  it('while a stranger has spent the code\'s tries and paces the account, the page points to the link, and the link signs in', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const code = await context.t.codeFor(email);
    await strangerHammers(context.t, email, 6);

    await typeCode(page, code); // the right code, typed by its owner: refused while the account is paced
    await expect.poll(() => alertText(page)).toMatch(/link .*(still does|still works)/);
    expect(await context.t.emailsTo(email)).toHaveLength(1);

    const linked = await openLink(context.browser, await context.t.linkFor(email), DESKTOP);
    await linked.keyboard.press('Enter');
    await expect.poll(() => signedInEmail(linked), { timeout: 30_000 }).toBe(email);
    await linked.context().close();
    await page.context().close();
  });

  it('after three wrong codes typed, the page says the link still works, and it does', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await askForCodeByKeyboard(page, email);
    const code = await context.t.codeFor(email);
    for (let i = 0; i < 3; i++) await typeCode(page, wrongCodeFor(code));
    await expect.poll(() => alertText(page)).toBe('Too many wrong codes: this code no longer works, but the link in the same email still does.');
    expect(await page.locator('#code-expiry').textContent()).toBe('This code no longer works, but the sign-in link in the same email does.');
    const linked = await openLink(context.browser, await context.t.linkFor(email), PHONE);
    await linked.keyboard.press('Enter');
    await expect.poll(() => signedInEmail(linked), { timeout: 30_000 }).toBe(email);
    expect(await context.t.emailsTo(email)).toHaveLength(1);
    await linked.context().close();
    await page.context().close();
  });

  it('a crafted link whose "email" is not an address puts nothing on the page: the email step shows', async () => {
    const page = await openSignInPage(
      context.browser,
      `${context.t.info.webUrl}/#email=${encodeURIComponent('Your bank: call 555 0100')}&link=${'A'.repeat(22)}`,
      PHONE,
    );
    expect(await page.locator('#link-form').isHidden()).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain('555');
    await page.context().close();
  });

  it('a link already used says so and goes on with the code step', async () => {
    const { email } = await context.t.createUser();
    const first = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(first, email);
    const link = await context.t.linkFor(email);
    const used = await openLink(context.browser, link);
    await used.keyboard.press('Enter');
    await expect.poll(() => signedInEmail(used), { timeout: 30_000 }).toBe(email);

    const again = await openLink(context.browser, link);
    await again.keyboard.press('Enter');
    await settled(again);
    await expect.poll(() => alertText(again)).toContain('This sign-in link no longer works');
    expect(await again.locator('#code-form').isHidden()).toBe(false);
    // A new code was mailed (the linked one was spent): typed, it signs in.
    await expect.poll(async () => (await context.t.emailsTo(email)).length).toBe(2);
    await typeCode(again, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(again), { timeout: 30_000 }).toBe(email);
    for (const page of [first, used, again]) await page.context().close();
  });
});

describe.skipIf(!hasChromium)('a sign-in link opened after its code expired, while no new email may be sent', () => {
  const context = pageUnderTest({ CODE_TTL_SECONDS: '2', RESEND_INTERVAL_SECONDS: '5' });

  it('says the link no longer works, and "Email me a code" counts down', async () => {
    const { email } = await context.t.createUser();
    // Three emails (the burst), each after the last code expired and the resend interval passed.
    for (let sent = 1; sent <= 3; sent++) {
      await expect
        .poll(
          async () => {
            await context.t.client
              .send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: context.t.info.userPoolClientId, AuthParameters: { USERNAME: email } }))
              .catch(() => undefined);
            return (await context.t.emailsTo(email)).length;
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(sent);
    }
    const link = await context.t.linkFor(email);
    const page = await openLink(context.browser, link);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the link's code expires meanwhile
    await page.keyboard.press('Enter');
    await expect.poll(() => alertText(page)).toBe('This sign-in link no longer works (its code expired or was used), and no new email can be sent yet.');
    expect(await page.locator('#start-form').isHidden()).toBe(false);
    expect(await page.locator('#start-button').getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('#start-button').textContent()).toMatch(/^Email me a code \(in \d+:\d\d\)$/);
    expect(await context.t.emailsTo(email)).toHaveLength(3);
    await page.context().close();
  });
});
