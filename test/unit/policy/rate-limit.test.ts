import { describe, expect, it } from 'vitest';
import { guessRate, GUESS_BURST } from '../../../triggers/domain/guess-policy.ts';
import { admit, toSeconds, type Rate } from '../../../triggers/domain/rate-limit.ts';

/** Admits events at the given times, carrying the stored state as a store would. */
function run(rate: Rate, times: number[]) {
  let tat = 0;
  return times.map((now) => {
    const result = admit(tat, now, rate);
    if (result.ok) tat = result.tat;
    return result;
  });
}

describe('rates: a burst, then one event per interval', () => {
  const rate = { intervalMs: 1_000, burst: 3 };
  it('admits the burst at once and refuses the next, saying how long to wait', () => {
    const results = run(rate, [0, 0, 0, 0]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ ok: false, retryAfterMs: 1_000 });
  });
  it('admits one more per interval after the burst', () => {
    expect(run(rate, [0, 0, 0, 1_000, 1_500, 2_000]).map((r) => r.ok)).toEqual([true, true, true, true, false, true]);
  });
  it('never admits more than burst + P / interval over any period P', () => {
    const times = Array.from({ length: 200 }, (_, i) => i * 37);
    const admitted = run(rate, times).filter((r) => r.ok).length;
    expect(admitted).toBeLessThanOrEqual(3 + Math.floor(times.at(-1)! / 1_000));
  });
  it('rounds waits up to whole seconds, at least 1', () => {
    expect([1, 999, 1_000, 1_001].map(toSeconds)).toEqual([1, 1, 1, 2]);
  });
});

describe('answers: at most maxGuessesPerWindow evaluated per account per window', () => {
  it('fits exactly 100 answers in a day with the defaults, the first GUESS_BURST at once', () => {
    const rate = guessRate({ maxGuessesPerWindow: 100, guessWindowSeconds: 86_400 });
    expect(rate.burst).toBe(GUESS_BURST);
    // Someone answering every second from the window's first instant to its last.
    const times = Array.from({ length: 86_401 }, (_, i) => i * 1_000);
    expect(run(rate, times).filter((r) => r.ok).length).toBe(100);
  });
});
