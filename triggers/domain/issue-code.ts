import { randomUUID } from 'node:crypto';
import { timeLeft } from './deadline.ts';
import { generateCode, generateLinkSecret, hashCode, hashLinkSecret } from './code.ts';
import type { CodeKeys } from './code-key.ts';
import type { CodeStore } from './code-store.ts';
import type { EmailCeiling } from '../aws/email-ceiling.ts';
import { CodeStoreError, EmailCeilingError, GuessRateExceededError, SendRateExceededError } from './errors.ts';
import { admit } from './rate-limit.ts';
import { decideSend, nextSendAllowedAt, sendableBounds, sendRate, type SendPolicy } from './send-policy.ts';
import type { PendingCode, StoredCode, UserState } from './user-state.ts';

export interface IssueRequest {
  readonly store: CodeStore;
  readonly key: string;
  readonly policy: SendPolicy;
  readonly keys: CodeKeys;
  readonly codeLength: number;
  readonly codeTtlSeconds: number;
  readonly now: () => number;
  /** Mails the plain code and link secret; throws if SES did not accept them. The only place they go. */
  readonly deliver: (secrets: MailedSecrets) => Promise<void>;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The pool-wide ceiling of emails per hour: each new code takes a slot before it is mailed. */
  readonly ceiling?: EmailCeiling | undefined;
  /**
   * Whether the stored state stops any code to this address (a delivery record in force: delivery.ts); the caller
   * decides what the person is told. Only read-path states reach it: the first write's condition excludes a record.
   */
  readonly undeliverable?: ((state: UserState, now: number) => boolean) | undefined;
}

/** The state stops any code to this address (issueCode's `undeliverable`); nothing was written. */
export class AddressUndeliverable extends Error {
  constructor(readonly state: UserState) {
    super('SES reported this address as undeliverable');
  }
}

export interface MailedSecrets {
  readonly code: string;
  /** The sign-in link's secret, when links are mailed. */
  readonly linkSecret: string | undefined;
}

export interface IssueResult {
  readonly kind: 'sent' | 'reused';
  readonly code: StoredCode;
  /** Epoch ms from which the next email may be sent. */
  readonly resendAt: number;
}

/** Bounded: each lost race means another writer changed the item, which the next read shows. */
const MAX_WRITE_RACES = 5;
/** How often a sign-in waiting for another invocation's email looks again. */
const WAIT_STEP_MS = 100;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fresh code (and link) and its pending record, hashed under the current key; the plain ones go only to `deliver`. */
function newPending(request: IssueRequest, at: number): { plain: MailedSecrets; pending: PendingCode } {
  const code = generateCode(request.codeLength);
  const linkSecret = request.policy.linksMailed ? generateLinkSecret() : undefined;
  const id = randomUUID();
  const keyId = request.keys.currentId;
  const key = request.keys.key(keyId)!;
  const hash = hashCode(key, id, code);
  const linkHash = linkSecret === undefined ? undefined : hashLinkSecret(key, id, linkSecret);
  return {
    plain: { code, linkSecret },
    pending: { id, hash, linkHash, keyId, issuedAt: at, expiresAt: at + request.codeTtlSeconds * 1000 },
  };
}

/** Mails a claimed code and offers it once SES accepted it; `before` is the state the claim replaced. */
async function mailClaimed(request: IssueRequest, before: UserState, { plain, pending }: ReturnType<typeof newPending>): Promise<IssueResult> {
  const { store, key, policy, now } = request;
  try {
    const slot = await request.ceiling?.take(now());
    if (slot && !slot.ok) throw new EmailCeilingError(slot.retryAfterSeconds);
    await request.deliver(plain);
  } catch (error) {
    await store.abandon(key, pending.id).catch(() => undefined); // if this fails too, the claim expires on its own
    throw error;
  }
  const sentAt = now();
  const rate = admit(before.sendTat, sentAt, sendRate(policy));
  const sendTat = rate.ok ? rate.tat : Math.max(before.sendTat, sentAt) + sendRate(policy).intervalMs;
  if (!(await store.promote(key, pending, sentAt, sendTat))) {
    throw new CodeStoreError('saved', new Error('the code was taken over while its email was being sent'));
  }
  const code: StoredCode = { ...pending, attempts: 0, used: false };
  const after = { ...before, code, pending: undefined, lastSentAt: sentAt, sendTat };
  return { kind: 'sent', code, resendAt: nextSendAllowedAt(after, sentAt, policy) };
}

/**
 * Gives a new sign-in session a code: reuses the one mailed while no new email is allowed, otherwise records
 * a pending code, mails it and only then offers it. A code SES did not accept is never offered: the pending
 * record is dropped (or, if this invocation dies first, expires) and the previous code stays valid.
 *
 * The common case, a sign-in that may be mailed at once, claims in one conditional write without reading
 * first; only when that condition fails (a code to reuse, a parallel send, a limit) is the item read to
 * decide, and a claim then needs the version that read saw.
 */
export async function issueCode(request: IssueRequest): Promise<IssueResult> {
  const { store, key, policy, now } = request;
  const sleep = request.sleep ?? defaultSleep;
  const first = newPending(request, now());
  const before = await store.claimIfSendable(key, sendableBounds(first.pending.issuedAt, policy), first.pending);
  if (before) return mailClaimed(request, before, first);

  let races = 0;
  for (;;) {
    const state = await store.read(key);
    const at = now();
    if (request.undeliverable?.(state, at)) throw new AddressUndeliverable(state);
    const decision = decideSend(state, at, policy);
    if (decision.kind === 'reuse') return { kind: 'reused', code: decision.code, resendAt: nextSendAllowedAt(state, at, policy) };
    if (decision.kind === 'throttled') {
      throw decision.reason === 'guesses'
        ? new GuessRateExceededError(decision.retryAfterSeconds)
        : new SendRateExceededError(decision.retryAfterSeconds);
    }
    if (decision.kind === 'wait') {
      // Another invocation (a parallel sign-in or Cognito's retry) is mailing a code: offer that one once SES took it.
      if (timeLeft() < WAIT_STEP_MS * 5) throw new CodeStoreError('issued', new Error('a parallel send did not finish in time'));
      await sleep(WAIT_STEP_MS);
      continue;
    }
    const claim = newPending(request, at);
    if (await store.claim(key, state.version, claim.pending)) return mailClaimed(request, state, claim);
    if (++races >= MAX_WRITE_RACES) throw new CodeStoreError('issued', new Error(`lost ${MAX_WRITE_RACES} write races`));
  }
}
