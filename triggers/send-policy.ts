import type { StoredCode, UserState } from './code-store.ts';

export interface SendPolicy {
  readonly resendIntervalSeconds: number;
  readonly maxSendsPerHour: number;
  readonly maxAttempts: number;
}

export type SendDecision =
  | { readonly kind: 'send' }
  | { readonly kind: 'reuse'; readonly code: StoredCode }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** The rolling window MAX_SENDS_PER_HOUR counts over. */
export const SEND_WINDOW_MS = 3_600_000;

/** A code that can still be answered: not expired and guesses left. */
export function isLive(code: StoredCode | undefined, now: number, maxAttempts: number): code is StoredCode {
  return code !== undefined && code.expiresAt > now && code.attempts < maxAttempts;
}

export function sendsWithinHour(sends: readonly number[], now: number): number[] {
  return sends.filter((t) => t > now - SEND_WINDOW_MS && t <= now).sort((a, b) => a - b);
}

/** Epoch ms from which another email may be sent. */
export function nextSendAllowedAt(sends: readonly number[], now: number, policy: SendPolicy): number {
  const recent = sendsWithinHour(sends, now);
  const last = recent.at(-1);
  const afterInterval = last === undefined ? now : last + policy.resendIntervalSeconds * 1000;
  const oldestCounted = recent.at(-policy.maxSendsPerHour);
  const afterCap = recent.length >= policy.maxSendsPerHour && oldestCounted !== undefined ? oldestCounted + SEND_WINDOW_MS : now;
  return Math.max(now, afterInterval, afterCap);
}

/**
 * What a new sign-in session gets: the live code already mailed while no new email is allowed, a new
 * code when one is allowed, or a refusal when no email is allowed and there is no live code to reuse.
 */
export function decideSend(state: UserState, now: number, policy: SendPolicy): SendDecision {
  const allowedAt = nextSendAllowedAt(state.sends, now, policy);
  if (allowedAt <= now) return { kind: 'send' };
  if (isLive(state.code, now, policy.maxAttempts)) return { kind: 'reuse', code: state.code };
  return { kind: 'throttled', retryAfterSeconds: Math.ceil((allowedAt - now) / 1000) };
}
