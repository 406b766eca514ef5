// AdminDisableUser revokes the user's access tokens (Cognito API reference): GetUser and UpdateUserAttributes refuse them.
import { AdminDisableUserCommand, GetUserCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.stop());

describe('a disabled user’s access token', () => {
  it('no longer reads or writes the user’s attributes', async () => {
    const { email } = await t.createUser();
    const { AccessToken } = await t.signIn(email);
    expect((await t.client.send(new GetUserCommand({ AccessToken }))).Username).toBeTruthy();
    await t.client.send(new AdminDisableUserCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    const revoked = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
    await expect(t.client.send(new GetUserCommand({ AccessToken }))).rejects.toMatchObject(revoked);
    await expect(t.client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'locale', Value: 'de' }] }))).rejects.toMatchObject(revoked);
  });
});
