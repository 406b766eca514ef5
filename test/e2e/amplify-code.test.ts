import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
  Amplify.configure({
    Auth: {
      Cognito: { userPoolId: t.info.userPoolId, userPoolClientId: t.info.userPoolClientId, userPoolEndpoint: t.info.cognitoEndpoint },
    },
  });
});
afterAll(() => t?.stop());

/** Records which user-pool operations the client called. */
function spyOperations(...names: string[]) {
  const operations = t.stack.pool.operations as Record<string, (body: any) => Promise<any>>;
  return Object.fromEntries(names.map((name) => [name, vi.spyOn(operations, name)]));
}

describe('aws-amplify v6: CUSTOM_WITHOUT_SRP (email code only)', () => {
  it('signs in after a wrong code, refreshes with GetTokensFromRefreshToken, reads the user and signs out', async () => {
    const { email } = await t.createUser();
    const first = await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    expect(first.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
      additionalInfo: { codeLength: '6', attemptsLeft: '3', email: expect.stringMatching(/\*\*\*/) },
    });
    const code = await t.codeFor(email);
    const wrong = await confirmSignIn({ challengeResponse: code === '000000' ? '111111' : '000000' });
    expect(wrong.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { attemptsLeft: '2' } });
    expect(await confirmSignIn({ challengeResponse: code })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    const user = await getCurrentUser();
    const session = await fetchAuthSession();
    expect(user.userId).toBe(session.tokens?.idToken?.payload.sub);
    expect((await fetchUserAttributes()).email).toBe(email);

    const spies = spyOperations('GetTokensFromRefreshToken', 'InitiateAuth', 'RevokeToken', 'GlobalSignOut');
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    expect(spies.GetTokensFromRefreshToken!.mock.calls.length + spies.InitiateAuth!.mock.calls.length).toBe(1);
    const before = decodeJwt(session.tokens!.accessToken.toString());
    const after = decodeJwt(refreshed.tokens!.accessToken.toString());
    expect(after.jti).not.toBe(before.jti);
    expect(after.origin_jti).toBe(before.origin_jti);

    await signOut();
    // The access token carries origin_jti, so Amplify revokes the refresh token.
    expect(spies.RevokeToken).toHaveBeenCalledTimes(1);
    await expect(t.client.send(new (await import('@aws-sdk/client-cognito-identity-provider')).GetUserCommand({
      AccessToken: refreshed.tokens!.accessToken.toString(),
    }))).rejects.toMatchObject({ message: 'Access Token has been revoked' });
    vi.restoreAllMocks();
  });

  it('after MAX_ATTEMPTS wrong codes the sign-in fails with NotAuthorizedException', async () => {
    const { email } = await t.createUser();
    await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    const code = await t.codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    await confirmSignIn({ challengeResponse: wrong });
    await confirmSignIn({ challengeResponse: wrong });
    await expect(confirmSignIn({ challengeResponse: wrong })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('a second sign-in inside the resend interval reuses the code already in the inbox', async () => {
    const { email } = await t.createUser();
    await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    // A reload: the page starts over with signIn.
    await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    expect(await t.emailsTo(email)).toHaveLength(1);
    expect(await confirmSignIn({ challengeResponse: await t.codeFor(email) })).toMatchObject({ isSignedIn: true });
    await signOut();
  });
});
