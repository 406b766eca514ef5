/** What is stored for one user: one item, so one conditional write keeps code, sends and guesses consistent. */
import type { UndeliverableRecord } from './delivery.ts';

/** A code written before its email is sent. It is offered to nobody until SES has accepted the email. */
export interface PendingCode {
  /** Random, non-secret id: names the code in sessions (private challenge parameters) and logs. */
  readonly id: string;
  readonly hash: string;
  /** Keyed hash of the sign-in link's secret mailed with the code; undefined when no link was mailed. */
  readonly linkHash: string | undefined;
  /** Which server-side key the hashes were made under. */
  readonly keyId: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  /** Epoch milliseconds; checked on every verify, independently of DynamoDB TTL. */
  readonly expiresAt: number;
}

/** The code offered to sign-in sessions: SES accepted its email. Only its keyed hashes are kept. */
export interface StoredCode extends PendingCode {
  /** Answers counted against this code so far. */
  readonly attempts: number;
  /** A correct answer was accepted: the code is spent. */
  readonly used: boolean;
}

export interface UserState {
  readonly code: StoredCode | undefined;
  readonly pending: PendingCode | undefined;
  /** Epoch ms of the last email SES accepted. */
  readonly lastSentAt: number | undefined;
  /** Rate limiter state (theoretical arrival time, epoch ms) of emails and of evaluated answers. */
  readonly sendTat: number;
  readonly guessTat: number;
  /** SES reported a permanent bounce or a complaint for an address of this user (delivery.ts). */
  readonly undeliverable?: UndeliverableRecord | undefined;
  /** Optimistic-lock counter; 0 when there is no item yet. */
  readonly version: number;
}

export const EMPTY_STATE: UserState = {
  code: undefined,
  pending: undefined,
  lastSentAt: undefined,
  sendTat: 0,
  guessTat: 0,
  version: 0,
};

/**
 * A code a new session may still be given: accepted by SES, not used, not expired, and either guesses left or a
 * sign-in link, which works after the typed guesses ran out (its secret cannot be guessed, so it needs no limit).
 */
export function isOfferable(code: StoredCode | undefined, now: number, maxAttempts: number): code is StoredCode {
  return (
    code !== undefined && !code.used && code.expiresAt > now && (code.attempts < maxAttempts || code.linkHash !== undefined)
  );
}
