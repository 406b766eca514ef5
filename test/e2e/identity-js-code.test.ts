import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';
import { readSignInLink } from '../../web/client/sign-in-link.ts';

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

describe('amazon-cognito-identity-js: the email\'s sign-in link', () => {
  let linked: TestStack;
  let linkedPool: CognitoUserPool;
  beforeAll(async () => {
    linked = await startTestStack({ SIGN_IN_LINK_URL: 'http://127.0.0.1:5173/' });
    linkedPool = new CognitoUserPool({ UserPoolId: linked.info.userPoolId, ClientId: linked.info.userPoolClientId, endpoint: linked.info.cognitoEndpoint });
  });
  afterAll(() => linked?.stop());

  it('is answered like a code: readSignInLink on the page, start for its address, answer its secret; once only', async () => {
    const { email } = await linked.createUser();
    const first = new CognitoUser({ Username: email, Pool: linkedPool });
    expect(await startPasswordless(first, email)).toMatchObject({ kind: 'challenge', parameters: { signInLink: 'true' } });
    const link = readSignInLink(await linked.linkFor(email))!;
    expect(link.email).toBe(email);

    // Opened later, in another browser: a new sign-in is given the same code, and the secret signs in.
    const opened = new CognitoUser({ Username: link.email, Pool: linkedPool });
    await startPasswordless(opened, link.email);
    expect(await linked.emailsTo(email)).toHaveLength(1);
    const done = await answer(opened, link.secret);
    expect(done.kind).toBe('session');
    if (done.kind === 'session') expect(done.session.getIdToken().decodePayload().email).toBe(email);

    // The code is spent: the first sign-in's session cannot use the link again.
    expect((await answer(first, link.secret)).kind).not.toBe('session');
  });
});
