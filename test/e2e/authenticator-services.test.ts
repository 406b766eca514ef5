/** authenticatorServices() called as Amplify UI's Authenticator calls it, on the real Amplify v6 client and the local stack. */
import { AdminConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { fetchUserAttributes, signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authenticatorServices,
  AuthenticatorSignInError,
  signInWithLink,
  takeSignInLink,
} from '../../web/client/authenticator.ts';
import { CodeExpiredError, TooManyAttemptsError, WrongCodeError } from '../../web/client/index.ts';
import { wrongFor } from '../helpers/test-clock.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let clock = 0;
const now = () => Date.now() + clock;
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(
    { CODE_TTL_SECONDS: '60', RESEND_INTERVAL_SECONDS: '30', SIGN_IN_LINK_URL: 'http://localhost:3000/' },
    { now, markEmailVerified: true },
  );
  Amplify.configure({
    Auth: { Cognito: { userPoolId: t.info.userPoolId, userPoolClientId: t.info.userPoolClientId, userPoolEndpoint: t.info.cognitoEndpoint } },
  });
});
afterAll(() => t?.stop());

/** The Authenticator's passwordless sign-in and its "Resend Code" both call handleSignIn like this. */
const userAuth = (username: string) => ({ username, options: { authFlowType: 'USER_AUTH' as const, preferredChallenge: 'EMAIL_OTP' as const } });

/** A self-signed-up user, confirmed by an administrator: email_verified is still false. */
async function unverifiedUser(): Promise<string> {
  const email = `unverified.${Date.now().toString(36)}@example.com`;
  await t.client.send(new SignUpCommand({ ClientId: t.info.userPoolClientId, Username: email, Password: 'Correct-h0rse', UserAttributes: [{ Name: 'email', Value: email }] }));
  await t.client.send(new AdminConfirmSignUpCommand({ UserPoolId: t.info.userPoolId, Username: email }));
  return email;
}

async function rejection(promise: Promise<unknown>): Promise<AuthenticatorSignInError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticatorSignInError);
  // Never Cognito's own text.
  expect((error as Error).message).not.toMatch(/failed with error|Exception|UserLambdaValidation/);
  return error as AuthenticatorSignInError;
}

describe('authenticatorServices on Amplify v6', () => {
  it('presents the code as CONFIRM_SIGN_IN_WITH_EMAIL_CODE; a wrong code is a sentence with the attempts left; Resend reuses; the code signs in; email_verified is set', async () => {
    const email = await unverifiedUser();
    const services = authenticatorServices({ now });
    expect(await services.handleSignIn(userAuth(email))).toEqual({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: expect.stringMatching(/^u\*\*\*@e\*\*\*\.com$/), attributeName: 'email' },
      },
    });
    const code = await t.codeFor(email);
    const wrong = await rejection(services.handleConfirmSignIn({ challengeResponse: wrongFor(code) }));
    expect(wrong.message).toBe('That code is wrong. 2 attempts left.');
    expect(wrong.cause).toBeInstanceOf(WrongCodeError);

    // Resend Code inside the resend interval: the code already mailed is offered again.
    expect((await services.handleSignIn(userAuth(email))).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    expect(await t.emailsTo(email)).toHaveLength(1);
    expect(await services.handleConfirmSignIn({ challengeResponse: code })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    // What the Authenticator reads to decide on its "verify your contact information" detour.
    expect((await fetchUserAttributes()).email_verified).toBe('true');
    await signOut();

    // Straight back in: the used code is spent, a new one is mailed at once.
    await services.handleSignIn(userAuth(email));
    expect(await t.emailsTo(email)).toHaveLength(2);
    expect(await services.handleConfirmSignIn({ challengeResponse: await t.codeFor(email) })).toMatchObject({ isSignedIn: true });
    await signOut();
  });

  it('too many wrong codes, then Resend Code says how long to wait, and after the wait the newest code works', async () => {
    const { email } = await t.createUser();
    const services = authenticatorServices({ now });
    await services.handleSignIn(userAuth(email));
    const code = await t.codeFor(email);
    await rejection(services.handleConfirmSignIn({ challengeResponse: wrongFor(code) }));
    expect((await rejection(services.handleConfirmSignIn({ challengeResponse: wrongFor(code) }))).message).toBe('That code is wrong. 1 attempt left.');
    const spent = await rejection(services.handleConfirmSignIn({ challengeResponse: wrongFor(code) }));
    expect(spent.cause).toBeInstanceOf(TooManyAttemptsError);
    expect(spent.message).toMatch(
      /^Too many wrong codes: this code no longer works, but the link in the same email still does\. Try again in \d+ seconds? for a new code\.$/,
    );

    // Resend Code while the spent code's link still works: the same code comes back for its link, not one to type.
    const wait = await rejection(services.handleSignIn(userAuth(email)));
    expect(wait.cause).toBeInstanceOf(TooManyAttemptsError);
    const seconds = Number(/Try again in (\d+) seconds?/.exec(wait.message)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(61);
    expect(await t.emailsTo(email)).toHaveLength(1);

    clock += seconds * 1000;
    await services.handleSignIn(userAuth(email));
    expect(await t.emailsTo(email)).toHaveLength(2);
    expect(await services.handleConfirmSignIn({ challengeResponse: await t.codeFor(email) })).toMatchObject({ isSignedIn: true });
    await signOut();
  });

  it('an expired code says so and Resend Code mails a new one', async () => {
    const { email } = await t.createUser();
    const services = authenticatorServices({ now });
    await services.handleSignIn(userAuth(email));
    const code = await t.codeFor(email);
    clock += 61_000;
    const expired = await rejection(services.handleConfirmSignIn({ challengeResponse: code }));
    expect(expired.cause).toBeInstanceOf(CodeExpiredError);
    expect(expired.message).toBe('This code has expired. Choose Resend Code for a new one.');
    await services.handleSignIn(userAuth(email));
    expect(await t.emailsTo(email)).toHaveLength(2);
    expect(await services.handleConfirmSignIn({ challengeResponse: await t.codeFor(email) })).toMatchObject({ isSignedIn: true });
    await signOut();
  });

  it('the email link: takeSignInLink reads it, signInWithLink signs in; a used link is a sentence', async () => {
    const { email } = await t.createUser();
    await authenticatorServices({ now }).handleSignIn(userAuth(email));
    const link = takeSignInLink(await t.linkFor(email));
    expect(link?.email).toBe(email);
    await signInWithLink(link!);
    expect((await fetchUserAttributes()).email).toBe(email);
    // Signed in already: the link is left alone.
    await signInWithLink(link!);
    await signOut();

    const used = await rejection(signInWithLink(link!));
    expect(used.message).toMatch(/^This sign-in link no longer works/);
  });
});
