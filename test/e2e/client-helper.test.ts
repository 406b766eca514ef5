import { Amplify } from 'aws-amplify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SendThrottledError,
  TooManyAttemptsError,
  WrongCodeError,
  WrongPasswordError,
  createEmailCodeSignIn,
} from '../../web/client/index.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

/** The client helper (web/client) on the real Amplify v6 client against the local stack. */
let clock = Date.now();
let t: TestStack;
beforeAll(async () => {
  // MAX_SENDS_PER_HOUR=2 and a clock the test moves, so a refused send comes without waiting.
  t = await startTestStack({ MAX_SENDS_PER_HOUR: '2', SIGN_IN_MODE: 'password-and-code' }, { now: () => clock });
  Amplify.configure({
    Auth: { Cognito: { userPoolId: t.info.userPoolId, userPoolClientId: t.info.userPoolClientId, userPoolEndpoint: t.info.cognitoEndpoint } },
  });
});
afterAll(() => t?.stop());

const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('the client helper returns typed steps and throws typed errors', () => {
  it('password step, then a code step with the masked email; a wrong code is WrongCodeError with attempts left; then signedIn', async () => {
    const { email, password } = await t.createUser();
    const flow = createEmailCodeSignIn({ signInMode: 'password-and-code' });
    expect(await flow.start({ email })).toEqual({ type: 'password' });
    const step = await flow.answer(password);
    expect(step).toMatchObject({ type: 'code', codeLength: 6, attemptsLeft: 3, maskedEmail: expect.stringMatching(/^p\*\*\*@e\*\*\*\.com$/) });
    if (step.type !== 'code') throw new Error('expected a code step');
    expect(step.expiresAt).toBeGreaterThan(clock);
    expect(step.resendAvailableAt).toBeGreaterThan(clock);

    const code = await t.codeFor(email);
    const refused = await flow.answer(wrongFor(code)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WrongCodeError);
    expect((refused as WrongCodeError).attemptsLeft).toBe(2);
    expect(await flow.answer(code)).toEqual({ type: 'signedIn' });
    expect((await flow.signedInUser())?.email).toBe(email);
    await flow.signOut();
    expect(await flow.signedInUser()).toBeUndefined();
  });

  it('a wrong password is WrongPasswordError', async () => {
    const { email } = await t.createUser();
    const flow = createEmailCodeSignIn({ signInMode: 'password-and-code' });
    await expect(flow.start({ email, password: 'Not-the-passw0rd' })).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('after the last wrong code the sign-in is over: TooManyAttemptsError with no step, so the caller starts again', async () => {
    const { email, password } = await t.createUser();
    const flow = createEmailCodeSignIn({ signInMode: 'password-and-code' });
    await flow.start({ email, password });
    const wrong = wrongFor(await t.codeFor(email));
    await expect(flow.answer(wrong)).rejects.toBeInstanceOf(WrongCodeError);
    await expect(flow.answer(wrong)).rejects.toBeInstanceOf(WrongCodeError);
    const last = await flow.answer(wrong).catch((error: unknown) => error);
    expect(last).toBeInstanceOf(TooManyAttemptsError);
    expect((last as TooManyAttemptsError).step).toBeUndefined();
  });

  it('resend is a new sign-in; past the hourly cap it is SendThrottledError with the seconds to wait', async () => {
    const { email, password } = await t.createUser();
    const flow = createEmailCodeSignIn({ signInMode: 'password-and-code' });
    await flow.start({ email, password });
    // Inside the resend interval the code already sent is offered again.
    expect(await flow.resend()).toMatchObject({ type: 'code' });
    expect(await t.emailsTo(email)).toHaveLength(1);
    clock += 61_000;
    expect(await flow.resend()).toMatchObject({ type: 'code' });
    expect(await t.emailsTo(email)).toHaveLength(2);
    // Both codes consumed their send; the code expires, so nothing can be reused.
    clock += 181_000;
    const refused = await flow.resend().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SendThrottledError);
    expect((refused as SendThrottledError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as SendThrottledError).retryAfterSeconds).toBeLessThanOrEqual(3600);
  });
});
