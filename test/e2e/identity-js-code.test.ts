import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
let pool: CognitoUserPool;
beforeAll(async () => {
  t = await startTestStack();
  pool = new CognitoUserPool({ UserPoolId: t.info.userPoolId, ClientId: t.info.userPoolClientId, endpoint: t.info.cognitoEndpoint });
});
afterAll(() => t?.stop());

type Step =
  | { kind: 'challenge'; parameters: Record<string, string> }
  | { kind: 'session'; session: CognitoUserSession }
  | { kind: 'error'; error: Error & { code?: string } };

function callbacks(resolve: (step: Step) => void) {
  return {
    onSuccess: (session: CognitoUserSession) => resolve({ kind: 'session', session }),
    onFailure: (error: Error) => resolve({ kind: 'error', error }),
    customChallenge: (parameters: Record<string, string>) => resolve({ kind: 'challenge', parameters }),
  };
}

/** Passwordless: initiateAuth with CUSTOM_AUTH, answered with sendCustomChallengeAnswer. */
function startPasswordless(user: CognitoUser, email: string): Promise<Step> {
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  return new Promise((resolve) => user.initiateAuth(new AuthenticationDetails({ Username: email }), callbacks(resolve)));
}

const answer = (user: CognitoUser, code: string) =>
  new Promise<Step>((resolve) => user.sendCustomChallengeAnswer(code, callbacks(resolve)));

describe('amazon-cognito-identity-js: passwordless sign-in', () => {
  it('signs in with the mailed code after a wrong one, refreshes, reads attributes and signs out everywhere', async () => {
    const { email } = await t.createUser();
    const user = new CognitoUser({ Username: email, Pool: pool });
    const challenge = await startPasswordless(user, email);
    expect(challenge).toMatchObject({ kind: 'challenge', parameters: { codeLength: '6', attemptsLeft: '3' } });
    const code = await t.codeFor(email);

    const retry = await answer(user, code === '000000' ? '111111' : '000000');
    expect(retry).toMatchObject({ kind: 'challenge', parameters: { attemptsLeft: '2' } });
    const done = await answer(user, code);
    expect(done.kind).toBe('session');
    if (done.kind !== 'session') return;
    expect(done.session.isValid()).toBe(true);
    expect(done.session.getIdToken().decodePayload().email).toBe(email);

    // refreshSession uses InitiateAuth REFRESH_TOKEN_AUTH.
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(done.session.getRefreshToken(), (error: Error | null, session: CognitoUserSession) =>
        error ? reject(error) : resolve(session),
      ),
    );
    expect(refreshed.getAccessToken().getJwtToken()).not.toBe(done.session.getAccessToken().getJwtToken());
    await (await t.verifier('access')).verify(refreshed.getAccessToken().getJwtToken());

    const attributes = await new Promise<Array<{ getName(): string; getValue(): string }>>((resolve, reject) =>
      user.getUserAttributes((error, result) => (error ? reject(error) : resolve(result as never))),
    );
    expect(attributes.find((a) => a.getName() === 'email')?.getValue()).toBe(email);

    await new Promise<void>((resolve, reject) => user.globalSignOut({ onSuccess: () => resolve(), onFailure: reject }));
    // (refreshSession would retry a revoked token for seconds with its built-in backoff; GetUser answers at once.)
    const afterSignOut = await new Promise<Error | undefined>((resolve) =>
      user.getUserAttributes((error) => resolve(error)),
    );
    expect(afterSignOut).toMatchObject({ code: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('reports an unconfirmed user with the error code the client expects', async () => {
    const email = `unconfirmed.${Date.now()}@example.com`;
    await new Promise((resolve, reject) =>
      pool.signUp(email, 'Unconfirmed-passw0rd', [], [], (error, result) => (error ? reject(error) : resolve(result))),
    );
    const step = await startPasswordless(new CognitoUser({ Username: email, Pool: pool }), email);
    expect(step).toMatchObject({ kind: 'error', error: { code: 'UserNotConfirmedException' } });
  });
});
