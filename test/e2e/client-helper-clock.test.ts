import { Amplify } from 'aws-amplify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeExpiredError, createEmailCodeSignIn } from '../../web/client/index.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

/** The client helper on the real Amplify v6 client, with a clock the test moves for the stack and the helper. */
let clock = 0;
const now = () => Date.now() + clock;
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ CODE_TTL_SECONDS: '60' }, { now });
  Amplify.configure({
    Auth: { Cognito: { userPoolId: t.info.userPoolId, userPoolClientId: t.info.userPoolClientId, userPoolEndpoint: t.info.cognitoEndpoint } },
  });
});
afterAll(() => t?.stop());

describe('the client helper as time passes', () => {
  it('the right code typed after it expired (the sign-in itself still open) is CodeExpiredError, not a wrong code', async () => {
    const { email } = await t.createUser();
    const flow = createEmailCodeSignIn({ now });
    expect(await flow.start({ email })).toMatchObject({ type: 'code' });
    const code = await t.codeFor(email);
    clock += 61_000; // past CODE_TTL_SECONDS, inside the 3-minute auth session
    await expect(flow.answer(code)).rejects.toBeInstanceOf(CodeExpiredError);
  });

  it('there is no signed-in user once the ID token has expired', async () => {
    const { email } = await t.createUser();
    const flow = createEmailCodeSignIn({ now });
    await flow.start({ email });
    expect(await flow.answer(await t.codeFor(email))).toEqual({ type: 'signedIn' });
    expect((await flow.signedInUser())?.email).toBe(email);
    clock += 3_601_000; // the helper's clock; Amplify's own stays real, so it still holds the tokens
    expect(await flow.signedInUser()).toBeUndefined();
    await flow.signOut();
  });
});
