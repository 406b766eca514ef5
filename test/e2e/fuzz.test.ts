import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../infra/local/cognito/http-server.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

/**
 * Requests mutated from valid ones with a fixed seed, against the endpoint: none may get a 5xx, a reset or
 * an unbounded echo, and every malformed one a 4xx that clients can parse (`__type`, `message`,
 * `x-amzn-ErrorType`).
 */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.stop());

const REQUESTS = 1_500;
const PARALLEL = 12;
const MAX_ERROR_HEADER = 512;

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  /** False for a mutation that keeps every member's JSON type: such a request may be valid and succeed. */
  readonly malformed: boolean;
  readonly operation: string | undefined;
  readonly body: string;
  readonly method?: string;
  readonly signed: 'yes' | 'no' | 'malformed';
  readonly what: string;
}

function kind(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
}

function signatureHeaders(kind: Case['signed']): Record<string, string> {
  const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  if (kind === 'no') return {};
  if (kind === 'malformed') return { Authorization: 'AWS4-HMAC-SHA256 Credential=oops', 'X-Amz-Date': now };
  return {
    Authorization: `AWS4-HMAC-SHA256 Credential=anykey/${now.slice(0, 8)}/us-east-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'ab'.repeat(32)}`,
    'X-Amz-Date': now,
  };
}

describe('fuzzing the endpoint', () => {
  it(`answers ${REQUESTS} malformed requests with Cognito-shaped 4xx errors and no 5xx`, { timeout: 600_000 }, async () => {
    const { userPoolClientId: ClientId, userPoolId: UserPoolId } = t.info;
    const nobody = 'nobody.fuzz@example.com';
    const { email } = await t.createUser();
    const challenge = await t.client.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId, AuthParameters: { USERNAME: email } }));
    const signedIn = await t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: await t.codeFor(email) },
      }),
    );
    const { AccessToken, RefreshToken } = signedIn.AuthenticationResult!;
    // Valid requests, most of which succeed unmutated, so that mutations reach deep into each operation.
    const bases: Record<string, { body: Record<string, unknown>; required: string[] }> = {
      InitiateAuth: { body: { AuthFlow: 'CUSTOM_AUTH', ClientId, AuthParameters: { USERNAME: nobody } }, required: ['AuthFlow', 'ClientId'] },
      RespondToAuthChallenge: {
        body: { ChallengeName: 'CUSTOM_CHALLENGE', ClientId, Session: challenge.Session, ChallengeResponses: { USERNAME: email, ANSWER: '123456' } },
        required: ['ChallengeName', 'ClientId'],
      },
      GetTokensFromRefreshToken: { body: { RefreshToken, ClientId }, required: ['RefreshToken', 'ClientId'] },
      GetUser: { body: { AccessToken }, required: ['AccessToken'] },
      GlobalSignOut: { body: { AccessToken }, required: ['AccessToken'] },
      RevokeToken: { body: { Token: RefreshToken, ClientId }, required: ['Token', 'ClientId'] },
      SignUp: {
        body: { ClientId, Username: 'fuzz.signup@example.com', Password: 'Fuzz-passw0rd', UserAttributes: [{ Name: 'name', Value: 'Fuzz' }] },
        required: ['ClientId', 'Username'],
      },
      AdminCreateUser: { body: { UserPoolId, Username: 'fuzz.admin@example.com', UserAttributes: [{ Name: 'name', Value: 'Fuzz' }] }, required: ['UserPoolId', 'Username'] },
      AdminGetUser: { body: { UserPoolId, Username: email }, required: ['UserPoolId', 'Username'] },
      AdminConfirmSignUp: { body: { UserPoolId, Username: 'fuzz.signup@example.com' }, required: ['UserPoolId', 'Username'] },
      AdminUpdateUserAttributes: { body: { UserPoolId, Username: email, UserAttributes: [{ Name: 'name', Value: 'x' }] }, required: ['UserPoolId', 'Username', 'UserAttributes'] },
      AdminSetUserPassword: { body: { UserPoolId, Username: email, Password: 'Good-passw0rd', Permanent: true }, required: ['UserPoolId', 'Username', 'Password'] },
      AdminDisableUser: { body: { UserPoolId, Username: email }, required: ['UserPoolId', 'Username'] },
      AdminEnableUser: { body: { UserPoolId, Username: email }, required: ['UserPoolId', 'Username'] },
      AdminDeleteUser: { body: { UserPoolId, Username: nobody }, required: ['UserPoolId', 'Username'] },
      AdminAddUserToGroup: { body: { UserPoolId, Username: email, GroupName: 'g' }, required: ['UserPoolId', 'Username', 'GroupName'] },
      AdminListGroupsForUser: { body: { UserPoolId, Username: email }, required: ['UserPoolId', 'Username'] },
    };
    const odd: unknown[] = [
      {},
      { nested: { deeper: [1, { x: null }] } },
      [],
      ['a', 1, null],
      0,
      -1.5,
      1e308,
      true,
      false,
      '',
      'x'.repeat(100_000),
      '\u0000\u0001\uffff',
      '😀'.repeat(200),
      '<script>alert(1)</script>',
      [{ Name: {}, Value: [] }],
      [{ Name: 'x'.repeat(5_000), Value: 'y' }],
      [{ Name: 'cognito:groups', Value: 'admins' }],
      { USERNAME: {}, ANSWER: [] },
      { USERNAME: 1, SRP_A: true },
    ];
    const rawBodies = ['{not json', '[1,2]', '42', 'null', '"text"', '{"ClientId":', '\u0000\u0001binary', '{"__proto__":{"polluted":1}}'];
    const random = prng(0x11_2026);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

    const cases: Case[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const operation = pick(Object.keys(bases));
      const { body, required } = bases[operation]!;
      const admin = operation.startsWith('Admin');
      const unsigned = admin && random() < 0.2;
      const signed: Case['signed'] = admin ? (unsigned ? pick(['no', 'malformed'] as const) : 'yes') : pick(['no', 'yes'] as const);
      const roll = random();
      if (roll < 0.65) {
        const field = pick(Object.keys(body));
        const value = pick(odd);
        const sameKind = kind(value) === kind(body[field]);
        cases.push({
          malformed: unsigned || !sameKind,
          operation,
          signed,
          body: JSON.stringify({ ...body, [field]: value }),
          what: `${operation}.${field} = ${JSON.stringify(value)?.slice(0, 60)}`,
        });
      } else if (roll < 0.75) {
        const field = pick(required);
        const { [field]: _removed, ...rest } = body;
        cases.push({ malformed: true, operation, signed, body: JSON.stringify(pick([rest, { ...rest, [field]: null }])), what: `${operation} without ${field}` });
      } else if (roll < 0.87) {
        const raw = pick(rawBodies);
        cases.push({ malformed: true, operation, signed, body: raw, what: `${operation} with body ${JSON.stringify(raw)}` });
      } else if (roll < 0.94) {
        const target = pick([undefined, 'Nonsense', 'ListUsers', '__proto__', 'constructor', 'x'.repeat(3_000)]);
        cases.push({ malformed: true, operation: target, signed, body: JSON.stringify(body), what: `target ${String(target).slice(0, 40)}` });
      } else {
        const method = pick(['PUT', 'DELETE', 'PATCH']);
        cases.push({ malformed: true, operation, signed, method, body: JSON.stringify(body), what: `${method} ${operation}` });
      }
    }

    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let start = 0; start < cases.length; start += PARALLEL) {
      await Promise.all(
        cases.slice(start, start + PARALLEL).map(async (c) => {
          const response = await fetch(t.info.cognitoEndpoint, {
            method: c.method ?? 'POST',
            headers: {
              'Content-Type': 'application/x-amz-json-1.1',
              ...(c.operation === undefined ? {} : { 'X-Amz-Target': `AWSCognitoIdentityProviderService.${c.operation}` }),
              ...signatureHeaders(c.signed),
            },
            body: c.body,
          });
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          let body: { __type?: unknown; message?: unknown } = {};
          try {
            body = JSON.parse(text);
          } catch {
            problems.push(`${c.what}: body is not JSON`);
            return;
          }
          const errorMessage = response.headers.get('x-amzn-errormessage') ?? '';
          if (response.status >= 500) problems.push(`${c.what}: HTTP ${response.status}`);
          else if (response.status < 400) {
            if (c.malformed) problems.push(`${c.what}: accepted with HTTP ${response.status}`);
          }
          else if (typeof body.__type !== 'string' || !/^[A-Za-z]+Exception$/.test(body.__type) || typeof body.message !== 'string') {
            problems.push(`${c.what}: not a Cognito error body: ${text.slice(0, 100)}`);
          } else if (response.headers.get('x-amzn-errortype') !== `${body.__type}:`) problems.push(`${c.what}: x-amzn-ErrorType missing`);
          else if (errorMessage.length > MAX_ERROR_HEADER) problems.push(`${c.what}: x-amzn-ErrorMessage of ${errorMessage.length} characters`);
          else if (text.length > 4_096) problems.push(`${c.what}: error body of ${text.length} characters`);
          else if (response.headers.get('content-type') !== 'application/x-amz-json-1.1') problems.push(`${c.what}: content type`);
        }),
      );
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(cases.filter((c) => c.malformed).length).toBeGreaterThanOrEqual(1_000);
    // Still serving after all that.
    expect((await fetch(`${t.info.issuer}/.well-known/jwks.json`)).status).toBe(200);
  });

  it('a body over 1 MB is answered with a 413 error, not a reset connection', async () => {
    const response = await fetch(t.info.cognitoEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({ AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, padding: 'x'.repeat(MAX_BODY_BYTES + 10) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ __type: 'RequestEntityTooLargeException', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` });
  });

  it('a 100 KB ClientId is refused without being echoed into the error header', async () => {
    const response = await fetch(t.info.cognitoEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({ AuthFlow: 'CUSTOM_AUTH', ClientId: 'a'.repeat(100_000), AuthParameters: { USERNAME: 'x@example.com' } }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errormessage')).toBe(
      "1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    expect((await response.json()).__type).toBe('InvalidParameterException');
  });
});
