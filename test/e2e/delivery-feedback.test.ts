/** The delivery feedback loop offline: the local SES answers the mailbox simulator addresses and the bounce stops codes. */
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLines } from '../helpers/captured-output.ts';
import { createUserAsAdmin } from '../../infra/local/admin-users.ts';
import { codeInEmail, listEmails, type MailboxEmail } from '../../infra/local/mailbox-client.ts';
import { toSignInError, UndeliverableEmailError } from '../../web/client/errors.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

const SENDER = 'no-reply@example.com';
let clock = 0;
const now = () => Date.now() + clock;

/** A stack whose triggers write their audit lines (the level is read when they are made). */
async function loggingStack(env: Record<string, string> = {}): Promise<TestStack> {
  const level = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  try {
    return await startTestStack(env, { now });
  } finally {
    if (level === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = level;
  }
}

// One stack at a time: a stack points the process's SDK endpoints at its own DynamoDB and SES.
let codeMode: TestStack;
let twoStep: TestStack;


let users = 0;
/** A user of `stack` at a simulator address (`bounce`, `ooto`, ...), with a label that keeps it apart from the others. */
async function simulatorUser(stack: TestStack, mailbox: string, password?: string) {
  users += 1;
  const email = `${mailbox}+p${process.pid}n${users}@simulator.amazonses.com`;
  await createUserAsAdmin(stack.client, stack.info.userPoolId, { email, password });
  return email;
}

/** Waits (bounded) for what SES mails the sender about `address`: the simulator's bounce or complaint notice. */
async function noticeAbout(stack: TestStack, address: string): Promise<MailboxEmail> {
  for (let i = 0; i < 100; i++) {
    const notice = (await listEmails(stack.info.mailboxUrl, SENDER)).find((e) => e.body.text?.includes(address));
    if (notice) return notice;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no bounce notice about ${address} in the mailbox`);
}

const start = (stack: TestStack, username: string) =>
  stack.client.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: stack.info.userPoolClientId, AuthParameters: { USERNAME: username } }));
const respond = (stack: TestStack, session: string | undefined, username: string, answer: string) =>
  stack.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: stack.info.userPoolClientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: session,
      ChallengeResponses: { USERNAME: username, ANSWER: answer },
    }),
  );
/** What a stranger can compare between two answers: the parameters' names and the parts that do not depend on time. */
const shapeOf = (params: Record<string, string> | undefined = {}) => ({
  keys: Object.keys(params).sort(),
  codeLength: params.codeLength,
  attemptsLeft: params.attemptsLeft,
  linkMailed: params.linkMailed,
});
/** The outcome of a wrong (or unusable) answer, as a caller sees it. */
const outcomeOf = (promise: Promise<{ ChallengeName?: string; ChallengeParameters?: Record<string, string>; AuthenticationResult?: unknown }>) =>
  promise.then(
    (r) => ({ challenge: r.ChallengeName, tokens: r.AuthenticationResult !== undefined, shape: shapeOf(r.ChallengeParameters) }),
    (error: Error) => ({ error: error.name, message: error.message }),
  );

describe('local SES mailbox simulator: a bounce is recorded and stops codes (code mode)', () => {
  beforeAll(async () => {
    codeMode = await loggingStack();
  });
  afterAll(() => codeMode?.stop());

  it('the first code is accepted, SES reports the bounce; the next sign-in is answered as for an unknown address, mails nothing, and the old code does not work', async () => {
    const email = await simulatorUser(codeMode, 'bounce');
    const first = await auditLines(async () => {
      const challenge = await start(codeMode, email);
      const notice = await noticeAbout(codeMode, email);
      return { challenge, notice };
    });
    // Accepted as SES accepts a simulator address: the email is in the mailbox, then the bounce comes back.
    const mailed = await codeMode.emailsTo(email);
    expect(mailed).toHaveLength(1);
    const oldCode = codeInEmail(mailed[0])!;
    expect(oldCode).toMatch(/^\d{6}$/);
    expect(first.result.notice).toMatchObject({ subject: 'Delivery Status Notification (Failure)', destination: { to: [SENDER] } });
    expect(first.lines.map((l) => l.event).sort()).toEqual(['bounce_recorded', 'code_sent']);
    expect(first.lines.find((l) => l.event === 'bounce_recorded')).toMatchObject({ outcome: 'ok', bounceType: 'Permanent/General' });

    clock += 61_000;
    const stranger = `nobody+p${process.pid}@example.com`;
    const again = await auditLines(async () => {
      const known = await start(codeMode, email);
      const unknown = await start(codeMode, stranger);
      const knownAnswer = await outcomeOf(respond(codeMode, known.Session, known.ChallengeParameters!.USERNAME!, oldCode));
      const unknownAnswer = await outcomeOf(respond(codeMode, unknown.Session, unknown.ChallengeParameters!.USERNAME!, oldCode));
      return { known, unknown, knownAnswer, unknownAnswer };
    });
    const { known, unknown, knownAnswer, unknownAnswer } = again.result;
    expect(known.ChallengeName).toBe(unknown.ChallengeName);
    expect(shapeOf(known.ChallengeParameters)).toEqual(shapeOf(unknown.ChallengeParameters));
    // The right old code is refused exactly as any answer for an unknown address.
    expect(knownAnswer).toMatchObject({ tokens: false });
    expect(knownAnswer).toEqual(unknownAnswer);
    expect(await codeMode.emailsTo(email)).toHaveLength(1);
    const skipped = again.lines.find((l) => l.event === 'send_skipped_undeliverable');
    expect(skipped).toMatchObject({ outcome: 'denied', reason: 'bounce' });
    expect(again.lines.some((l) => l.event === 'code_sent' && l.userNotFound !== true && l.userName === skipped?.userName)).toBe(false);
  });

  it('a complaint (complaint@) is recorded and stops codes alike; suppressionlist@ is reported as a bounce', async () => {
    const complains = await simulatorUser(codeMode, 'complaint');
    const suppressed = await simulatorUser(codeMode, 'suppressionlist');
    const { lines } = await auditLines(async () => {
      await start(codeMode, complains);
      await start(codeMode, suppressed);
      await noticeAbout(codeMode, complains);
      await noticeAbout(codeMode, suppressed);
    });
    expect(lines.filter((l) => l.event === 'complaint_recorded')).toHaveLength(1);
    expect(lines.find((l) => l.event === 'bounce_recorded')).toMatchObject({ bounceType: 'Permanent/OnAccountSuppressionList' });

    clock += 61_000;
    const again = await auditLines(async () => {
      await start(codeMode, complains);
      await start(codeMode, suppressed);
    });
    expect(again.lines.filter((l) => l.event === 'send_skipped_undeliverable').map((l) => l.reason).sort()).toEqual(['bounce', 'complaint']);
    expect(await codeMode.emailsTo(complains)).toHaveLength(1);
    expect(await codeMode.emailsTo(suppressed)).toHaveLength(1);
  });

  it('success@ and ooto@ (an out-of-office answer, no bounce) block nothing: the next sign-in mails a code that works', async () => {
    for (const mailbox of ['success', 'ooto']) {
      const email = await simulatorUser(codeMode, mailbox);
      const { lines } = await auditLines(async () => {
        await start(codeMode, email);
        clock += 61_000;
        const result = await codeMode.signIn(email);
        expect(result.AccessToken).toBeTruthy();
      });
      expect(lines.map((l) => l.event)).toEqual(['code_sent', 'code_sent', 'answer_correct', 'tokens_issued']);
      expect(await codeMode.emailsTo(email)).toHaveLength(2);
      expect((await listEmails(codeMode.info.mailboxUrl, SENDER)).some((e) => e.body.text?.includes(email))).toBe(false);
    }
  });
});

describe('local SES mailbox simulator: two-step mode tells the person after the right password', () => {
  beforeAll(async () => {
    twoStep = await loggingStack({ SIGN_IN_MODE: 'password-and-code' });
  });
  afterAll(() => twoStep?.stop());

  function signInWithPassword(email: string, password: string): Promise<{ error?: unknown; parameters?: Record<string, string> }> {
    const pool = new CognitoUserPool({ UserPoolId: twoStep.info.userPoolId, ClientId: twoStep.info.userPoolClientId, endpoint: twoStep.info.cognitoEndpoint });
    const user = new CognitoUser({ Username: email, Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    return new Promise((resolve) => {
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
        onSuccess: () => resolve({}),
        onFailure: (error: unknown) => resolve({ error }),
        customChallenge: (parameters: Record<string, string>) => resolve({ parameters }),
      });
    });
  }

  it('after the bounce the right password gets the undeliverable refusal (UndeliverableEmailError), nothing is mailed, the audit says why', async () => {
    const password = 'Correct-h0rse';
    const email = await simulatorUser(twoStep, 'bounce', password);
    const first = await auditLines(async () => {
      const answer = await signInWithPassword(email, password);
      await noticeAbout(twoStep, email);
      return answer;
    });
    expect(first.result.parameters?.codeLength).toBe('6');
    expect(first.lines.map((l) => l.event)).toContain('bounce_recorded');

    clock += 61_000;
    const again = await auditLines(() => signInWithPassword(email, password));
    const error = toSignInError(again.result.error, 'password');
    expect(error).toBeInstanceOf(UndeliverableEmailError);
    expect(again.lines.find((l) => l.event === 'send_refused_undeliverable')).toMatchObject({ outcome: 'denied', reason: 'bounce' });
    expect(await twoStep.emailsTo(email)).toHaveLength(1);

    // A wrong password still says only that: the refusal comes after the password, never instead of it.
    const wrong = await signInWithPassword(email, 'Wrong-passw0rd');
    expect(toSignInError(wrong.error, 'password').name).toBe('WrongPasswordError');
  });
});
