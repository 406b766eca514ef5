import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { createUserAsAdmin } from '../../infra/local/admin-users.ts';
import { latestCode, latestLink, listEmails } from '../../infra/local/mailbox-client.ts';
import { FREE_PORTS, startLocalStack, type LocalStackOptions } from '../../infra/local/stack.ts';

let users = 0;

/** A local stack on free loopback ports (no web page unless asked), with helpers the tests share. */
export async function startTestStack(triggerEnv: Record<string, string> = {}, options: Partial<LocalStackOptions> = {}) {
  const stack = await startLocalStack({
    ...FREE_PORTS,
    web: false,
    triggerEnv,
    ...options,
  });
  const { info } = stack;
  const client = new CognitoIdentityProviderClient({
    endpoint: info.cognitoEndpoint,
    region: info.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  /** A confirmed user with a permanent password, created through the admin API. */
  async function createUser(password = 'Correct-h0rse') {
    users += 1;
    const email = `person${users}.${Date.now().toString(36)}@example.com`;
    await createUserAsAdmin(client, info.userPoolId, { email, password });
    return { email, password };
  }

  /**
   * A user as an administrator leaves one with AdminCreateUser and a temporary password: FORCE_CHANGE_PASSWORD,
   * address not verified, so the first sign-in asks for a new password.
   */
  async function createUserWithTemporaryPassword(temporaryPassword = 'Temp-passw0rd') {
    users += 1;
    const email = `temporary${users}.${Date.now().toString(36)}@example.com`;
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: info.userPoolId,
        Username: email,
        TemporaryPassword: temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    return { email, temporaryPassword };
  }

  async function codeFor(email: string): Promise<string> {
    for (let i = 0; i < 20; i++) {
      const code = await latestCode(info.mailboxUrl, email);
      if (code) return code;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no code mailed to ${email}`);
  }

  /** The sign-in link in the newest email to `email` (code mode, with the page or SIGN_IN_LINK_URL). */
  async function linkFor(email: string): Promise<string> {
    for (let i = 0; i < 20; i++) {
      const link = await latestLink(info.mailboxUrl, email);
      if (link) return link;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no sign-in link mailed to ${email}`);
  }

  /** A passwordless sign-in through the SDK with the mailed code (code mode). */
  async function signIn(email: string): Promise<AuthenticationResultType> {
    const challenge = await client.send(
      new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: email } }),
    );
    const result = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: info.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: await codeFor(email) },
      }),
    );
    return result.AuthenticationResult!;
  }

  /** aws-jwt-verify against the local issuer: its fetcher is https-only, so the JWKS is fetched here. */
  async function verifier(tokenUse: 'id' | 'access') {
    const jwks = await (await fetch(`${info.issuer}/.well-known/jwks.json`)).json();
    const verifier = JwtVerifier.create({
      issuer: info.issuer,
      audience: tokenUse === 'id' ? info.userPoolClientId : null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== tokenUse) throw new Error(`expected a ${tokenUse} token`);
        if (tokenUse === 'access' && payload.client_id !== info.userPoolClientId) throw new Error('wrong client_id');
      },
    });
    verifier.cacheJwks(jwks);
    return verifier;
  }

  return {
    stack,
    info,
    client,
    createUser,
    createUserWithTemporaryPassword,
    codeFor,
    linkFor,
    signIn,
    emailsTo: (email: string) => listEmails(info.mailboxUrl, email),
    verifier,
    async stop() {
      client.destroy();
      await stack.stop();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/** POSTs one user-pool API call the way browsers do, returning status, headers and parsed body. */
export async function callCognito(endpoint: string, operation: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
}
