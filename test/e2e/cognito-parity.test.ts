import { AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito, startTestStack, type TestStack } from '../helpers/test-stack.ts';

/** Behaviours that used to differ from Cognito's (issue 11), each through a real client or the wire. */

function stackFor(triggerEnv: Record<string, string>, options: Parameters<typeof startTestStack>[1] = {}) {
  const context = {} as { t: TestStack };
  beforeAll(async () => {
    context.t = await startTestStack(triggerEnv, options);
  });
  afterAll(() => context.t?.stop());
  return context;
}

describe('the optional triggers run, as the construct wires them', () => {
  const s = stackFor({}, { autoConfirmSignUp: true, markEmailVerified: true });

  it('pre sign-up confirms a self sign-up; post authentication marks the email verified after the first code', async () => {
    const { t } = s;
    const email = `self.${Date.now()}@example.com`;
    const signUp = await t.client.send(
      new SignUpCommand({ ClientId: t.info.userPoolClientId, Username: email, Password: 'Sign-up-passw0rd', UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    expect(signUp.UserConfirmed).toBe(true);
    const before = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    expect(before.UserStatus).toBe('CONFIRMED');
    expect(before.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'false' });

    const tokens = await t.signIn(email);
    const after = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    expect(after.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    expect((await (await t.verifier('id')).verify(tokens.IdToken!)).email_verified).toBe(true);
  });
});

describe('password-and-code: a user with a temporary password sets a new one first', () => {
  const s = stackFor({ SIGN_IN_MODE: 'password-and-code' });

  it('amazon-cognito-identity-js gets NEW_PASSWORD_REQUIRED after the password step, then the code', async () => {
    const { t } = s;
    const { email } = await t.createUserWithTemporaryPassword('Temp-passw0rd');
    const pool = new CognitoUserPool({ UserPoolId: t.info.userPoolId, ClientId: t.info.userPoolClientId, endpoint: t.info.cognitoEndpoint });
    const user = new CognitoUser({ Username: email, Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const steps: string[] = [];
    const session = await new Promise<unknown>((resolve, reject) => {
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        newPasswordRequired: (userAttributes: Record<string, string>) => {
          steps.push('new password');
          expect(userAttributes.email).toBe(email);
          user.completeNewPasswordChallenge('Chosen-passw0rd', {}, callbacks);
        },
        customChallenge: () => {
          steps.push('code');
          t.codeFor(email).then((code) => user.sendCustomChallengeAnswer(code, callbacks), reject);
        },
      };
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: 'Temp-passw0rd' }), callbacks);
    });
    expect(session).toBeDefined();
    expect(steps).toEqual(['new password', 'code']);
    const after = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    expect(after.UserStatus).toBe('CONFIRMED');
  });
});

describe('sessions and unknown users', () => {
  const s = stackFor({});
  const call = (operation: string, body: unknown) => callCognito(s.t.info.cognitoEndpoint, operation, body);
  const initiate = (username: string) =>
    call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: s.t.info.userPoolClientId, AuthParameters: { USERNAME: username } });
  const respond = (session: string, username: string, answer: string) =>
    call('RespondToAuthChallenge', {
      ClientId: s.t.info.userPoolClientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: session,
      ChallengeResponses: { USERNAME: username, ANSWER: answer },
    });

  it('a Session presented for another user is refused without being used up', async () => {
    const { t } = s;
    const { email } = await t.createUser();
    const other = await t.createUser();
    const { body: challenge } = await initiate(email);
    const code = await t.codeFor(email);
    const wrongUser = await respond(challenge.Session, other.email, code);
    expect(wrongUser.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    const ok = await respond(challenge.Session, challenge.ChallengeParameters.USERNAME, code);
    expect(ok.body.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('USERNAME in the challenge is UUID-shaped for known and unknown users alike, and stable for a name', async () => {
    const { t } = s;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const { email } = await t.createUser();
    const known = (await initiate(email)).body;
    const unknown = (await initiate('ghost.user@example.com')).body;
    expect(known.ChallengeParameters.USERNAME).toMatch(uuid);
    expect(unknown.ChallengeParameters.USERNAME).toMatch(uuid);
    expect(Object.keys(unknown.ChallengeParameters).sort()).toEqual(Object.keys(known.ChallengeParameters).sort());
    expect((await initiate('Ghost.User@example.com')).body.ChallengeParameters.USERNAME).toBe(unknown.ChallengeParameters.USERNAME);
    // Answering with it fails like any wrong code, not as a bad session.
    const answered = await respond(unknown.Session, unknown.ChallengeParameters.USERNAME, '000000');
    expect(answered.status).toBe(200);
    expect(answered.body.ChallengeName).toBe('CUSTOM_CHALLENGE');
  });
});
