import { matchesHash, normalizeAnswer } from './code.ts';
import type { CodeStore } from './code-store.ts';

export type VerifyOutcome =
  | 'correct'
  | 'wrong'
  | 'malformed'
  | 'expired'
  | 'locked_out'
  | 'no_code'
  /** Right code, but a parallel answer consumed it first or a newer code replaced it. */
  | 'code_replaced';

export interface VerifyRequest {
  readonly store: CodeStore;
  readonly key: string;
  readonly answer: unknown;
  readonly codeLength: number;
  readonly maxAttempts: number;
  readonly now: number;
}

export interface VerifyResult {
  readonly outcome: VerifyOutcome;
  readonly codeId?: string;
  readonly attemptsLeft?: number;
}

/**
 * Checks an answer against the user's current code: counts the guess atomically first (so no amount of
 * concurrency gets more than maxAttempts comparisons), compares in constant time, and consumes the
 * code on success so it can never be used again.
 */
export async function verifyAnswer(request: VerifyRequest): Promise<VerifyResult> {
  const { store, key } = request;
  const candidate = normalizeAnswer(request.answer, request.codeLength);
  // Cannot be a code, so cannot be right: no guess is spent on a typo of the wrong shape.
  if (candidate === undefined) return { outcome: 'malformed' };

  const attempt = await store.countAttempt(key, request.maxAttempts, request.now);
  if (attempt.kind !== 'counted') return { outcome: attempt.kind };
  const { code } = attempt;
  const attemptsLeft = Math.max(0, request.maxAttempts - code.attempts);
  if (!matchesHash(candidate, code.salt, code.hash)) return { outcome: 'wrong', codeId: code.id, attemptsLeft };
  if (!(await store.consume(key, code.hash))) return { outcome: 'code_replaced', codeId: code.id };
  return { outcome: 'correct', codeId: code.id, attemptsLeft };
}
