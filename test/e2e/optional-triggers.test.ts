import { AdminGetUserCommand, CognitoIdentityProviderClient, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { PostAuthenticationTriggerEvent, PreSignUpTriggerEvent } from 'aws-lambda';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientOptions } from '../../triggers/aws/aws-clients.ts';
import { createAudit, createLogger } from '../../triggers/domain/audit.ts';
import { POST_AUTHENTICATION_BUDGET_MS, createPostAuthenticationHandler } from '../../triggers/handlers/post-authentication.ts';
import { createPreSignUpHandler } from '../../triggers/handlers/pre-sign-up.ts';
import { CLIENT_ID, POOL_ID } from '../helpers/cognito-events.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.stop());

function preSignUpEvent(triggerSource: PreSignUpTriggerEvent['triggerSource']): PreSignUpTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: POOL_ID,
    userName: 'b1c2d3e4-0000-4000-8000-000000000001',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT_ID },
    triggerSource,
    request: { userAttributes: { email: 'new@example.com' }, validationData: null },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  } as unknown as PreSignUpTriggerEvent;
}

describe('pre sign-up: passwordless self sign-up is confirmed at once', () => {
  it('auto-confirms SignUp but does not mark the email verified', async () => {
    const { response } = await createPreSignUpHandler()(preSignUpEvent('PreSignUp_SignUp'));
    expect(response).toEqual({ autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: false });
  });
  it('leaves admin-created and federated users alone', async () => {
    for (const source of ['PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'] as const) {
      const { response } = await createPreSignUpHandler()(preSignUpEvent(source));
      expect(response.autoConfirmUser).toBe(false);
    }
  });
});

describe('post authentication: a correct code marks the email verified', () => {
  it('sets email_verified through AdminUpdateUserAttributes on the user pool', async () => {
    const { email } = await t.createUser();
    await t.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: t.info.userPoolId,
        Username: email,
        UserAttributes: [{ Name: 'email_verified', Value: 'false' }],
      }),
    );
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    const event = {
      version: '1',
      region: 'us-east-1',
      userPoolId: t.info.userPoolId,
      userName: user.Username!,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: t.info.userPoolClientId },
      triggerSource: 'PostAuthentication_Authentication',
      request: { userAttributes: { sub: user.Username!, email, email_verified: 'false' }, newDeviceUsed: false },
      response: {},
    } as PostAuthenticationTriggerEvent;
    const cognito = new CognitoIdentityProviderClient({
      endpoint: t.info.cognitoEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const handler = createPostAuthenticationHandler({ cognito, audit: createAudit(createLogger()) });
    expect(await handler(structuredClone(event))).toEqual(event);
    const after = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    expect(after.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });

    // A failure does not block the sign-in that already succeeded.
    const broken = createPostAuthenticationHandler({
      cognito: new CognitoIdentityProviderClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      audit: createAudit(createLogger()),
    });
    await expect(broken(structuredClone(event))).resolves.toEqual(event);
    cognito.destroy();
  });
});

describe('post authentication keeps its own deadline inside Cognito\'s 5 seconds', () => {
  it('against a Cognito endpoint that accepts the connection and never answers, it gives up at its deadline and lets the sign-in through', async () => {
    expect(POST_AUTHENTICATION_BUDGET_MS).toBeLessThan(5_000);
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const lines: Array<Record<string, unknown>> = [];
    const audit = createAudit({ info: (_m, fields) => lines.push(fields as never), error: (_m, fields) => lines.push(fields as never) });
    const cognito = new CognitoIdentityProviderClient({
      ...awsClientOptions('cognito'),
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const event = {
      version: '1',
      region: 'us-east-1',
      userPoolId: POOL_ID,
      userName: 'b1c2d3e4-0000-4000-8000-000000000002',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT_ID },
      triggerSource: 'PostAuthentication_Authentication',
      request: { userAttributes: { sub: 'b1c2d3e4-0000-4000-8000-000000000002', email: 'slow@example.com', email_verified: 'false' }, newDeviceUsed: false },
      response: {},
    } as PostAuthenticationTriggerEvent;
    try {
      // A budget far below the client's own limits (2 s a request, 2 attempts): only the deadline can end the call this early.
      const handler = createPostAuthenticationHandler({ cognito, audit, budgetMs: 300 });
      await expect(handler(structuredClone(event))).resolves.toEqual(event);
      expect(lines).toEqual([expect.objectContaining({ event: 'email_verified', outcome: 'error', reason: 'AbortError' })]);
    } finally {
      cognito.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
