import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ SIGN_IN_MODE: 'password-and-code' });
});
afterAll(() => t?.stop());

function poolOf(stack: TestStack) {
  return new CognitoUserPool({
    UserPoolId: stack.info.userPoolId,
    ClientId: stack.info.userPoolClientId,
    endpoint: stack.info.cognitoEndpoint,
  });
}

type Outcome =
  | { kind: 'challenge'; user: CognitoUser; parameters: Record<string, string> }
  | { kind: 'session'; session: CognitoUserSession }
  | { kind: 'error'; error: Error & { code?: string } };

/** authenticateUser with flow type CUSTOM_AUTH: SRP first, then the custom challenge. */
function signInWithPassword(email: string, password: string): Promise<Outcome> {
  const user = new CognitoUser({ Username: email, Pool: poolOf(t) });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  return new Promise((resolve) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve({ kind: 'session', session }),
      onFailure: (error) => resolve({ kind: 'error', error }),
      customChallenge: (parameters) => resolve({ kind: 'challenge', user, parameters }),
    });
  });
}

function answer(user: CognitoUser, code: string): Promise<Outcome> {
  return new Promise((resolve) => {
    user.sendCustomChallengeAnswer(code, {
      onSuccess: (session) => resolve({ kind: 'session', session }),
      onFailure: (error) => resolve({ kind: 'error', error }),
      customChallenge: (parameters) => resolve({ kind: 'challenge', user, parameters }),
    });
  });
}

describe('amazon-cognito-identity-js: password, then email code', () => {
  it('signs in with the right password and the mailed code; tokens verify', async () => {
    const { email, password } = await t.createUser();
    const first = await signInWithPassword(email, password);
    expect(first.kind).toBe('challenge');
    if (first.kind !== 'challenge') return;
    expect(first.parameters.email).toMatch(/^p\*\*\*@e\*\*\*\.com$/);
    const done = await answer(first.user, await t.codeFor(email));
    expect(done.kind).toBe('session');
    if (done.kind !== 'session') return;
    const idToken = done.session.getIdToken().getJwtToken();
    const payload = await (await t.verifier('id')).verify(idToken);
    expect(payload.email).toBe(email);
  });

  it('a wrong password fails with NotAuthorizedException and mails nothing', async () => {
    const { email } = await t.createUser();
    const result = await signInWithPassword(email, 'Wrong-passw0rd');
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('NotAuthorizedException');
    expect(result.error.message).toBe('Incorrect username or password.');
    expect(await t.emailsTo(email)).toHaveLength(0);
  });

  it('an unknown user fails the same way as a wrong password', async () => {
    const result = await signInWithPassword('nobody.here@example.com', 'Any-passw0rd');
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('NotAuthorizedException');
    expect(result.error.message).toBe('Incorrect username or password.');
  });
});
