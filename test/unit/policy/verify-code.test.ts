import { describe, expect, it } from 'vitest';
import { GuessRateExceededError } from '../../../triggers/domain/errors.ts';
import { issueCode } from '../../../triggers/domain/issue-code.ts';
import { verifyAnswer, type VerifyRequest } from '../../../triggers/domain/verify-code.ts';
import { KEYS, NO_LINKS, POLICY, world } from './fixtures.ts';

async function issued(policy = POLICY) {
  const w = world(policy);
  const result = await issueCode(w.request());
  const answer = (candidate: unknown, over: Partial<VerifyRequest> = {}) =>
    verifyAnswer({
      store: w.store,
      key: 'user#u',
      answer: candidate,
      codeId: result.code.id,
      keyId: result.code.keyId,
      loadKeys: async () => KEYS,
      codeLength: 6,
      maxAttempts: policy.maxAttempts,
      guessPolicy: policy,
      now: w.clock.now,
      ...over,
    });
  const wrong = w.inbox[0] === '000000' ? '111111' : '000000';
  return { w, code: w.inbox[0]!, link: w.links[0]!, wrong, answer };
}

describe('verifying: counted before compared, consumed by success', () => {
  it('accepts the right code once; a replay is refused', async () => {
    const { code, answer } = await issued();
    expect(await answer(code)).toEqual({ outcome: 'correct', method: 'code', attemptsLeft: 2 });
    expect(await answer(code)).toEqual({ outcome: 'used', method: 'code' });
  });

  it('a code accepts at most MAX_ATTEMPTS guesses, the right one included', async () => {
    const { code, wrong, answer } = await issued();
    expect(await answer(wrong)).toEqual({ outcome: 'wrong', method: 'code', attemptsLeft: 2 });
    expect(await answer(wrong)).toEqual({ outcome: 'wrong', method: 'code', attemptsLeft: 1 });
    expect(await answer(wrong)).toEqual({ outcome: 'wrong', method: 'code', attemptsLeft: 0 });
    expect(await answer(code)).toEqual({ outcome: 'locked_out', method: 'code' });
  });

  it('counts parallel answers atomically: never more comparisons than MAX_ATTEMPTS', async () => {
    const { wrong, answer } = await issued();
    const outcomes = (await Promise.all(Array.from({ length: 20 }, () => answer(wrong)))).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'locked_out')).toHaveLength(17);
  });

  it('refuses an expired code, checked on every answer', async () => {
    const { w, code, answer } = await issued();
    expect(await answer(code, { now: w.clock.now + 180_000 })).toEqual({ outcome: 'expired', method: 'code' });
  });

  it('spends nothing on an answer that cannot be a code', async () => {
    const { code, answer } = await issued();
    for (const bad of ['', '12345', '1234567', 'abcdef', '１２３４５６', 123456, null, 'x'.repeat(10_000)]) {
      expect(await answer(bad)).toEqual({ outcome: 'malformed' });
    }
    expect(await answer(code)).toMatchObject({ outcome: 'correct', method: 'code', attemptsLeft: 2 });
  });

  it('a session answers only for the code it was given: a newer code is not its to spend', async () => {
    const { w, answer } = await issued(NO_LINKS);
    w.clock.now += 61_000;
    const newer = await issueCode(w.request());
    expect(await answer(w.inbox[1]!)).toEqual({ outcome: 'code_replaced', method: 'code' });
    expect(w.state()!.code).toMatchObject({ id: newer.code.id, attempts: 0 });
  });

  it('paces the account after the burst: at most maxGuessesPerWindow answers evaluated per window', async () => {
    const policy = { ...POLICY, maxAttempts: 10, maxGuessesPerWindow: 10, guessWindowSeconds: 600 };
    const { wrong, answer } = await issued(policy);
    for (let i = 0; i < 4; i++) expect((await answer(wrong)).outcome).toBe('wrong');
    const paced = await answer(wrong).catch((e: unknown) => e);
    expect(paced).toBeInstanceOf(GuessRateExceededError);
    expect((paced as GuessRateExceededError).retryAfterSeconds).toBe(100);
  });

  it('reads the keys again for a key id it does not know (a rotation since), and an unknown key means expired', async () => {
    const { code, answer } = await issued();
    const calls: boolean[] = [];
    const rotating = async ({ refresh = false } = {}) => {
      calls.push(refresh);
      return refresh ? KEYS : { currentId: 'k9', key: () => undefined };
    };
    expect(await answer(code, { loadKeys: rotating })).toMatchObject({ outcome: 'correct' });
    expect(calls).toEqual([false, true]);
    expect(await answer(code, { keyId: 'gone' })).toEqual({ outcome: 'expired', method: 'code' });
  });
});

describe('verifying a sign-in link: unguessable, so neither counted nor paced; single use like the code', () => {
  const otherSecret = (secret: string) => (secret.startsWith('A') ? 'B' : 'A') + secret.slice(1);

  it('signs in once; a replay of the link or of the code is refused', async () => {
    const { code, link, answer } = await issued();
    expect(await answer(link)).toEqual({ outcome: 'correct', method: 'link' });
    expect(await answer(link)).toEqual({ outcome: 'used', method: 'link' });
    expect(await answer(code)).toEqual({ outcome: 'used', method: 'code' });
  });

  it('still signs in after a stranger spent every typed guess and the account is paced', async () => {
    const policy = { ...POLICY, maxGuessesPerWindow: 10, guessWindowSeconds: 600 };
    const { wrong, link, answer } = await issued(policy);
    for (let i = 0; i < 3; i++) expect((await answer(wrong)).outcome).toBe('wrong');
    expect((await answer(wrong)).outcome).toBe('locked_out');
    expect(await answer(link)).toEqual({ outcome: 'correct', method: 'link' });
  });

  it('still signs in while typed answers are paced', async () => {
    const policy = { ...POLICY, maxAttempts: 10, maxGuessesPerWindow: 10, guessWindowSeconds: 600 };
    const { wrong, link, answer } = await issued(policy);
    for (let i = 0; i < 4; i++) await answer(wrong);
    await expect(answer(wrong)).rejects.toBeInstanceOf(GuessRateExceededError);
    expect(await answer(link)).toEqual({ outcome: 'correct', method: 'link' });
  });

  it('a wrong secret is refused and counts nothing: the code keeps its guesses and the account its pace', async () => {
    const { w, code, link, answer } = await issued();
    const before = w.state()!;
    for (let i = 0; i < 50; i++) expect(await answer(otherSecret(link))).toEqual({ outcome: 'wrong', method: 'link' });
    expect(w.state()!.code).toEqual(before.code);
    expect(w.state()!.guessTat).toBe(before.guessTat);
    expect(await answer(code)).toMatchObject({ outcome: 'correct', attemptsLeft: 2 });
  });

  it('expires with its code, and dies when a newer code replaces it', async () => {
    const first = await issued();
    expect(await first.answer(first.link, { now: first.w.clock.now + 180_000 })).toEqual({ outcome: 'expired', method: 'link' });
    first.w.clock.now += 181_000;
    await issueCode(first.w.request());
    expect(await first.answer(first.link, { now: first.w.clock.now })).toEqual({ outcome: 'code_replaced', method: 'link' });
  });

  it('the right code and the right link at once: exactly one signs in', async () => {
    const { code, link, answer } = await issued();
    const outcomes = (await Promise.all([answer(code), answer(link), answer(code), answer(link)])).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'correct')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'used')).toHaveLength(3);
  });

  it('when no link was mailed, a link-shaped answer is simply wrong', async () => {
    const { answer } = await issued(NO_LINKS);
    expect(await answer('A'.repeat(22))).toEqual({ outcome: 'wrong', method: 'link' });
  });
});
