import { createHmac, randomBytes } from 'node:crypto';
import * as cognitoIdentity from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthTriggers } from '../../infra/local/cognito/trigger-runner.ts';
import { callCognito, startTestStack, type TestStack } from '../helpers/test-stack.ts';

const calls: Array<{ trigger: string; event: any }> = [];
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(
    { SIGN_IN_MODE: 'password-and-code' },
    {
      interceptTriggers: (real) => ({
        define: async (event) => (calls.push({ trigger: 'define', event: structuredClone(event) }), real.define(event)),
        create: async (event) => (calls.push({ trigger: 'create', event: structuredClone(event) }), real.create(event)),
        verify: async (event) => (calls.push({ trigger: 'verify', event: structuredClone(event) }), real.verify(event)),
      }) satisfies AuthTriggers,
    },
  );
});
afterAll(() => t?.stop());
beforeEach(() => {
  calls.length = 0;
});

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

const call = (operation: string, body: unknown) => callCognito(t.info.cognitoEndpoint, operation, body);
const initiate = (parameters: Record<string, string>) =>
  call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: parameters });

function passwordClaim(challenge: any, overrides: Record<string, string> = {}) {
  return call('RespondToAuthChallenge', {
    ClientId: t.info.userPoolClientId,
    ChallengeName: 'PASSWORD_VERIFIER',
    Session: challenge.Session,
    ChallengeResponses: {
      USERNAME: challenge.ChallengeParameters.USERNAME,
      PASSWORD_CLAIM_SECRET_BLOCK: challenge.ChallengeParameters.SECRET_BLOCK,
      PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32, 7).toString('base64'),
      TIMESTAMP: 'Mon Nov 2 09:05:01 UTC 2026',
      ...overrides,
    },
  });
}

/** The library's SRP helpers: exported at run time, absent from its type declarations. */
const { AuthenticationHelper, DateHelper } = cognitoIdentity as unknown as {
  AuthenticationHelper: new (poolName: string) => unknown;
  DateHelper: new () => { getNowString(): string };
};

/**
 * Answers PASSWORD_VERIFIER as amazon-cognito-identity-js does, with the right password, signing over the secret
 * block that `secretBlockFor` returns for the one the endpoint issued.
 */
async function srpPasswordClaim(email: string, password: string, secretBlockFor: (issued: string) => string) {
  const poolName = t.info.userPoolId.split('_')[1]!;
  const helper = new AuthenticationHelper(poolName) as any;
  const largeA: { toString(radix: number): string } = await new Promise((resolve, reject) =>
    helper.getLargeAValue((error: unknown, value: any) => (error ? reject(error) : resolve(value))),
  );
  const { body: challenge } = await initiate({ USERNAME: email, SRP_A: largeA.toString(16), CHALLENGE_NAME: 'SRP_A' });
  expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
  const p = challenge.ChallengeParameters;
  const BigInteger = helper.N.constructor;
  const key: Buffer = await new Promise((resolve, reject) =>
    helper.getPasswordAuthenticationKey(p.USER_ID_FOR_SRP, password, new BigInteger(p.SRP_B, 16), new BigInteger(p.SALT, 16), (error: unknown, value: Buffer) =>
      error ? reject(error) : resolve(value),
    ),
  );
  const secretBlock = secretBlockFor(p.SECRET_BLOCK);
  const timestamp = new DateHelper().getNowString();
  const signature = createHmac('sha256', Buffer.from(key))
    .update(Buffer.concat([Buffer.from(poolName), Buffer.from(p.USER_ID_FOR_SRP), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
    .digest('base64');
  return passwordClaim(challenge, { PASSWORD_CLAIM_SECRET_BLOCK: secretBlock, PASSWORD_CLAIM_SIGNATURE: signature, TIMESTAMP: timestamp });
}

describe('password-and-code mode through the endpoint', () => {
  it('with SRP_A: Define sees [SRP_A] and answers PASSWORD_VERIFIER with the SRP parameters; Create is not called', async () => {
    const { email } = await t.createUser();
    const { status, body } = await initiate({ USERNAME: email, SRP_A: 'abc123', CHALLENGE_NAME: 'SRP_A' });
    expect(status).toBe(200);
    expect(body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(Object.keys(body.ChallengeParameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(body.ChallengeParameters.USER_ID_FOR_SRP).toBe(body.ChallengeParameters.USERNAME);
    expect(calls.map((c) => c.trigger)).toEqual(['define']);
    expect(calls[0]!.event.request.session).toEqual([{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }]);
  });

  it('without SRP_A the password cannot be skipped: NotAuthorizedException and no email', async () => {
    const { email } = await t.createUser();
    expect((await initiate({ USERNAME: email })).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await t.emailsTo(email)).toHaveLength(0);
  });

  it('a forged password signature is a wrong password: Define sees PASSWORD_VERIFIER false and fails', async () => {
    const { email } = await t.createUser();
    const challenge = (await initiate({ USERNAME: email, SRP_A: 'abc123' })).body;
    calls.length = 0;
    expect((await passwordClaim(challenge)).body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(calls.map((c) => c.trigger)).toEqual(['define']);
    expect(calls[0]!.event.request.session).toEqual([
      { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null },
      { challengeName: 'PASSWORD_VERIFIER', challengeResult: false, challengeMetadata: null },
    ]);
    expect(await t.emailsTo(email)).toHaveLength(0);
  });

  it('a claim signed with the right password over a secret block that is not the one issued is a wrong password', async () => {
    // A real SRP client (amazon-cognito-identity-js's helper): only the secret block differs between the two claims.
    const { email, password } = await t.createUser();
    expect((await srpPasswordClaim(email, password, (issued) => issued)).body.ChallengeName).toBe('CUSTOM_CHALLENGE');
    const other = await t.createUser();
    const forged = await srpPasswordClaim(other.email, other.password, () => randomBytes(64).toString('base64'));
    expect(forged.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await t.emailsTo(other.email)).toHaveLength(0);
  });

  it('rejects a TIMESTAMP not in Cognito\'s format and an SRP_A that is 0 mod N', async () => {
    const { email } = await t.createUser();
    const challenge = (await initiate({ USERNAME: email, SRP_A: 'abc123' })).body;
    expect((await passwordClaim(challenge, { TIMESTAMP: '2026-11-02T09:05:01Z' })).body.__type).toBe('InvalidParameterException');
    expect((await initiate({ USERNAME: email, SRP_A: N_HEX })).body.__type).toBe('InvalidParameterException');
    expect((await initiate({ USERNAME: email, SRP_A: '0' })).body.__type).toBe('InvalidParameterException');
  });

  it('an unknown user gets a PASSWORD_VERIFIER of the same shape and then fails like a wrong password', async () => {
    const challenge = (await initiate({ USERNAME: 'nobody@example.com', SRP_A: 'abc123' })).body;
    expect(Object.keys(challenge.ChallengeParameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect((await passwordClaim(challenge)).body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
