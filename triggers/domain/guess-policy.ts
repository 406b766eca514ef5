import type { Rate } from './rate-limit.ts';

export interface GuessPolicy {
  /** Answers evaluated per account per window (default: 100 per 24 hours, NIST SP 800-63B 5.2.2). */
  readonly maxGuessesPerWindow: number;
  readonly guessWindowSeconds: number;
}

/** Answers a person may give in quick succession (a code's three tries and one more) before pacing starts. */
export const GUESS_BURST = 4;

/** Burst plus one answer per interval: exactly `maxGuessesPerWindow` fit in any window. */
export function guessRate(policy: GuessPolicy): Rate {
  const burst = Math.min(GUESS_BURST, policy.maxGuessesPerWindow);
  const paced = Math.max(1, policy.maxGuessesPerWindow - burst);
  return { intervalMs: (policy.guessWindowSeconds * 1000) / paced, burst };
}
