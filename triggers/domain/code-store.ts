import { sameHash } from './code.ts';
import { admit, type Rate } from './rate-limit.ts';
import type { UndeliverableRecord } from './delivery.ts';
import type { SendableBounds } from './send-policy.ts';
import type { PendingCode, StoredCode, UserState } from './user-state.ts';

/** One answer to count: against the code the session was given, paced per account. */
export interface AnswerAttempt {
  readonly codeId: string;
  /** Keyed hash of the candidate under the code's key: recorded, never the candidate itself. */
  readonly guessHash: string;
  readonly now: number;
  readonly maxAttempts: number;
  readonly rate: Rate;
}

export type Refusal =
  | { readonly kind: 'no_code' | 'code_replaced' | 'used' | 'expired' | 'locked_out' }
  | { readonly kind: 'throttled'; readonly retryAfterMs: number };

/** The answer was counted; `code` is the code as it was just before, to compare the candidate with. */
export type AnswerResult = { readonly kind: 'counted'; readonly code: StoredCode } | Refusal;

/** Whether an answer may be counted, decided from the stored state alone; the store applies it atomically. */
export function judgeAnswer(state: UserState, attempt: AnswerAttempt): { readonly kind: 'admit'; readonly guessTat: number } | Refusal {
  const { code } = state;
  if (!code) return { kind: 'no_code' };
  // A session only spends the guesses of the code it was given: another session's newer code is not its to burn.
  if (code.id !== attempt.codeId) return { kind: 'code_replaced' };
  if (code.used) return { kind: 'used' };
  if (code.expiresAt <= attempt.now) return { kind: 'expired' };
  if (code.attempts >= attempt.maxAttempts) return { kind: 'locked_out' };
  const admission = admit(state.guessTat, attempt.now, attempt.rate);
  if (!admission.ok) return { kind: 'throttled', retryAfterMs: admission.retryAfterMs };
  return { kind: 'admit', guessTat: admission.tat };
}

/** A sign-in link's secret, offered for the code the session was given. */
export interface LinkAttempt {
  readonly codeId: string;
  /** Keyed hash of the offered secret under the code's key. */
  readonly linkHash: string;
  readonly now: number;
}

/** `redeemed`: the link was right and its code is now spent. Nothing is counted either way. */
export type LinkResult = { readonly kind: 'redeemed' } | { readonly kind: 'no_code' | 'code_replaced' | 'used' | 'expired' | 'wrong' };

/**
 * Whether a link redeems its code, from the stored state alone. Neither typed guesses nor answer pacing apply:
 * 128 random bits cannot be guessed, and that is what lets the inbox in while a stranger exhausts both.
 */
export function judgeLink(state: UserState, attempt: LinkAttempt): LinkResult {
  const { code } = state;
  if (!code) return { kind: 'no_code' };
  if (code.id !== attempt.codeId) return { kind: 'code_replaced' };
  if (code.used) return { kind: 'used' };
  if (code.expiresAt <= attempt.now) return { kind: 'expired' };
  if (!code.linkHash || !sameHash(code.linkHash, attempt.linkHash)) return { kind: 'wrong' };
  return { kind: 'redeemed' };
}

export interface CodeStore {
  read(key: string): Promise<UserState>;
  /**
   * Records a code about to be mailed if the stored state is within `bounds` (an email may be sent now), in one
   * conditional write without a read: the state before the write, or undefined when the condition failed.
   */
  claimIfSendable(key: string, bounds: SendableBounds, pending: PendingCode): Promise<UserState | undefined>;
  /**
   * Records a code about to be mailed if the item is still at `expectedVersion`; false when another writer got there
   * first. It also drops a delivery record the caller found no longer applies (ended, or for another address).
   */
  claim(key: string, expectedVersion: number, pending: PendingCode): Promise<boolean>;
  /** SES accepted the email: the pending code becomes the one offered, and the send is charged. False if it was taken over. */
  promote(key: string, pending: PendingCode, sentAt: number, sendTat: number): Promise<boolean>;
  /** The email was not accepted: forget the pending code (if still ours); the previous code stays valid. */
  abandon(key: string, pendingId: string): Promise<void>;
  /** Atomically counts one answer (attempts, account pacing, the guess itself) before any comparison. */
  answer(key: string, attempt: AnswerAttempt): Promise<AnswerResult>;
  /** Atomically spends the code if the link is right for it (judgeLink); a replay or a parallel answer loses. */
  redeemLink(key: string, attempt: LinkAttempt): Promise<LinkResult>;
  /** Records SES feedback on a known user's item, unless a later report is already there; false then. */
  recordUndeliverable(key: string, record: UndeliverableRecord): Promise<boolean>;
}

