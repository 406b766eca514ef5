import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashCode } from '../../triggers/domain/code.ts';
import { SendRateExceededError } from '../../triggers/domain/errors.ts';
import { storeKey } from '../../triggers/domain/trigger-event.ts';
import { createSendTiming } from '../../triggers/domain/send-timing.ts';
import { codeRound, createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { testClock, wrongFor } from '../helpers/test-clock.ts';
import { userItemKey } from '../../triggers/contracts/table-item.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());



describe('a code accepts at most MAX_ATTEMPTS guesses across sessions and under any concurrency', () => {
  it('50 concurrent wrong guesses, then the right code is rejected', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const guesses = await Promise.allSettled(
      Array.from({ length: 50 }, () => t.verify(verifyEvent(user, wrongFor(code)))),
    );
    // Each is false, or an error (answers refused while paced, or a lost race): never true.
    expect(guesses.some((g) => g.status === 'fulfilled' && g.value.response.answerCorrect !== false)).toBe(false);
    expect((await t.store.read(userItemKey(user.userName))).code?.attempts).toBe(3);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
  });

  it('counts guesses from every session against the same code', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user)); // session A
    const code = await t.codeFor(user.email);
    await t.verify(verifyEvent(user, wrongFor(code)));
    await t.create(createEvent(user, [codeRound(false)]));
    await t.verify(verifyEvent(user, wrongFor(code)));
    const sessionB = await t.create(createEvent(user)); // reuses the code: inside the resend interval
    expect(sessionB.response.publicChallengeParameters.attemptsLeft).toBe('1');
    await t.verify(verifyEvent(user, wrongFor(code)));
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
    const sessionBRetry = await t.create(createEvent(user, [codeRound(false)]));
    expect(sessionBRetry.response.publicChallengeParameters.attemptsLeft).toBe('0');
  });

  it("holds on its own once the account's answer pacing has cooled down: the right code is still refused", async () => {
    // Every counted answer moves the pacing state, which also guards the count; after a pause only the
    // attempts condition is left to refuse a fourth answer.
    const clock = testClock();
    const t = await triggersOn(aws, { MAX_GUESSES_PER_DAY: '1000', CODE_TTL_SECONDS: '900' }, { now: clock.now });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    for (let i = 0; i < 3; i++) expect((await t.verify(verifyEvent(user, wrongFor(code)))).response.answerCorrect).toBe(false);
    clock.advance(300);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
    expect((await t.store.read(userItemKey(user.userName))).code?.attempts).toBe(3);
  });

  it('two concurrent right answers: exactly one succeeds', async () => {
    const t = await triggersOn(aws, { MAX_ATTEMPTS: '10' });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const results = await Promise.all(Array.from({ length: 10 }, () => t.verify(verifyEvent(user, code))));
    expect(results.filter((r) => r.response.answerCorrect === true)).toHaveLength(1);
  });
});

describe('after a success the code is consumed: replay fails', () => {
  it('rejects the same code in a later session', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const session = (await t.store.read(userItemKey(user.userName))).code!;
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
    // In a later session too: the next sign-in mails a new code at once, the used one stays dead.
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(2);
    const replay = verifyEvent(user, code, { codeId: session.id, keyId: session.keyId, round: '1' });
    expect((await t.verify(replay)).response.answerCorrect).toBe(false);
  });

  it("rejects the same code in the same session once the account's answer pacing has cooled down", async () => {
    const clock = testClock();
    const t = await triggersOn(aws, { MAX_GUESSES_PER_DAY: '1000' }, { now: clock.now });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
    clock.advance(100);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
  });
});

describe('expiry is checked on every verify, not left to DynamoDB TTL', () => {
  it('rejects the right code after CODE_TTL_SECONDS while its item still exists', async () => {
    const t = await triggersOn(aws, { CODE_TTL_SECONDS: '1' });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await t.store.read(userItemKey(user.userName))).code).toBeDefined();
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(false);
  });
});

describe('a new code replaces the previous one: only the latest code mailed is valid', () => {
  it('rejects the older code once a newer one was mailed', async () => {
    const clock = testClock();
    // Without links a live code is replaced after the resend interval; with links only once it expired or was used.
    const t = await triggersOn(aws, { SIGN_IN_LINK_URL: '' }, { now: clock.now });
    const user = newUser();
    const firstSession = (await t.create(createEvent(user))).response.privateChallengeParameters;
    const first = await t.codeFor(user.email);
    clock.advance(61);
    await t.create(createEvent(user));
    const second = await t.codeFor(user.email);
    expect(await t.emailsTo(user.email)).toHaveLength(2);
    expect((await t.verify(verifyEvent(user, first, firstSession))).response.answerCorrect).toBe(false);
    expect((await t.verify(verifyEvent(user, second))).response.answerCorrect).toBe(true);
  });
});

describe('sends are rate limited per user', () => {
  it('20 parallel sessions yield one email, and every session gets a working challenge', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const sessions = await Promise.all(Array.from({ length: 20 }, () => t.create(createEvent(user))));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    const ids = new Set(sessions.map((s) => s.response.privateChallengeParameters.codeId));
    expect(ids.size).toBe(1);
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it("Cognito's re-invocation of the same round mails at most once and neither call fails", async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const event = createEvent(user);
    const [a, b] = await Promise.all([t.create(structuredClone(event)), t.create(structuredClone(event))]);
    expect(a.response.publicChallengeParameters).toEqual(b.response.publicChallengeParameters);
    expect(await t.emailsTo(user.email)).toHaveLength(1);
  });

  it("a retry round never mails again, even after the resend interval (Cognito's session goes on with its code)", async () => {
    const clock = testClock();
    const t = await triggersOn(aws, { SIGN_IN_LINK_URL: '' }, { now: clock.now });
    const user = newUser();
    const first = await t.create(createEvent(user));
    await t.verify(verifyEvent(user, wrongFor(await t.codeFor(user.email))));
    clock.advance(61);
    const retry = await t.create(createEvent(user, [codeRound(false)]));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect(retry.response.privateChallengeParameters.codeId).toBe(first.response.privateChallengeParameters.codeId);
  });

  it.each([
    ['with sign-in links', {}],
    ['with code-only emails', { SIGN_IN_LINK_URL: '' }],
  ])('a second sign-in inside RESEND_INTERVAL_SECONDS reuses the code already mailed (%s)', async (_name, env) => {
    const clock = testClock();
    const t = await triggersOn(aws, env, { now: clock.now });
    const user = newUser();
    await t.create(createEvent(user));
    clock.advance(59);
    const second = await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect(second.response.publicChallengeParameters.attemptsLeft).toBe('3');
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('sends at most 3 emails at once, then one per hour / MAX_SENDS_PER_HOUR, even to parallel calls', async () => {
    const clock = testClock();
    // Without links, so that live codes may be replaced every 10 s and the burst is reached quickly.
    const t = await triggersOn(aws, { MAX_SENDS_PER_HOUR: '6', RESEND_INTERVAL_SECONDS: '10', SIGN_IN_LINK_URL: '' }, { now: clock.now });
    const user = newUser();
    for (let i = 0; i < 2; i++) {
      await t.create(createEvent(user));
      clock.advance(11);
    }
    await Promise.all(Array.from({ length: 10 }, () => t.create(createEvent(user))));
    expect(await t.emailsTo(user.email)).toHaveLength(3);

    clock.advance(11);
    // The burst is spent: the live code is reused rather than a fourth email sent.
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(3);

    // With no live code left, the user is told when to try again: the next email in 10 minutes at most.
    clock.advance(180);
    const refused = await t.create(createEvent(user)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SendRateExceededError);
    const wait = (refused as SendRateExceededError).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect((refused as Error).message).toMatch(/^Too many codes requested\. Try again in (\d+) seconds \[email-otp:send-throttled retry-after=\1\]$/);

    clock.advance(wait);
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(4);
  });
});

describe('unknown users get a challenge of the same shape, no email, and never succeed', () => {
  it('answers like a real user without mailing or touching the real key', async () => {
    const sleeps: number[] = [];
    const sendTiming = createSendTiming({ initialMs: 120, sleep: async (ms) => void sleeps.push(ms) });
    const t = await triggersOn(aws, {}, { sendTiming });
    const real = newUser();
    const ghost = { userName: `ghost-${real.email}`, userNotFound: true };

    const realChallenge = await t.create(createEvent(real));
    const ghostChallenge = await t.create(createEvent(ghost));
    expect(Object.keys(ghostChallenge.response.publicChallengeParameters).sort()).toEqual(
      Object.keys(realChallenge.response.publicChallengeParameters).sort(),
    );
    expect(Object.keys(ghostChallenge.response.privateChallengeParameters).sort()).toEqual(
      Object.keys(realChallenge.response.privateChallengeParameters).sort(),
    );
    for (const value of Object.values(ghostChallenge.response.privateChallengeParameters)) {
      expect(typeof value).toBe('string');
    }
    expect(ghostChallenge.response.challengeMetadata).toBe(realChallenge.response.challengeMetadata);
    expect(await t.emailsTo(ghost.userName)).toHaveLength(0);
    // Waited about as long as a real send, measured from the real one just made.
    expect(sleeps).toHaveLength(1);
    expect((await t.store.read(userItemKey(ghost.userName))).version).toBe(0);

    expect(ghostChallenge.response.publicChallengeParameters.signInLink).toBe(realChallenge.response.publicChallengeParameters.signInLink);
    // Typed codes, the real user's code and link, and any link-shaped answer: never a success.
    for (const guess of ['000000', '123456', await t.codeFor(real.email), await t.linkSecretFor(real.email), 'A'.repeat(22)]) {
      expect((await t.verify(verifyEvent(ghost, guess))).response.answerCorrect).toBe(false);
    }
  });

  it('a real account that later takes the name is not affected by what the unknown sign-in wrote', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent({ userName: user.userName, userNotFound: true }));
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('Verify never answers true for an unknown user, even with the right code for a code stored under its key', async () => {
    // No code is ever mailed to an unknown user, so this writes one directly: the refusal must not rest on that.
    const t = await triggersOn(aws);
    const ghost = { userName: `ghost-${newUser().email}`, userNotFound: true };
    await t.create(createEvent(ghost));
    const keys = await t.loadKeys();
    const key = storeKey(ghost.userName, true, keys);
    const now = Date.now();
    const known = { id: 'known-ghost-code', hash: hashCode(keys.key(keys.currentId)!, 'known-ghost-code', '123456'), linkHash: undefined, keyId: keys.currentId, issuedAt: now, expiresAt: now + 180_000 };
    expect(await t.store.claim(key, (await t.store.read(key)).version, known)).toBe(true);
    expect(await t.store.promote(key, known, now, now)).toBe(true);
    const answered = await t.verify(verifyEvent(ghost, '123456', { codeId: known.id, keyId: known.keyId, round: '1' }));
    expect(answered.response.answerCorrect).toBe(false);
    // The answer was checked, and was right: only the user being unknown refused it.
    expect((await t.store.read(key)).code?.used).toBe(true);
  });

  it('a user without an email address is treated as unknown', async () => {
    const t = await triggersOn(aws);
    const user = { userName: newUser().userName };
    const { response } = await t.create(createEvent(user));
    expect(response.publicChallengeParameters.codeLength).toBe('6');
    expect((await t.verify(verifyEvent(user, '123456'))).response.answerCorrect).toBe(false);
  });
});

describe('a sign-in link is spent with its code and expires with it', () => {
  it('is refused once its code expired, while the item still exists', async () => {
    const clock = testClock();
    const t = await triggersOn(aws, { CODE_TTL_SECONDS: '60' }, { now: clock.now });
    const user = newUser();
    await t.create(createEvent(user));
    const secret = await t.linkSecretFor(user.email);
    clock.advance(61);
    expect((await t.store.read(userItemKey(user.userName))).code).toBeDefined();
    expect((await t.verify(verifyEvent(user, secret))).response.answerCorrect).toBe(false);
  });

  it('is refused once its code was typed to sign in, and the code once the link signed in', async () => {
    const t = await triggersOn(aws);
    for (const first of ['code', 'link'] as const) {
      const user = newUser();
      await t.create(createEvent(user));
      const answers = { code: await t.codeFor(user.email), link: await t.linkSecretFor(user.email) };
      const second = first === 'code' ? 'link' : 'code';
      expect((await t.verify(verifyEvent(user, answers[first]))).response.answerCorrect).toBe(true);
      expect((await t.verify(verifyEvent(user, answers[second]))).response.answerCorrect).toBe(false);
    }
  });
});

describe('bad input gets a clear false or a clear error, never a crash', () => {
  it.each([
    ['empty', ''],
    ['huge', '1'.repeat(1_000_000)],
    ['non-digit', 'abcdef'],
    ['non-ASCII digits', '１２３４５６'],
    ['too short', '12345'],
    ['null', null],
    ['an object', { code: '123456' }],
  ])('a %s answer is false and spends no guess', async (_name, answer) => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const { response } = await t.verify(verifyEvent(user, answer));
    expect(response.answerCorrect).toBe(false);
    expect((await t.store.read(userItemKey(user.userName))).code?.attempts).toBe(0);
  });

  it('a malformed Verify event is answered false', async () => {
    const t = await triggersOn(aws);
    const event = verifyEvent(newUser(), '123456') as any;
    delete event.userName;
    expect((await t.verify(event)).response.answerCorrect).toBe(false);
  });

  it.each([
    ['no session', (e: any) => delete e.request.session],
    ['a built-in challenge name', (e: any) => (e.request.challengeName = 'PASSWORD_VERIFIER')],
    ['no request', (e: any) => delete e.request],
  ])('a Create event with %s raises a clear error', async (_name, mutate) => {
    const t = await triggersOn(aws);
    const event = createEvent(newUser()) as any;
    mutate(event);
    await expect(t.create(event)).rejects.toThrow(/^Malformed trigger event: /);
  });
});
