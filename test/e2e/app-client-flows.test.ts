// App-client auth flows on the local endpoint as on AWS: a permissive client shows the two-step bypass, the construct's client refuses it.
import {
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthFlowType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_AUTH_FLOWS, PRODUCT_AUTH_FLOWS } from '../../infra/pool-settings.ts';
import { callCognito, startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
const postAuthentications: PostAuthenticationTriggerEvent[] = [];
/** A client made as `CreateUserPoolClient` makes one with no ExplicitAuthFlows: SRP, custom and refresh. */
let permissiveClientId: string;

beforeAll(async () => {
  t = await startTestStack(
    { SIGN_IN_MODE: 'password-and-code' },
    {
      interceptTriggers: (triggers) => ({
        ...triggers,
        postAuthentication: async (event) => {
          postAuthentications.push(structuredClone(event));
          return triggers.postAuthentication ? triggers.postAuthentication(event) : event;
        },
      }),
    },
  );
  const created = await t.client.send(new CreateUserPoolClientCommand({ UserPoolId: t.info.userPoolId, ClientName: 'permissive' }));
  permissiveClientId = created.UserPoolClient!.ClientId!;
});
afterAll(() => t?.stop());

type Outcome =
  | { kind: 'session'; session: CognitoUserSession }
  | { kind: 'challenge'; parameters: Record<string, string> }
  | { kind: 'error'; error: Error & { code?: string } };

/** amazon-cognito-identity-js `authenticateUser`, with the flow type given (USER_SRP_AUTH is its default). */
function authenticate(clientId: string, email: string, password: string, flow: 'USER_SRP_AUTH' | 'CUSTOM_AUTH' | 'USER_PASSWORD_AUTH'): Promise<Outcome> {
  const pool = new CognitoUserPool({ UserPoolId: t.info.userPoolId, ClientId: clientId, endpoint: t.info.cognitoEndpoint });
  const user = new CognitoUser({ Username: email, Pool: pool });
  user.setAuthenticationFlowType(flow);
  return new Promise((resolve) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve({ kind: 'session', session }),
      onFailure: (error) => resolve({ kind: 'error', error }),
      customChallenge: (parameters) => resolve({ kind: 'challenge', parameters }),
      newPasswordRequired: () => resolve({ kind: 'error', error: new Error('unexpected NEW_PASSWORD_REQUIRED') }),
    });
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

const passwordAuth = (clientId: string, email: string, password: string, flow: AuthFlowType = 'USER_PASSWORD_AUTH') =>
  t.client.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }));

async function verifiedIdToken(token: string, audience: string) {
  const jwks = createRemoteJWKSet(new URL(`${t.info.issuer}/.well-known/jwks.json`));
  return (await jwtVerify(token, jwks, { issuer: t.info.issuer, audience })).payload;
}

async function clientWith(flows: string[]): Promise<string> {
  const { UserPoolClient } = await t.client.send(
    new CreateUserPoolClientCommand({ UserPoolId: t.info.userPoolId, ClientName: `flows-${flows.length}`, ExplicitAuthFlows: flows as never }),
  );
  return UserPoolClient!.ClientId!;
}

describe('CreateUserPoolClient and DescribeUserPoolClient, as on AWS', () => {
  it('a client created without ExplicitAuthFlows allows refresh, SRP and custom auth, with user-existence errors not prevented', async () => {
    const { UserPoolClient } = await t.client.send(new DescribeUserPoolClientCommand({ UserPoolId: t.info.userPoolId, ClientId: permissiveClientId }));
    expect([...UserPoolClient!.ExplicitAuthFlows!].sort()).toEqual([...DEFAULT_CLIENT_AUTH_FLOWS].sort());
    expect(UserPoolClient!.PreventUserExistenceErrors).toBe('LEGACY');
    expect(permissiveClientId).toMatch(/^[a-z0-9]{26}$/);
  });

  it("the stack's own client allows exactly the product's flows", async () => {
    const { UserPoolClient } = await t.client.send(new DescribeUserPoolClientCommand({ UserPoolId: t.info.userPoolId, ClientId: t.info.userPoolClientId }));
    expect([...UserPoolClient!.ExplicitAuthFlows!].sort()).toEqual([...PRODUCT_AUTH_FLOWS].sort());
    expect(UserPoolClient!.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('refuses a flow list without refresh, as AWS does', async () => {
    const error = await refusal(clientWith(['ALLOW_USER_SRP_AUTH']));
    expect(error).toEqual({ name: 'InvalidParameterException', message: 'REFRESH_TOKEN_AUTH should always be allowed.' });
  });

  it('checks the flow names as the API does: unknown values fail validation, legacy names are not modelled locally', async () => {
    const unknown = await refusal(clientWith(['ALLOW_EVERYTHING', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(unknown.name).toBe('InvalidParameterException');
    expect(unknown.message).toMatch(/^1 validation error detected: Value at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: \[Member must satisfy enum value set: \[/);
    const legacy = await refusal(clientWith(['USER_PASSWORD_AUTH']));
    expect(legacy).toEqual({
      name: 'InvalidParameterException',
      message: 'The local stack models only the ALLOW_* values of ExplicitAuthFlows; use them instead of the legacy names.',
    });
  });

  it('needs a SigV4-signed request, like the Admin operations', async () => {
    const response = await callCognito(t.info.cognitoEndpoint, 'CreateUserPoolClient', { UserPoolId: t.info.userPoolId, ClientName: 'unsigned' });
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe('MissingAuthenticationTokenException');
  });
});

describe('the two-step bypass on a permissive client', () => {
  it('identity-js USER_SRP_AUTH gets tokens with the password alone: no code, no Define/Create/Verify, post authentication first', async () => {
    const { email, password } = await t.createUser();
    const before = postAuthentications.length;
    const result = await authenticate(permissiveClientId, email, password, 'USER_SRP_AUTH');
    expect(result.kind).toBe('session');
    if (result.kind !== 'session') return;
    const claims = await verifiedIdToken(result.session.getIdToken().getJwtToken(), permissiveClientId);
    expect(claims.email).toBe(email);
    expect(await t.emailsTo(email)).toHaveLength(0);
    const ran = postAuthentications.slice(before);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.callerContext.clientId).toBe(permissiveClientId);
    expect(ran[0]!.request.userAttributes.email).toBe(email);
  });

  it('the permissive client does not prevent user-existence errors (the API default): an unknown user is told so', async () => {
    const result = await authenticate(permissiveClientId, 'nobody.at.all@example.com', 'Any-passw0rd', 'USER_SRP_AUTH');
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('UserNotFoundException');
  });

  it('a wrong password over USER_SRP_AUTH is refused as on AWS', async () => {
    const { email } = await t.createUser();
    const result = await authenticate(permissiveClientId, email, 'Wrong-passw0rd', 'USER_SRP_AUTH');
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('NotAuthorizedException');
    expect(result.error.message).toBe('Incorrect username or password.');
  });

  it('the SDK with USER_PASSWORD_AUTH gets tokens on a client that allows it, and refresh works on it', async () => {
    const clientId = await clientWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    const { email, password } = await t.createUser();
    const { AuthenticationResult } = await passwordAuth(clientId, email, password);
    expect((await verifiedIdToken(AuthenticationResult!.IdToken!, clientId)).email).toBe(email);
    expect(await t.emailsTo(email)).toHaveLength(0);
    const refreshed = await t.client.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: AuthenticationResult!.RefreshToken! } }),
    );
    expect((await verifiedIdToken(refreshed.AuthenticationResult!.IdToken!, clientId)).email).toBe(email);
    expect(await refusal(passwordAuth(clientId, email, 'Wrong-passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    // The same client has no custom auth: the product's sign-in is refused there.
    expect(await refusal(t.client.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email } })))).toEqual({
      name: 'InvalidParameterException',
      message: 'CUSTOM_AUTH is not enabled for the client.',
    });
  });

  it('USER_PASSWORD_AUTH with a temporary password asks for a new one, then gives tokens', async () => {
    const clientId = await clientWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    const { email } = await t.createUserWithTemporaryPassword('Temp-passw0rd');
    const first = await passwordAuth(clientId, email, 'Temp-passw0rd');
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: first.ChallengeParameters!.USER_ID_FOR_SRP!, NEW_PASSWORD: 'New-passw0rd!' },
      }),
    );
    expect((await verifiedIdToken(done.AuthenticationResult!.IdToken!, clientId)).email).toBe(email);
    expect((await passwordAuth(clientId, email, 'New-passw0rd!')).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('a client without USER_PASSWORD_AUTH refuses it with Cognito\'s message', async () => {
    const { email, password } = await t.createUser();
    expect(await refusal(passwordAuth(permissiveClientId, email, password))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });
});

describe("no bypass on the construct's client", () => {
  it('identity-js USER_SRP_AUTH is refused with Cognito\'s error, mails nothing, and runs no trigger', async () => {
    const { email, password } = await t.createUser();
    const before = postAuthentications.length;
    const result = await authenticate(t.info.userPoolClientId, email, password, 'USER_SRP_AUTH');
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('InvalidParameterException');
    expect(result.error.message).toBe('USER_SRP_AUTH is not enabled for the client.');
    expect(await t.emailsTo(email)).toHaveLength(0);
    expect(postAuthentications.length).toBe(before);
  });

  it('USER_PASSWORD_AUTH is refused the same way for a known and an unknown user (checked before the user is looked up)', async () => {
    const { email, password } = await t.createUser();
    const known = await refusal(passwordAuth(t.info.userPoolClientId, email, password));
    const unknown = await refusal(passwordAuth(t.info.userPoolClientId, 'nobody.at.all@example.com', 'Any-passw0rd'));
    expect(known).toEqual({ name: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
    expect(unknown).toEqual(known);
  });

  it('the admin flows belong to AdminInitiateAuth', async () => {
    const { email, password } = await t.createUser();
    expect(await refusal(passwordAuth(t.info.userPoolClientId, email, password, 'ADMIN_USER_PASSWORD_AUTH'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Initiate Auth method not supported',
    });
  });

  it('the two-step sign-in (CUSTOM_AUTH with SRP) still needs the mailed code', async () => {
    const { email, password } = await t.createUser();
    const first = await authenticate(t.info.userPoolClientId, email, password, 'CUSTOM_AUTH');
    expect(first.kind).toBe('challenge');
    expect(await t.codeFor(email)).toMatch(/^\d+$/);
  });
});
