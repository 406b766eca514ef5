import {
  AdminUpdateUserAttributesCommand,
  UpdateUserAttributesCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.stop());

const setAttributes = (email: string, attributes: AttributeType[]) =>
  t.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: t.info.userPoolId, Username: email, UserAttributes: attributes }));

describe("through the local stack, the code email is in the language of the user's locale attribute", () => {
  it('a user with locale=de gets a German email: lang="de" in the HTML, Content-Language: de on the message', async () => {
    const { email } = await t.createUser();
    await setAttributes(email, [{ Name: 'locale', Value: 'de' }]);
    const tokens = await t.signIn(email);
    expect(tokens.IdToken).toBeDefined();
    const [mail] = await t.emailsTo(email);
    expect(mail!.subject).toBe('Ihr Anmeldecode für Ihr Konto');
    expect(mail!.body.html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(mail!.body.text).toContain('Der Code läuft in 3 Minuten ab und gilt nur einmal.');
    expect(mail!.headers?.find((h) => h.name === 'Content-Language')?.value).toBe('de');
  });

  it('a user may set their own locale with UpdateUserAttributes (their access token), not email_verified', async () => {
    const { email } = await t.createUser();
    const { AccessToken } = await t.signIn(email);
    await t.client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'locale', Value: 'ja-JP' }] }));
    await t.signIn(email);
    const mail = (await t.emailsTo(email)).at(-1)!;
    expect(mail.subject).toBe('お客様のアカウントのログインコード');
    await expect(
      t.client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(
      t.client.send(new UpdateUserAttributesCommand({ AccessToken: 'not-a-token', UserAttributes: [{ Name: 'locale', Value: 'de' }] })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
