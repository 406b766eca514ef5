import { describe, expect, it } from 'vitest';
import { GuessRateExceededError } from '../../../triggers/errors.ts';
import { issueCode } from '../../../triggers/issue-code.ts';
import { verifyAnswer, type VerifyRequest } from '../../../triggers/verify-code.ts';
import { KEYS, POLICY, world } from './fixtures.ts';

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
  return { w, code: w.inbox[0]!, wrong, answer };
}

describe('verifying: counted before compared, consumed by success', () => {
  it('accepts the right code once; a replay is refused', async () => {
    const { code, answer } = await issued();
    expect(await answer(code)).toEqual({ outcome: 'correct', attemptsLeft: 2 });
    expect(await answer(code)).toEqual({ outcome: 'used' });
  });

  it('a code accepts at most MAX_ATTEMPTS guesses, the right one included', async () => {
    const { code, wrong, answer } = await issued();
    expect(await answer(wrong)).toEqual({ outcome: 'wrong', attemptsLeft: 2 });
    expect(await answer(wrong)).toEqual({ outcome: 'wrong', attemptsLeft: 1 });
    expect(await answer(wrong)).toEqual({ outcome: 'wrong', attemptsLeft: 0 });
    expect(await answer(code)).toEqual({ outcome: 'locked_out' });
  });

  it('counts parallel answers atomically: never more comparisons than MAX_ATTEMPTS', async () => {
    const { wrong, answer } = await issued();
    const outcomes = (await Promise.all(Array.from({ length: 20 }, () => answer(wrong)))).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'locked_out')).toHaveLength(17);
  });

  it('refuses an expired code, checked on every answer', async () => {
    const { w, code, answer } = await issued();
    expect(await answer(code, { now: w.clock.now + 180_000 })).toEqual({ outcome: 'expired' });
  });

  it('spends nothing on an answer that cannot be a code', async () => {
    const { code, answer } = await issued();
    for (const bad of ['', '12345', '1234567', 'abcdef', '１２３４５６', 123456, null, 'x'.repeat(10_000)]) {
      expect(await answer(bad)).toEqual({ outcome: 'malformed' });
    }
    expect(await answer(code)).toMatchObject({ outcome: 'correct', attemptsLeft: 2 });
  });

  it('a session answers only for the code it was given: a newer code is not its to spend', async () => {
    const { w, answer } = await issued();
    w.clock.now += 61_000;
    const newer = await issueCode(w.request());
    expect(await answer(w.inbox[1]!)).toEqual({ outcome: 'code_replaced' });
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
    expect(await answer(code, { keyId: 'gone' })).toEqual({ outcome: 'expired' });
  });
});
