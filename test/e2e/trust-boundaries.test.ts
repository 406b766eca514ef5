import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito, startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.stop());

const signUp = (email: string, attributes: Array<{ Name: string; Value: string }>) =>
  t.client.send(new SignUpCommand({ ClientId: t.info.userPoolClientId, Username: email, Password: 'Sign-up-passw0rd', UserAttributes: attributes }));

describe('Admin* operations need a SigV4-signed request, as on AWS', () => {
  it('an unsigned AdminCreateUser is refused and creates nobody', async () => {
    const email = `unsigned.${Date.now()}@example.com`;
    const { status, body } = await callCognito(t.info.cognitoEndpoint, 'AdminCreateUser', { UserPoolId: t.info.userPoolId, Username: email });
    expect(status).toBe(400);
    expect(body).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    await expect(t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });

  it('a header that is not a SigV4 signature, or one for another service or region, is refused', async () => {
    const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const headers = (authorization: string) => ({ Authorization: authorization, 'X-Amz-Date': date });
    const call = (authorization: string) =>
      callCognito(t.info.cognitoEndpoint, 'AdminGetUser', { UserPoolId: t.info.userPoolId, Username: 'x@example.com' }, headers(authorization));
    expect((await call('Bearer abc')).body.__type).toBe('IncompleteSignatureException');
    const scope = (service: string, region = t.info.region) =>
      `AWS4-HMAC-SHA256 Credential=AKID/${date.slice(0, 8)}/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
    expect((await call(scope('s3'))).body.__type).toBe('InvalidSignatureException');
    expect((await call(scope('cognito-idp', t.info.region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1'))).body.__type).toBe('InvalidSignatureException');
    // Any key, well formed: accepted locally (there is no IAM to check the signature against).
    expect((await call(scope('cognito-idp'))).body.__type).toBe('UserNotFoundException');
  });

  it('the public operations stay unsigned, as browsers call them', async () => {
    const { status, body } = await callCognito(t.info.cognitoEndpoint, 'InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: t.info.userPoolClientId,
      AuthParameters: { USERNAME: 'someone@example.com' },
    });
    expect(status).toBe(200);
    expect(body.ChallengeName).toBe('CUSTOM_CHALLENGE');
  });
});

describe('SignUp writes only what an app client may write', () => {
  it.each([
    ['email_verified', 'true'],
    ['cognito:groups', 'admins'],
    ['phone_number_verified', 'true'],
  ])('refuses %s with NotAuthorizedException and creates nobody', async (name, value) => {
    const email = `forged.${Date.now()}.${name.length}@example.com`;
    await expect(signUp(email, [{ Name: 'email', Value: email }, { Name: name, Value: value }])).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    });
    await expect(t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });

  it('refuses an attribute that is not in the schema', async () => {
    await expect(signUp(`schema.${Date.now()}@example.com`, [{ Name: 'favourite_colour', Value: 'red' }])).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});

describe('token claims', () => {
  it('the ID token carries the readable attributes; both tokens carry cognito:groups; the access token carries version', async () => {
    const email = `claims.${Date.now()}@example.com`;
    await signUp(email, [
      { Name: 'email', Value: email },
      { Name: 'name', Value: 'Ada Lovelace' },
      { Name: 'custom:team', Value: 'engines' },
    ]);
    await t.client.send(new AdminConfirmSignUpCommand({ UserPoolId: t.info.userPoolId, Username: email }));
    await t.client.send(new AdminAddUserToGroupCommand({ UserPoolId: t.info.userPoolId, Username: email, GroupName: 'admins' }));
    const tokens = await t.signIn(email);
    const id = await (await t.verifier('id')).verify(tokens.IdToken!);
    expect(id).toMatchObject({ email, email_verified: false, name: 'Ada Lovelace', 'custom:team': 'engines', 'cognito:groups': ['admins'] });
    const access = await (await t.verifier('access')).verify(tokens.AccessToken!);
    expect(access).toMatchObject({ 'cognito:groups': ['admins'], version: 2, token_use: 'access' });
    expect(decodeJwt(tokens.AccessToken!)).not.toHaveProperty('email');
  });
});
