import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ SIGN_IN_MODE: 'password-and-code' });
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: t.info.userPoolId,
        userPoolClientId: t.info.userPoolClientId,
        userPoolEndpoint: t.info.cognitoEndpoint,
      },
    },
  });
});
afterAll(() => t?.stop());

describe('aws-amplify v6: CUSTOM_WITH_SRP (password, then email code)', () => {
  it('signs in with password and code and holds verified tokens', async () => {
    const { email, password } = await t.createUser();
    const first = await signIn({ username: email, password, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
    expect(first.isSignedIn).toBe(false);
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
    const second = await confirmSignIn({ challengeResponse: await t.codeFor(email) });
    expect(second).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    const session = await fetchAuthSession();
    const idToken = session.tokens?.idToken?.toString() ?? '';
    expect((await (await t.verifier('id')).verify(idToken)).email).toBe(email);
    const current = await getCurrentUser();
    expect(current.signInDetails?.loginId).toBe(email);
    await signOut();
  });

  it('rejects a wrong password before any code is mailed', async () => {
    const { email } = await t.createUser();
    await expect(
      signIn({ username: email, password: 'Wrong-passw0rd', options: { authFlowType: 'CUSTOM_WITH_SRP' } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await t.emailsTo(email)).toHaveLength(0);
  });

  it('a user with a temporary password (AdminCreateUser) is asked for a new one, then for the code', async () => {
    const { email } = await t.createUserWithTemporaryPassword('Temp-passw0rd');
    const first = await signIn({ username: email, password: 'Temp-passw0rd', options: { authFlowType: 'CUSTOM_WITH_SRP' } });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const second = await confirmSignIn({ challengeResponse: 'Chosen-passw0rd' });
    expect(second.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
    const third = await confirmSignIn({ challengeResponse: await t.codeFor(email) });
    expect(third).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    await signOut();
    // The temporary password is gone.
    await expect(
      signIn({ username: email, password: 'Temp-passw0rd', options: { authFlowType: 'CUSTOM_WITH_SRP' } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
