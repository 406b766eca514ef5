import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrongFor } from '../helpers/test-clock.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
beforeAll(async () => {
  // Links on, so a code with no guesses left is still offered until it expires: resendAvailableAt is its expiry.
  t = await startTestStack({ CODE_TTL_SECONDS: '6', RESEND_INTERVAL_SECONDS: '5', SIGN_IN_LINK_URL: 'http://127.0.0.1:5173/' });
});
afterAll(() => t?.stop());

describe('resendAvailableAt is never early: a client that waits until then is mailed a new code', () => {
  it('after too many wrong codes, a new sign-in at the announced second (not a millisecond later) gets a new code', async () => {
    const { email } = await t.createUser();
    const start = () =>
      t.client.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: t.info.userPoolClientId, AuthParameters: { USERNAME: email } }));
    const first = await start();
    const code = await t.codeFor(email);
    let session = first.Session;
    for (let i = 0; i < 3; i++) {
      const answered = t.client.send(
        new RespondToAuthChallengeCommand({
          ChallengeName: 'CUSTOM_CHALLENGE',
          ClientId: t.info.userPoolClientId,
          Session: session,
          ChallengeResponses: { USERNAME: first.ChallengeParameters!.USERNAME!, ANSWER: wrongFor(code) },
        }),
      );
      session = (await answered.catch(() => undefined))?.Session;
    }
    const spent = await start();
    expect(spent.ChallengeParameters!.attemptsLeft).toBe('0');
    // Wait exactly until the announced whole second, as the page and the Authenticator services do.
    const announced = Number(spent.ChallengeParameters!.resendAvailableAt) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, announced - Date.now())));
    const next = await start();
    expect(next.ChallengeParameters!.attemptsLeft).toBe('3');
    expect(await t.emailsTo(email)).toHaveLength(2);
  }, 60_000);
});
