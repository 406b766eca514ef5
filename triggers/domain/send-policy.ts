import { admit, toSeconds, type Rate } from './rate-limit.ts';
import { guessRate, type GuessPolicy } from './guess-policy.ts';
import { isOfferable, type StoredCode, type UserState } from './user-state.ts';

export interface SendPolicy extends GuessPolicy {
  readonly resendIntervalSeconds: number;
  readonly maxSendsPerHour: number;
  readonly sendWindowSeconds: number;
  readonly maxAttempts: number;
  /** Each email carries a sign-in link (SIGN_IN_LINK_URL, code mode). */
  readonly linksMailed: boolean;
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
 * one case only: a code just used to sign in still counts its resend interval and its link's lifetime here, and
 * decideSend decides that.
 */
export interface SendableBounds {
  /** No claim younger than PENDING_TIMEOUT_MS: a pending claim issued at or before this is abandoned. */
  readonly pendingIssuedBy: number;
  /** The last email was sent at or before this (resend interval). */
  readonly lastSentBy: number;
  /** A code mailed with a link expired at or before this (or was mailed without one). */
  readonly linkedCodeExpiredBy: number;
  /** Send pacing admits one more (rate-limit tat at or below this). */
  readonly sendTatAtMost: number;
  /** Without links only: answer pacing admits one more (an email that could not be answered is not sent). */
  readonly guessTatAtMost: number | undefined;
  /**
   * No delivery record in force (it ended at or before this). A record, even for an address the user no longer
   * has, sends the sign-in to the read that decides: only people whose address bounced pay that extra request.
   */
  readonly undeliverableEndedBy: number;
}

export function sendableBounds(now: number, policy: SendPolicy): SendableBounds {
  const rateLimit = (rate: Rate) => now + (rate.burst - 1) * rate.intervalMs;
  return {
    pendingIssuedBy: now - PENDING_TIMEOUT_MS,
    lastSentBy: now - policy.resendIntervalSeconds * 1000,
    linkedCodeExpiredBy: now,
    sendTatAtMost: rateLimit(sendRate(policy)),
    guessTatAtMost: policy.linksMailed ? undefined : rateLimit(guessRate(policy)),
    undeliverableEndedBy: now,
  };
}

/** The bounds applied to a state as the conditional write applies them; true implies decideSend gives 'send'. */
export function withinSendableBounds(state: UserState, bounds: SendableBounds): boolean {
  return (
    (state.pending === undefined || state.pending.issuedAt <= bounds.pendingIssuedBy) &&
    (state.lastSentAt === undefined || state.lastSentAt <= bounds.lastSentBy) &&
    (state.code?.linkHash === undefined || state.code.expiresAt <= bounds.linkedCodeExpiredBy) &&
    state.sendTat <= bounds.sendTatAtMost &&
    (bounds.guessTatAtMost === undefined || state.guessTat <= bounds.guessTatAtMost) &&
    (state.undeliverable === undefined || state.undeliverable.until <= bounds.undeliverableEndedBy)
  );
}

/** Epoch ms from which another email may be sent. */
export function nextSendAllowedAt(state: UserState, now: number, policy: SendPolicy): number {
  const { code } = state;
  // A code just used to sign in is spent: signing in again needs a new one at once.
  const afterInterval = state.lastSentAt === undefined || code?.used ? now : state.lastSentAt + policy.resendIntervalSeconds * 1000;
  // A link is opened by starting a new sign-in, which must be given the link's code: no new code replaces it
  // while it works. Without this, a link clicked after the resend interval would mail a code that kills it.
  const linkWorks = code?.linkHash !== undefined && !code.used ? code.expiresAt : now;
  const rate = admit(state.sendTat, now, sendRate(policy));
  return Math.max(now, afterInterval, linkWorks, rate.ok ? now : now + rate.retryAfterMs);
}

/**
 * What a new sign-in session gets: a new code when an email is allowed, else the code already mailed while it
 * can still be used, else a refusal saying when to try again. With links, paced answers do not stop a send: the
 * email's link signs its reader in however many wrong answers a stranger gave, so the inbox always gets a way
 * in within one send interval. Without links, nothing is mailed or offered while answers are paced: the code
 * could not be answered yet, and mailing it would only fill the inbox.
 */
export function decideSend(state: UserState, now: number, policy: SendPolicy): SendDecision {
  if (state.pending && now - state.pending.issuedAt < PENDING_TIMEOUT_MS) return { kind: 'wait' };
  if (!policy.linksMailed) {
    const guesses = admit(state.guessTat, now, guessRate(policy));
    if (!guesses.ok) return { kind: 'throttled', retryAfterSeconds: toSeconds(guesses.retryAfterMs), reason: 'guesses' };
  }
  const allowedAt = nextSendAllowedAt(state, now, policy);
  if (allowedAt <= now) return { kind: 'send' };
  if (isOfferable(state.code, now, policy.maxAttempts)) return { kind: 'reuse', code: state.code };
  return { kind: 'throttled', retryAfterSeconds: toSeconds(allowedAt - now), reason: 'sends' };
}
