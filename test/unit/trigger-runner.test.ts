import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../infra/local/cognito/errors.ts';
import { TriggerRunner, type AuthTriggers } from '../../infra/local/cognito/trigger-runner.ts';

const subject = { userName: 'u-1', userAttributes: { email: 'a@example.com' }, userNotFound: false, clientId: 'c' };
const pool = { region: 'us-east-1', userPoolId: 'us-east-1_Unit1' };
const passThrough = async (event: any) => event;

function runner(define: (event: any) => Promise<any>, timeoutMs = 50) {
  const triggers: AuthTriggers = { define, create: passThrough, verify: passThrough };
  return new TriggerRunner(triggers, pool, timeoutMs);
}

describe('the local endpoint calls triggers as Cognito does', () => {
  it('retries a slow trigger up to 3 attempts within its time limit', async () => {
    let calls = 0;
    const decision = await runner(async (event) => {
      calls += 1;
      if (calls < 3) await new Promise((r) => setTimeout(r, 200));
      return { ...event, response: { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false } };
    }).define(subject, []);
    expect(calls).toBe(3);
    expect(decision).toEqual({ kind: 'challenge', challengeName: 'CUSTOM_CHALLENGE' });
  });

  it('gives up after 3 slow attempts with UnexpectedLambdaException, as Cognito reports a Lambda socket time-out', async () => {
    let calls = 0;
    const slow = runner(async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 200));
    });
    await expect(slow.define(subject, [])).rejects.toMatchObject({
      type: 'UnexpectedLambdaException',
      message: 'DefineAuthChallenge invocation failed due to error Socket timeout while invoking Lambda function.',
    });
    expect(calls).toBe(3);
  });

  it.each([
    ['a dropped envelope field', ({ userName: _u, ...rest }: any) => rest],
    ['a changed userName', (event: any) => ({ ...event, userName: 'someone-else' })],
    ['no request', ({ request: _r, ...rest }: any) => rest],
    ['a string', () => 'ok'],
  ])('rejects output with %s as "Unrecognizable lambda output"', async (_name, mangle) => {
    const error = await runner(async (event) =>
      mangle({ ...event, response: { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false } }),
    )
      .define(subject, [])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({ type: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' });
  });

  it('passes a deep copy, so a trigger cannot change the session it was given', async () => {
    const session = [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'EMAIL_CODE' }];
    await runner(async (event) => {
      event.request.session[0].challengeResult = true;
      return { ...event, response: { challengeName: null, issueTokens: false, failAuthentication: true } };
    }).define(subject, session);
    expect(session[0]!.challengeResult).toBe(false);
  });
});
