import { describe, expect, it } from 'vitest';
import {
  PHONE,
  alertText,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  openSignInPage,
  pageUnderTest,
  settled,
  signedInEmail,
  statusText,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('answers paced per account on the sign-in page', () => {
  // A burst of 4 answers, then one every 10 seconds (10 per minute), so the wait is short enough to sit out.
  // Code-only emails (no SIGN_IN_LINK_URL): a live code may be replaced after the resend interval.
  const context = pageUnderTest({ RESEND_INTERVAL_SECONDS: '5', MAX_GUESSES_PER_DAY: '10', GUESS_WINDOW_SECONDS: '60', SIGN_IN_LINK_URL: '' });

  it('a paced answer is refused in words, "Sign in" counts down, and the next answer goes through a new sign-in that says which code works', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    const wrong = wrongCodeFor(await context.t.codeFor(email));
    for (let i = 0; i < 3; i++) await typeCode(page, wrong);
    await expect.poll(() => page.locator('#resend-button').getAttribute('aria-disabled'), { timeout: 20_000 }).toBe('false');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect.poll(async () => (await context.t.emailsTo(email)).length).toBe(2);
    const right = await context.t.codeFor(email);
    // Wrong answers on the new code until the account's pacing refuses one (the burst of 4 is spent).
    for (let i = 0; i < 3 && (await alertText(page)) !== 'Too many sign-in attempts for this account for now.'; i++) {
      await typeCode(page, wrongCodeFor(right));
    }
    expect(await alertText(page)).toBe('Too many sign-in attempts for this account for now.');
    expect(await focusedId(page)).toBe('code');
    const signIn = page.locator('#code-button');
    expect(await signIn.textContent()).toMatch(/^Sign in \(in 0:\d\d\)$/);
    expect(await signIn.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => signIn.getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('false');
    expect(await signIn.textContent()).toBe('Sign in');
    expect(await statusText(page)).toBe('You can try again now.');
    // The pacing wait runs from the first answers on code 1, the resend interval from code 2's email: on a slow
    // machine the wait can end first, and a new sign-in then offers code 2 again (the answer is checked against
    // it). This journey is the other case, so it waits until the page offers a new code too.
    await expect.poll(() => page.locator('#resend-button').getAttribute('aria-disabled'), { timeout: 20_000 }).toBe('false');
    // The refusal ended Cognito's session, and the resend interval has passed: answering starts a new sign-in,
    // which mails a new code, and the page says so instead of spending the typed one as a wrong guess.
    // The refused answer is still in the field, selected: typing the code from the email replaces it.
    expect(await focusedId(page)).toBe('code');
    await page.keyboard.type(right);
    expect(await page.locator('#code').inputValue()).toBe(right);
    await page.keyboard.press('Enter');
    await settled(page);
    const newCode = 'A new code is on its way. Codes in earlier emails no longer work. Nothing after a minute? Check the address and your spam folder, or use another address: some mail servers refuse our emails.|';
    const notSent = "|We couldn't send the email just now. Please try again.";
    const outcome = () => statusText(page).then(async (status) => `${status}|${await alertText(page)}`);
    await expect.poll(outcome, { timeout: 15_000 }).toMatch(/^A new code is on its way|couldn't send the email/);
    if ((await outcome()) === notSent) {
      // Seen once in a full CI run (2 cores, package installs beside Chromium): SES took longer than the trigger's
      // 2.5 s limit and Create failed closed, as it must. The page asks the person to try again; so does this test.
      console.info('answer-pacing: the new code could not be sent under load; pressing Enter again as the page asks');
      await page.keyboard.press('Enter');
      await settled(page);
    }
    await expect.poll(outcome, { timeout: 15_000 }).toBe(newCode);
    expect(await focusedId(page)).toBe('code');
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    await page.context().close();
  });
});
