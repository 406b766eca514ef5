import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeProtectedHeader, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
let clock = 0;
beforeAll(async () => {
  t = await startTestStack({ CODE_TTL_SECONDS: '60' }, { now: () => Date.now() + clock });
});
afterAll(() => t?.stop());

const start = (username: string) =>
  t.client.send(
    new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { USERNAME: username } }),
  );
const respond = (session: string | undefined, username: string, answer: string) =>
  t.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: t.info.userPoolClientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: session,
      ChallengeResponses: { USERNAME: username, ANSWER: answer },
    }),
  );

async function signIn(email: string): Promise<AuthenticationResultType> {
  const challenge = await start(email);
  const result = await respond(challenge.Session, challenge.ChallengeParameters!.USERNAME!, await t.codeFor(email));
  return result.AuthenticationResult!;
}

const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('@aws-sdk/client-cognito-identity-provider: passwordless sign-in', () => {
  it('returns CUSTOM_CHALLENGE with the public parameters and USERNAME, then tokens for the mailed code', async () => {
    const { email } = await t.createUser();
    const challenge = await start(email);
    expect(challenge.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(challenge.AuthenticationResult).toBeUndefined();
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    expect(challenge.ChallengeParameters).toMatchObject({ USERNAME: user.Username, codeLength: '6', attemptsLeft: '3' });

    const result = await respond(challenge.Session, user.Username!, await t.codeFor(email));
    expect(result.ChallengeName).toBeUndefined();
    expect(result.ChallengeParameters).toEqual({});
    expect(result.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(result.AuthenticationResult?.RefreshToken).toEqual(expect.any(String));
  });

  it('issues Cognito-shaped RS256 tokens, each kind with its own key, verifiable with aws-jwt-verify', async () => {
    const { email } = await t.createUser();
    const tokens = await signIn(email);
    const idHeader = decodeProtectedHeader(tokens.IdToken!);
    const accessHeader = decodeProtectedHeader(tokens.AccessToken!);
    expect(idHeader.alg).toBe('RS256');
    expect(accessHeader.alg).toBe('RS256');
    expect(idHeader.kid).not.toBe(accessHeader.kid);
    const jwks = await (await fetch(`${t.info.issuer}/.well-known/jwks.json`)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid).sort()).toEqual([idHeader.kid, accessHeader.kid].sort());
    for (const key of jwks.keys) expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', n: expect.any(String), e: 'AQAB' });

    const id = await (await t.verifier('id')).verify(tokens.IdToken!);
    const access = await (await t.verifier('access')).verify(tokens.AccessToken!);
    const username = (await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }))).Username;
    expect(id).toMatchObject({
      sub: username,
      iss: t.info.issuer,
      aud: t.info.userPoolClientId,
      token_use: 'id',
      'cognito:username': username,
      email,
      email_verified: true,
    });
    expect(access).toMatchObject({
      sub: username,
      iss: t.info.issuer,
      client_id: t.info.userPoolClientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username,
    });
    for (const claims of [id, access]) {
      expect(claims).toMatchObject({ auth_time: expect.any(Number), iat: expect.any(Number), exp: expect.any(Number) });
      expect(claims.exp! - claims.iat!).toBe(3600);
      expect(claims.jti).toEqual(expect.any(String));
    }
    expect(id.jti).not.toBe(access.jti);
    expect(id.origin_jti).toBe(access.origin_jti);
    expect(id.event_id).toBe(access.event_id);
  });

  it('refreshes with REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken, keeping auth_time and origin_jti', async () => {
    const { email } = await t.createUser();
    const tokens = await signIn(email);
    const original = decodeJwt(tokens.IdToken!);
    // Minutes later, so that the sign-in's time and the refresh's differ.
    clock += 120_000;
    const viaInitiate = await t.client.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: t.info.userPoolClientId,
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
    );
    expect(viaInitiate.AuthenticationResult?.RefreshToken).toBeUndefined();
    const viaGetTokens = await t.client.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: t.info.userPoolClientId, RefreshToken: tokens.RefreshToken! }),
    );
    for (const result of [viaInitiate.AuthenticationResult!, viaGetTokens.AuthenticationResult!]) {
      const refreshed = await (await t.verifier('id')).verify(result.IdToken!);
      expect(refreshed.jti).not.toBe(original.jti);
      expect(refreshed.auth_time).toBe(original.auth_time);
      expect(refreshed.iat).toBeGreaterThanOrEqual(original.iat! + 120);
      expect(refreshed.origin_jti).toBe(original.origin_jti);
      const access = decodeJwt(result.AccessToken!);
      expect(access.auth_time).toBe(original.auth_time);
      expect(access.iat).toBeGreaterThanOrEqual(original.iat! + 120);
    }
  });

  it('GetUser returns the attributes; GlobalSignOut revokes the access and refresh tokens', async () => {
    const { email } = await t.createUser();
    const tokens = await signIn(email);
    const user = await t.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }]));
    await t.client.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    await expect(t.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    await expect(
      t.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: t.info.userPoolClientId, RefreshToken: tokens.RefreshToken })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('RevokeToken ends that sign-in only', async () => {
    const { email } = await t.createUser();
    const first = await signIn(email);
    clock += 61_000; // past the resend interval, so the second sign-in mails a new code
    const second = await signIn(email);
    await t.client.send(new RevokeTokenCommand({ ClientId: t.info.userPoolClientId, Token: first.RefreshToken }));
    await expect(t.client.send(new GetUserCommand({ AccessToken: first.AccessToken }))).rejects.toMatchObject({
      message: 'Access Token has been revoked',
    });
    expect((await t.client.send(new GetUserCommand({ AccessToken: second.AccessToken }))).Username).toEqual(expect.any(String));
  });

  it('rejects forged, foreign and garbage access tokens', async () => {
    const { email } = await t.createUser();
    const tokens = await signIn(email);
    const [header, payload, signature] = tokens.AccessToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, username: 'someone-else' })).toString('base64url'), signature].join('.');
    for (const token of [forged, tokens.IdToken!, 'not-a-token']) {
      await expect(t.client.send(new GetUserCommand({ AccessToken: token }))).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Invalid Access Token',
      });
    }
  });
});

describe('wrong answers, sessions and the attack cases through the endpoint', () => {
  it('a wrong code gets a new round with a new Session, then the right code signs in', async () => {
    const { email } = await t.createUser();
    const challenge = await start(email);
    const username = challenge.ChallengeParameters!.USERNAME!;
    const code = await t.codeFor(email);
    const retry = await respond(challenge.Session, username, wrongFor(code));
    expect(retry.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(retry.Session).not.toBe(challenge.Session);
    expect(retry.ChallengeParameters?.attemptsLeft).toBe('2');
    expect((await respond(retry.Session, username, code)).AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(await t.emailsTo(email)).toHaveLength(1);
  });

  it('a Session is single use: answering twice fails with "Invalid session for the user."', async () => {
    const { email } = await t.createUser();
    const challenge = await start(email);
    const username = challenge.ChallengeParameters!.USERNAME!;
    await respond(challenge.Session, username, '000000').catch(() => undefined);
    await expect(respond(challenge.Session, username, await t.codeFor(email))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('a Session expires after the auth session validity (3 minutes)', async () => {
    const { email } = await t.createUser();
    const challenge = await start(email);
    clock += 181_000;
    await expect(respond(challenge.Session, challenge.ChallengeParameters!.USERNAME!, await t.codeFor(email))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('MAX_ATTEMPTS wrong answers end the session with NotAuthorizedException and no tokens', async () => {
    const { email } = await t.createUser();
    let step = await start(email);
    const username = step.ChallengeParameters!.USERNAME!;
    const code = await t.codeFor(email);
    step = await respond(step.Session, username, wrongFor(code));
    step = await respond(step.Session, username, wrongFor(code));
    await expect(respond(step.Session, username, wrongFor(code))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('50 concurrent wrong answers from 50 sessions, then the right code is rejected', async () => {
    const { email } = await t.createUser();
    const sessions = await Promise.all(Array.from({ length: 50 }, () => start(email)));
    expect(await t.emailsTo(email)).toHaveLength(1);
    const code = await t.codeFor(email);
    const results = await Promise.allSettled(
      sessions.map((s) => respond(s.Session, s.ChallengeParameters!.USERNAME!, wrongFor(code))),
    );
    expect(results.some((r) => r.status === 'fulfilled' && r.value.AuthenticationResult)).toBe(false);
    const open = results.flatMap((r) => (r.status === 'fulfilled' && r.value.Session ? [r.value] : []));
    expect(open.length).toBeGreaterThan(0);
    const final = await respond(open[0]!.Session, open[0]!.ChallengeParameters!.USERNAME!, code).catch((e: Error) => e);
    if (!(final instanceof Error)) expect(final.AuthenticationResult).toBeUndefined();
    // No live code and no email allowed yet: a new sign-in is told when to try again.
    await expect(start(email)).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: expect.stringMatching(/^CreateAuthChallenge failed with error Too many codes requested\. Try again in (\d+) seconds \[email-otp:send-throttled retry-after=\1\]\.$/),
    });
  });

  it('a code that was used cannot sign in again (replay)', async () => {
    const { email } = await t.createUser();
    const code = await (async () => {
      const challenge = await start(email);
      const c = await t.codeFor(email);
      await respond(challenge.Session, challenge.ChallengeParameters!.USERNAME!, c);
      return c;
    })();
    clock += 61_000;
    const again = await start(email);
    const replay = await respond(again.Session, again.ChallengeParameters!.USERNAME!, code).catch((e: Error) => e);
    if (!(replay instanceof Error)) expect(replay.AuthenticationResult).toBeUndefined();
  });

  it('an expired code is rejected even though the session is still valid', async () => {
    const { email } = await t.createUser();
    const challenge = await start(email);
    clock += 61_000; // CODE_TTL_SECONDS=60 here; the session lasts 3 minutes
    const result = await respond(challenge.Session, challenge.ChallengeParameters!.USERNAME!, await t.codeFor(email));
    expect(result.AuthenticationResult).toBeUndefined();
    expect(result.ChallengeParameters?.attemptsLeft).toBeDefined();
  });

  it('an unknown user gets a challenge of the same shape, no email, and never tokens', async () => {
    const { email } = await t.createUser();
    const real = await start(email);
    const ghost = await start('no.such.user@example.com');
    expect(ghost.ChallengeName).toBe(real.ChallengeName);
    expect(Object.keys(ghost.ChallengeParameters!).sort()).toEqual(Object.keys(real.ChallengeParameters!).sort());
    expect(await t.emailsTo('no.such.user@example.com')).toHaveLength(0);
    let step = ghost;
    for (let i = 0; i < 2; i++) {
      step = await respond(step.Session, 'no.such.user@example.com', '123456');
      expect(step.ChallengeName).toBe('CUSTOM_CHALLENGE');
    }
    await expect(respond(step.Session, 'no.such.user@example.com', '123456')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

describe('bad input through the endpoint', () => {
  it('malformed answers are wrong answers or clear errors, never a crash', async () => {
    const { email } = await t.createUser();
    let step = await start(email);
    const username = step.ChallengeParameters!.USERNAME!;
    // An empty answer is a missing parameter, and does not use up the session.
    await expect(respond(step.Session, username, '')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Missing required parameter ANSWER',
    });
    for (const answer of ['abcdef', '１２３４５６', '9'.repeat(100_000)]) {
      const result = await respond(step.Session, username, answer).catch((e: Error & { $metadata?: { httpStatusCode?: number } }) => e);
      if (result instanceof Error) {
        expect(result.name).toBe('NotAuthorizedException');
        expect(result.$metadata?.httpStatusCode).toBe(400);
        break;
      }
      expect(result.ChallengeName).toBe('CUSTOM_CHALLENGE');
      // A malformed answer spends no guess on the code.
      expect(result.ChallengeParameters?.attemptsLeft).toBe('3');
      step = result;
    }
  });
});

describe('user administration and account states', () => {
  it('SignUp creates an unconfirmed user who cannot sign in until AdminConfirmSignUp', async () => {
    const email = `signup.${Date.now()}@example.com`;
    const signUp = await t.client.send(
      new SignUpCommand({ ClientId: t.info.userPoolClientId, Username: email, Password: 'Sign-up-passw0rd', UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    expect(signUp).toMatchObject({ UserConfirmed: false, UserSub: expect.any(String) });
    await expect(start(email)).rejects.toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    await t.client.send(new AdminConfirmSignUpCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    expect((await start(email)).ChallengeName).toBe('CUSTOM_CHALLENGE');
    await expect(
      t.client.send(new SignUpCommand({ ClientId: t.info.userPoolClientId, Username: email, Password: 'Sign-up-passw0rd' })),
    ).rejects.toMatchObject({ name: 'UsernameExistsException' });
  });

  it('a user created with AdminCreateUser and no password signs in with a code', async () => {
    const email = `admin.created.${Date.now()}@example.com`;
    const created = await t.client.send(
      new AdminCreateUserCommand({ UserPoolId: t.info.userPoolId, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    expect(created.User).toMatchObject({ Username: expect.any(String), Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const tokens = await signIn(email);
    expect((await (await t.verifier('id')).verify(tokens.IdToken!)).email).toBe(email);
  });

  it('rejects a weak password with InvalidPasswordException', async () => {
    await expect(
      t.client.send(new SignUpCommand({ ClientId: t.info.userPoolClientId, Username: `weak.${Date.now()}@example.com`, Password: 'short' })),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException' });
  });

  it('a disabled user gets "User is disabled." (signing in, and refreshing tokens from before); a deleted one is unknown', async () => {
    const { email } = await t.createUser();
    const { RefreshToken } = await signIn(email);
    await t.client.send(new AdminDisableUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    await expect(start(email)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    const disabled = { name: 'NotAuthorizedException', message: 'User is disabled.' };
    await expect(t.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: t.info.userPoolClientId, RefreshToken }))).rejects.toMatchObject(disabled);
    await expect(
      t.client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { REFRESH_TOKEN: RefreshToken! } })),
    ).rejects.toMatchObject(disabled);
    await t.client.send(new AdminDeleteUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    await expect(t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('names a wrong pool or client with ResourceNotFoundException', async () => {
    await expect(t.client.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_Other', Username: 'x@example.com' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(
      t.client.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: 'nope', AuthParameters: { USERNAME: 'x@example.com' } })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  // Last in the file: it moves the shared clock 30 days on.
  it('a refresh token past its 30 days is refused with "Invalid Refresh Token"', async () => {
    const { email } = await t.createUser();
    const { RefreshToken } = await signIn(email);
    clock += 30 * 24 * 3600_000 + 1_000;
    await expect(t.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: t.info.userPoolClientId, RefreshToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });
});
