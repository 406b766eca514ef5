import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeRound, createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { userItemKey } from '../../triggers/contracts/table-item.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

describe('Create issues a code, mails it through SES and returns Cognito-shaped parameters', () => {
  it('mails a 6-digit code in a text and an HTML part and returns only string parameters', async () => {
    const t = await triggersOn(aws, { APP_NAME: 'Acme' });
    const user = newUser();
    const before = Date.now();
    const { response } = await t.create(createEvent(user));

    const [mail, ...more] = await t.emailsTo(user.email);
    expect(more).toHaveLength(0);
    expect(mail!.from).toBe('no-reply@example.com');
    expect(mail!.subject).toBe('Sign-in code for Acme');
    const code = await t.codeFor(user.email);
    expect(code).toMatch(/^\d{6}$/);
    expect(mail!.body.html).toContain(code);

    expect(response.challengeMetadata).toBe('EMAIL_CODE');
    const pub = response.publicChallengeParameters;
    expect(Object.keys(pub).sort()).toEqual(['attemptsLeft', 'codeLength', 'email', 'expiresAt', 'resendAvailableAt', 'signInLink']);
    for (const value of [...Object.values(pub), ...Object.values(response.privateChallengeParameters)]) {
      expect(typeof value).toBe('string');
    }
    expect(pub.email).toMatch(/^u\*\*\*@e\*\*\*\.com$/);
    expect(pub.codeLength).toBe('6');
    expect(pub.attemptsLeft).toBe('3');
    expect(Number(pub.expiresAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) + 179);
    // A link is not replaced while it works: the next email waits for the code's expiry, not only the interval.
    // (the expiry rounded up, where expiresAt is rounded down: never earlier than the code really expires)
    expect(Number(pub.resendAvailableAt) - Number(pub.expiresAt)).toBeGreaterThanOrEqual(0);
    expect(Number(pub.resendAvailableAt) - Number(pub.expiresAt)).toBeLessThanOrEqual(1);
    expect(pub.signInLink).toBe('true');
    const secret = await t.linkSecretFor(user.email);
    expect(mail!.body.text).toContain(`http://127.0.0.1:5173/#email=${encodeURIComponent(user.email)}&link=${secret}`);
    expect(mail!.body.html).toContain(`href="http://127.0.0.1:5173/#email=${encodeURIComponent(user.email)}&amp;link=${secret}"`);
    expect(JSON.stringify(response)).not.toContain(code);
    expect(JSON.stringify(response)).not.toContain(secret);
  });

  it('fills custom email templates (EMAIL_SUBJECT, EMAIL_TEXT_TEMPLATE, EMAIL_HTML_TEMPLATE)', async () => {
    const t = await triggersOn(aws, {
      SIGN_IN_LINK_URL: '',
      APP_NAME: 'Acme & Co',
      CODE_TTL_SECONDS: '600',
      EMAIL_SUBJECT: '{{appName}} sign-in',
      EMAIL_TEXT_TEMPLATE: 'Use {{code}} within {{minutes}}.',
      EMAIL_HTML_TEMPLATE: '<p>Use <b>{{code}}</b> for {{appName}}</p>',
    });
    const user = newUser();
    await t.create(createEvent(user));
    const [mail] = await t.emailsTo(user.email);
    const code = /^Use (\d{6}) within 10 minutes\.$/.exec(mail!.body.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect(mail!.subject).toBe('Acme & Co sign-in');
    expect(mail!.body.html).toBe(`<p>Use <b><span data-sign-in-code>${code}</span></b> for Acme &amp; Co</p>`);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
  });

  it('honours CODE_LENGTH', async () => {
    const t = await triggersOn(aws, { CODE_LENGTH: '8' });
    const user = newUser();
    await t.create(createEvent(user));
    expect(await t.codeFor(user.email)).toMatch(/^\d{8}$/);
  });

  it('stores only a keyed hash of the code', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const state = await t.store.read(userItemKey(user.userName));
    expect(JSON.stringify(state)).not.toContain(code);
    expect(state.code?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(state.code?.keyId).toBe('local1');
  });
});

describe('Verify accepts the mailed code once', () => {
  it('accepts the right code and consumes it: replay fails', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
  });

  it('accepts a pasted code with surrounding white space', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    expect((await t.verify(verifyEvent(user, ` ${code}\n`))).response.answerCorrect).toBe(true);
  });

  it('rejects a wrong code, then accepts the right one within MAX_ATTEMPTS', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const wrong = code === '000000' ? '000001' : '000000';
    expect((await t.verify(verifyEvent(user, wrong))).response.answerCorrect).toBe(false);
    const retry = await t.create(createEvent(user, [codeRound(false)]));
    expect(retry.response.publicChallengeParameters.attemptsLeft).toBe('2');
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
  });

  it('a retry round inside one session never mails again', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    await t.verify(verifyEvent(user, '000000'));
    await t.create(createEvent(user, [codeRound(false)]));
    await t.create(createEvent(user, [codeRound(false), codeRound(false)]));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
  });
});
