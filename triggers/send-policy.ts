import { admit, toSeconds, type Rate } from './rate-limit.ts';
import { isLive, type StoredCode, type UserState } from './user-state.ts';
import { guessRate, type GuessPolicy } from './guess-policy.ts';

export interface SendPolicy extends GuessPolicy {
  readonly resendIntervalSeconds: number;
  readonly maxSendsPerHour: number;
  readonly sendWindowSeconds: number;
  readonly maxAttempts: number;
}

/** Emails a user may get at once before the hourly rate applies: a typo'd code and an expired one. */
export const SEND_BURST = 3;

/**
 * Longest a Create may still be mailing a code it claimed: the whole trigger budget. A claim older than this
 * was abandoned (the invocation was killed), and the next sign-in mails a code of its own.
 */
export const PENDING_TIMEOUT_MS = 5_000;

export function sendRate(policy: Pick<SendPolicy, 'maxSendsPerHour' | 'sendWindowSeconds'>): Rate {
  return {
    intervalMs: (policy.sendWindowSeconds * 1000) / policy.maxSendsPerHour,
    burst: Math.min(SEND_BURST, policy.maxSendsPerHour),
  };
}

export type SendDecision =
  | { readonly kind: 'send' }
  | { readonly kind: 'reuse'; readonly code: StoredCode }
  /** Another invocation is mailing a code right now: wait for it rather than mail a second one. */
  | { readonly kind: 'wait' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number; readonly reason: 'sends' | 'guesses' };

/**
 * Bounds under which a new email may certainly be sent at `now`, each on one stored field, so that a store can
 * check them in the same conditional write that claims the send (no read first). Stricter than decideSend in
 * one case only: a code just used to sign in still counts its resend interval here, and decideSend decides that.
 */
export interface SendableBounds {
  /** No claim younger than PENDING_TIMEOUT_MS: a pending claim issued at or before this is abandoned. */
  readonly pendingIssuedBy: number;
  /** The last email was sent at or before this (resend interval). */
  readonly lastSentBy: number;
  /** Send and answer pacing admit one more (rate-limit tat at or below these). */
  readonly sendTatAtMost: number;
  readonly guessTatAtMost: number;
}

export function sendableBounds(now: number, policy: SendPolicy): SendableBounds {
  const rateLimit = (rate: Rate) => now + (rate.burst - 1) * rate.intervalMs;
  return {
    pendingIssuedBy: now - PENDING_TIMEOUT_MS,
    lastSentBy: now - policy.resendIntervalSeconds * 1000,
    sendTatAtMost: rateLimit(sendRate(policy)),
    guessTatAtMost: rateLimit(guessRate(policy)),
  };
}

/** The bounds applied to a state as the conditional write applies them; true implies decideSend gives 'send'. */
export function withinSendableBounds(state: UserState, bounds: SendableBounds): boolean {
  return (
    (state.pending === undefined || state.pending.issuedAt <= bounds.pendingIssuedBy) &&
    (state.lastSentAt === undefined || state.lastSentAt <= bounds.lastSentBy) &&
    state.sendTat <= bounds.sendTatAtMost &&
    state.guessTat <= bounds.guessTatAtMost
  );
}

/** Epoch ms from which another email may be sent. */
export function nextSendAllowedAt(state: UserState, now: number, policy: SendPolicy): number {
  // A code just used to sign in is spent: signing in again needs a new one at once.
  const afterInterval =
    state.lastSentAt === undefined || state.code?.used ? now : state.lastSentAt + policy.resendIntervalSeconds * 1000;
  const rate = admit(state.sendTat, now, sendRate(policy));
  return Math.max(now, afterInterval, rate.ok ? now : now + rate.retryAfterMs);
}

/**
 * What a new sign-in session gets: a new code when an email is allowed, else the live code already mailed,
 * else a refusal saying when to try again. While the account's answers are paced (many wrong answers), no
 * code is mailed or offered: it could not be answered yet, and mailing it would only fill the inbox.
 */
export function decideSend(state: UserState, now: number, policy: SendPolicy): SendDecision {
  if (state.pending && now - state.pending.issuedAt < PENDING_TIMEOUT_MS) return { kind: 'wait' };
  const guesses = admit(state.guessTat, now, guessRate(policy));
  if (!guesses.ok) return { kind: 'throttled', retryAfterSeconds: toSeconds(guesses.retryAfterMs), reason: 'guesses' };
  const allowedAt = nextSendAllowedAt(state, now, policy);
  if (allowedAt <= now) return { kind: 'send' };
  if (isLive(state.code, now, policy.maxAttempts)) return { kind: 'reuse', code: state.code };
  return { kind: 'throttled', retryAfterSeconds: toSeconds(allowedAt - now), reason: 'sends' };
}
