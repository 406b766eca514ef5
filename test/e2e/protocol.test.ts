import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCognitoHttpServer } from '../../infra/local/cognito/http-server.ts';
import type { AuthTriggers } from '../../infra/local/cognito/trigger-runner.ts';
import { LocalUserPool } from '../../infra/local/cognito/user-pool.ts';
import { freePort, listen, closeServer } from '../../infra/local/listen.ts';
import { callCognito, startTestStack, type TestStack } from '../helpers/test-stack.ts';

/** Every event the endpoint sends the triggers, and what they answered. */
const calls: Array<{ trigger: keyof AuthTriggers; event: any }> = [];
/** Lets a test replace a trigger's behaviour, to see how the endpoint maps failures. */
const faults: Partial<Record<keyof AuthTriggers, (event: any) => Promise<any>>> = {};

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(
    {},
    {
      corsOrigins: ['http://127.0.0.1:5173'],
      interceptTriggers: (real) => {
        const wrap = <K extends keyof AuthTriggers>(trigger: K) =>
          (async (event: any) => {
            calls.push({ trigger, event: structuredClone(event) });
            return (faults[trigger] ?? (real[trigger] as (e: any) => Promise<any>))(event);
          }) as AuthTriggers[K];
        return { define: wrap('define'), create: wrap('create'), verify: wrap('verify') };
      },
    },
  );
});
afterAll(() => t?.stop());
beforeEach(() => {
  calls.length = 0;
  for (const key of Object.keys(faults)) delete faults[key as keyof AuthTriggers];
});

const call = (operation: string, body: unknown, headers?: Record<string, string>) =>
  callCognito(t.info.cognitoEndpoint, operation, body, headers);
const initiate = (username: string, extra: Record<string, unknown> = {}) =>
  call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { USERNAME: username }, ...extra });
const respond = (session: string, username: string, answer: string, extra: Record<string, unknown> = {}) =>
  call('RespondToAuthChallenge', {
    ClientId: t.info.userPoolClientId,
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: session,
    ChallengeResponses: { USERNAME: username, ANSWER: answer },
    ...extra,
  });

describe('the wire protocol', () => {
  it('answers CORS preflights for the headers browsers send', async () => {
    const response = await fetch(t.info.cognitoEndpoint, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent,cache-control',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-amz-target');
    expect(response.headers.get('access-control-allow-headers')).toContain('cache-control');
  });

  // `null` is what file:// pages and sandboxed iframes send.
  it.each(['https://evil.example', 'null'])('refuses browser origins it was not configured for (%s), so a web page cannot drive the local pool', async (origin) => {
    const preflight = await fetch(t.info.cognitoEndpoint, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-amz-target' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // A "simple" request skips the preflight: it is refused too, before it reaches any operation.
    const username = `from-${origin === 'null' ? 'null' : 'evil'}@example.com`;
    const { status, body } = await call(
      'InitiateAuth',
      { AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { USERNAME: username } },
      { Origin: origin },
    );
    expect(status).toBe(403);
    expect(body.__type).toBe('AccessDeniedException');
    expect(calls.filter((c) => c.event.userName === username)).toEqual([]);
  });

  it('errors are HTTP 400 with __type and message in the body and the x-amzn-Error headers', async () => {
    const { status, headers, body } = await initiate('no-such-user@example.com', { ClientId: 'wrongclient' });
    expect(status).toBe(400);
    expect(body).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client wrongclient does not exist.' });
    expect(headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException:');
    expect(headers.get('x-amzn-errormessage')).toBe('User pool client wrongclient does not exist.');
    expect(headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('an unknown operation is UnknownOperationException, malformed JSON a SerializationException', async () => {
    expect(await call('ListUsersInSpace', {})).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
    expect(await call('InitiateAuth', '{not json')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(await call('InitiateAuth', '[1,2]')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
  });

  it('accepts null values inside AuthParameters (amazon-cognito-identity-js sends DEVICE_KEY: null)', async () => {
    const { email } = await t.createUser();
    const { status, body } = await call('InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: t.info.userPoolClientId,
      AuthParameters: { USERNAME: email, DEVICE_KEY: null },
    });
    expect(status).toBe(200);
    expect(body.ChallengeName).toBe('CUSTOM_CHALLENGE');
  });

  it('serves the JWKS and OpenID configuration under the issuer', async () => {
    const jwks = await (await fetch(`${t.info.issuer}/.well-known/jwks.json`)).json();
    expect(jwks.keys).toHaveLength(2);
    const openid = await (await fetch(`${t.info.issuer}/.well-known/openid-configuration`)).json();
    expect(openid).toMatchObject({ issuer: t.info.issuer, jwks_uri: `${t.info.issuer}/.well-known/jwks.json` });
    expect(t.info.userPoolId).toMatch(/^us-east-1_[0-9A-Za-z]+$/);
  });
});

describe('trigger events have the shapes Cognito sends', () => {
  it('InitiateAuth: Define with an empty session and no clientMetadata, then Create', async () => {
    const { email } = await t.createUser();
    const { body } = await initiate(email, { ClientMetadata: { from: 'initiate' } });
    const [define, create] = calls;
    expect(calls.map((c) => c.trigger)).toEqual(['define', 'create']);
    expect(define!.event).toEqual({
      version: '1',
      region: 'us-east-1',
      userPoolId: t.info.userPoolId,
      userName: body.ChallengeParameters.USERNAME,
      callerContext: { awsSdkVersion: expect.any(String), clientId: t.info.userPoolClientId },
      triggerSource: 'DefineAuthChallenge_Authentication',
      request: {
        userAttributes: expect.objectContaining({
          sub: body.ChallengeParameters.USERNAME,
          email,
          email_verified: 'true',
          'cognito:user_status': 'CONFIRMED',
        }),
        session: [],
        userNotFound: false,
      },
      response: { challengeName: null, issueTokens: null, failAuthentication: null },
    });
    expect(create!.event.triggerSource).toBe('CreateAuthChallenge_Authentication');
    expect(create!.event.request).toMatchObject({ challengeName: 'CUSTOM_CHALLENGE', session: [] });
    expect(create!.event.request).not.toHaveProperty('clientMetadata');
    expect(create!.event.response).toEqual({ publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null });
  });

  it('RespondToAuthChallenge: Verify gets Create\'s private parameters and clientMetadata; Define the round history', async () => {
    const { email } = await t.createUser();
    const { body: challenge } = await initiate(email);
    calls.length = 0;
    const username = challenge.ChallengeParameters.USERNAME;
    await respond(challenge.Session, username, '000000', { ClientMetadata: { from: 'respond' } });
    const [verify, define, create] = calls;
    expect(calls.map((c) => c.trigger)).toEqual(['verify', 'define', 'create']);
    expect(verify!.event.triggerSource).toBe('VerifyAuthChallengeResponse_Authentication');
    expect(verify!.event.request).toEqual({
      userAttributes: expect.any(Object),
      privateChallengeParameters: expect.objectContaining({ codeId: expect.any(String) }),
      challengeAnswer: '000000',
      clientMetadata: { from: 'respond' },
      userNotFound: false,
    });
    expect(verify!.event.response).toEqual({ answerCorrect: null });
    expect(define!.event.request.session).toEqual([
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'EMAIL_CODE' },
    ]);
    expect(define!.event.request.clientMetadata).toEqual({ from: 'respond' });
    expect(create!.event.request.session).toHaveLength(1);
  });

  it('an unknown user reaches the triggers with userNotFound: true and empty attributes', async () => {
    await initiate('ghost@example.com');
    expect(calls[0]!.event.userName).toBe('ghost@example.com');
    expect(calls[0]!.event.request).toMatchObject({ userNotFound: true, userAttributes: {} });
  });
});

describe('trigger failures map to Cognito errors and never to tokens', () => {
  it('a trigger that throws: UserLambdaValidationException naming the trigger', async () => {
    const { email } = await t.createUser();
    faults.create = async () => {
      throw new Error('mail server on fire');
    };
    expect((await initiate(email)).body).toEqual({
      __type: 'UserLambdaValidationException',
      message: 'CreateAuthChallenge failed with error mail server on fire.',
    });
  });

  it('Verify throwing fails the answer with no tokens, and a new sign-in works', async () => {
    const { email } = await t.createUser();
    const { body: challenge } = await initiate(email);
    faults.verify = async () => {
      throw new Error('table unavailable');
    };
    const code = await t.codeFor(email);
    const failed = await respond(challenge.Session, challenge.ChallengeParameters.USERNAME, code);
    expect(failed.body).toEqual({
      __type: 'UserLambdaValidationException',
      message: 'VerifyAuthChallengeResponse failed with error table unavailable.',
    });
    delete faults.verify;
    const again = await initiate(email);
    const ok = await respond(again.body.Session, again.body.ChallengeParameters.USERNAME, code);
    expect(ok.body.AuthenticationResult.IdToken).toEqual(expect.any(String));
  });

  it.each([
    ['a dropped response', async () => ({})],
    ['nothing', async () => undefined],
    ['a non-boolean issueTokens', async (e: any) => ({ ...e, response: { issueTokens: 'yes', failAuthentication: false } })],
    ['no decision at all', async (e: any) => ({ ...e, response: { challengeName: null, issueTokens: false, failAuthentication: false } })],
  ])('Define returning %s: InvalidLambdaResponseException', async (_name, define) => {
    faults.define = define;
    const { email } = await t.createUser();
    expect((await initiate(email)).body).toEqual({ __type: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' });
  });

  it('Create returning an undefined private parameter: InvalidLambdaResponseException', async () => {
    faults.create = async (e: any) => ({
      ...e,
      response: { publicChallengeParameters: {}, privateChallengeParameters: { code: undefined }, challengeMetadata: null },
    });
    const { email } = await t.createUser();
    expect((await initiate(email)).body.__type).toBe('InvalidLambdaResponseException');
  });
});

describe('no made-up limits', () => {
  it('has no round cap of its own: Define decides how many custom rounds a session gets', async () => {
    faults.define = async (e: any) => ({
      ...e,
      response: { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false },
    });
    faults.verify = async (e: any) => ({ ...e, response: { answerCorrect: false } });
    const { email } = await t.createUser();
    let step = (await initiate(email)).body;
    for (let round = 0; round < 12; round++) {
      step = (await respond(step.Session, step.ChallengeParameters.USERNAME, '000000')).body;
      expect(step.ChallengeName).toBe('CUSTOM_CHALLENGE');
    }
  });

  it('a Define that issues tokens at InitiateAuth gets them at once, with no challenge', async () => {
    faults.define = async (e: any) => ({ ...e, response: { challengeName: null, issueTokens: true, failAuthentication: false } });
    const { email } = await t.createUser();
    const { body } = await initiate(email);
    expect(body.ChallengeName).toBeUndefined();
    expect(body.ChallengeParameters).toEqual({});
    expect(body.AuthenticationResult.IdToken).toEqual(expect.any(String));
  });
});

describe('pool settings', () => {
  async function poolServer(options: { triggers?: AuthTriggers; preventUserExistenceErrors?: boolean }) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const pool = await LocalUserPool.create({
      region: 'us-east-1',
      userPoolId: 'us-east-1_Other2',
      clientId: 'client',
      endpoint,
      triggers: options.triggers,
      dataDir: undefined,
      preventUserExistenceErrors: options.preventUserExistenceErrors,
    });
    const server = createCognitoHttpServer(pool, { allowedOrigins: () => new Set(), onInternalError: () => undefined });
    await listen(server, port, 'test pool');
    return { endpoint, stop: () => closeServer(server) };
  }

  it('without a Define trigger, CUSTOM_AUTH is InvalidParameterException', async () => {
    const pool = await poolServer({});
    const { body } = await callCognito(pool.endpoint, 'InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: 'client',
      AuthParameters: { USERNAME: 'a@example.com' },
    });
    await pool.stop();
    expect(body.__type).toBe('InvalidParameterException');
  });

  it('when user-existence errors are not prevented, an unknown user is UserNotFoundException', async () => {
    const never = async () => {
      throw new Error('must not be called');
    };
    const pool = await poolServer({ triggers: { define: never, create: never, verify: never }, preventUserExistenceErrors: false });
    const { body } = await callCognito(pool.endpoint, 'InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: 'client',
      AuthParameters: { USERNAME: 'a@example.com' },
    });
    await pool.stop();
    expect(body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' });
  });
});
