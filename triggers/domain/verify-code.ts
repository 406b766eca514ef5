import { hashCode, hashLinkSecret, linkSecretOf, normalizeAnswer, sameHash } from './code.ts';
import type { LoadCodeKeys } from './code-key.ts';
import type { CodeStore } from './code-store.ts';
import { GuessRateExceededError } from './errors.ts';
import { guessRate, type GuessPolicy } from './guess-policy.ts';
import { toSeconds } from './rate-limit.ts';

export type VerifyOutcome =
  | 'correct'
  | 'wrong'
  | 'malformed'
  | 'expired'
  | 'locked_out'
  | 'no_code'
  /** Right or wrong, the answer was for a code that is no longer the current one: nothing was spent. */
  | 'code_replaced'
  /** The code was already used to sign in: a replay, or the slower of two parallel right answers. */
  | 'used';

export interface VerifyRequest {
  readonly store: CodeStore;
  readonly key: string;
  readonly answer: unknown;
  /** The code this session was given (private challenge parameters) and the key it was hashed under. */
  readonly codeId: string;
  readonly keyId: string;
  readonly loadKeys: LoadCodeKeys;
  readonly codeLength: number;
  readonly maxAttempts: number;
  readonly guessPolicy: GuessPolicy;
  readonly now: number;
}

export interface VerifyResult {
  readonly outcome: VerifyOutcome;
  /** What the answer was: a typed code, or the secret of the email's sign-in link. */
  readonly method?: 'code' | 'link';
  readonly attemptsLeft?: number;
}

async function keyFor(loadKeys: LoadCodeKeys, keyId: string): Promise<Uint8Array | undefined> {
  return (await loadKeys()).key(keyId) ?? (await loadKeys({ refresh: true })).key(keyId);
}

/**
 * Checks an answer against the code its session was given. A typed code is counted atomically first (per code
 * and per account, so no concurrency gets more comparisons than the limits allow), then its keyed hash is
 * compared in constant time; the count records the guess, which is how a right answer consumes the code.
 * Throws GuessRateExceededError while the account's typed answers are paced. A link's secret is checked apart.
 */
export async function verifyAnswer(request: VerifyRequest): Promise<VerifyResult> {
  const candidate = normalizeAnswer(request.answer, request.codeLength);
  const linkSecret = candidate === undefined ? linkSecretOf(request.answer) : undefined;
  // Cannot be a code or a link, so cannot be right: no guess is spent on a typo of the wrong shape.
  if (candidate === undefined && linkSecret === undefined) return { outcome: 'malformed' };
  const key = await keyFor(request.loadKeys, request.keyId);
  // A key that is gone (rotated out after the code expired) can only mean an old session.
  if (!key) return { outcome: 'expired', method: candidate === undefined ? 'link' : 'code' };
  if (candidate === undefined) return verifyLink(request, key, linkSecret!);

  const guessHash = hashCode(key, request.codeId, candidate);
  const result = await request.store.answer(request.key, {
    codeId: request.codeId,
    guessHash,
    now: request.now,
    maxAttempts: request.maxAttempts,
    rate: guessRate(request.guessPolicy),
  });
  if (result.kind === 'throttled') throw new GuessRateExceededError(toSeconds(result.retryAfterMs));
  if (result.kind !== 'counted') return { outcome: result.kind, method: 'code' };
  const attemptsLeft = Math.max(0, request.maxAttempts - result.code.attempts - 1);
  return { outcome: sameHash(guessHash, result.code.hash) ? 'correct' : 'wrong', method: 'code', attemptsLeft };
}

/** A sign-in link's secret spends the code in one conditional write; it is neither counted nor paced. */
async function verifyLink(request: VerifyRequest, key: Uint8Array, secret: string): Promise<VerifyResult> {
  const result = await request.store.redeemLink(request.key, {
    codeId: request.codeId,
    linkHash: hashLinkSecret(key, request.codeId, secret),
    now: request.now,
  });
  return { outcome: result.kind === 'redeemed' ? 'correct' : result.kind, method: 'link' };
}
