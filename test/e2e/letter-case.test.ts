// Letter case on a case-sensitive local pool: other capitals are an unknown user (as on AWS), and the client helper still reaches the person.
import { DescribeUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAsAdmin } from '../../infra/local/admin-users.ts';
import { DEFAULT_CLIENT_AUTH_FLOWS } from '../../infra/pool-settings.ts';
import { createEmailCodeSignIn } from '../../web/client/index.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  // The client's flows are overridden too, to show the stack passes both settings through.
  t = await startTestStack({}, { signInCaseSensitive: true, clientAuthFlows: [...DEFAULT_CLIENT_AUTH_FLOWS] });
  Amplify.configure({
    Auth: { Cognito: { userPoolId: t.info.userPoolId, userPoolClientId: t.info.userPoolClientId, userPoolEndpoint: t.info.cognitoEndpoint } },
  });
});
afterAll(() => t?.stop());

/** The address with its first letters in capitals, as someone might type it. */
const capitalized = (email: string) => email.replace(/(^|[.@])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());

describe('a case-sensitive pool, as AWS has it', () => {
  it('the stack passes the letter-case and flow settings it was given', async () => {
    const { UserPoolClient } = await t.client.send(new DescribeUserPoolClientCommand({ UserPoolId: t.info.userPoolId, ClientId: t.info.userPoolClientId }));
    expect([...UserPoolClient!.ExplicitAuthFlows!].sort()).toEqual([...DEFAULT_CLIENT_AUTH_FLOWS].sort());
  });

  it('the address typed with other capitals is an unknown user: a challenge comes back, no email', async () => {
    const { email } = await t.createUser();
    const typed = capitalized(email);
    expect(typed).not.toBe(email);
    const started = await t.client.send(
      new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { USERNAME: typed } }),
    );
    expect(started.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(await t.emailsTo(email)).toHaveLength(0);
    // Typed as stored, the person gets the code.
    await t.signIn(email);
  });
});

describe('the client helper on a case-sensitive pool (Amplify v6)', () => {
  it('sends the address lower-cased by default: other capitals still reach the person and sign in', async () => {
    const { email } = await t.createUser();
    const flow = createEmailCodeSignIn();
    const step = await flow.start({ email: `  ${capitalized(email)} ` });
    expect(step.type).toBe('code');
    expect(await flow.answer(await t.codeFor(email))).toEqual({ type: 'signedIn' });
    expect((await flow.signedInUser())?.email).toBe(email);
    await flow.signOut();
  });

  it('with lowerCaseEmail: false the capitals go as typed: the step says a code was sent, and none comes', async () => {
    const { email } = await t.createUser();
    const flow = createEmailCodeSignIn({ lowerCaseEmail: false });
    expect((await flow.start({ email: capitalized(email) })).type).toBe('code');
    expect(await t.emailsTo(email)).toHaveLength(0);
  });

  it('with lowerCaseEmail: false a user whose stored address holds capitals signs in typing it exactly', async () => {
    const email = `Mixed.Case.${Date.now().toString(36)}@Example.com`;
    await createUserAsAdmin(t.client, t.info.userPoolId, { email });
    const flow = createEmailCodeSignIn({ lowerCaseEmail: false });
    expect((await flow.start({ email })).type).toBe('code');
    expect(await flow.answer(await t.codeFor(email))).toEqual({ type: 'signedIn' });
    await flow.signOut();
  });
});
