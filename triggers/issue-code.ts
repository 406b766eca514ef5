import { randomUUID } from 'node:crypto';
import { generateCode, hashCode, newSalt } from './code.ts';
import type { CodeStore, StoredCode, UserState } from './code-store.ts';
import { CodeStoreError, SendRateExceededError } from './errors.ts';
import { decideSend, sendsWithinHour, type SendPolicy } from './send-policy.ts';

export interface IssueRequest {
  readonly store: CodeStore;
  readonly key: string;
  readonly policy: SendPolicy;
  readonly codeLength: number;
  readonly codeTtlSeconds: number;
  readonly now: () => number;
  /** Mails the plain code; throws if it was not accepted. The only place the plain code goes. */
  readonly deliver: (code: string) => Promise<void>;
}

export interface IssueResult {
  readonly kind: 'sent' | 'reused';
  readonly code: StoredCode;
  readonly sends: readonly number[];
}

/** Bounded: each lost race means another writer issued a code, which the next read will reuse. */
const MAX_WRITE_RACES = 5;

/**
 * Gives a new sign-in session a code: reuses the live one while no new email is allowed, otherwise
 * writes a new code (replacing the previous one) with the send charged, mails it, and puts the previous
 * state back if the email was not accepted. Throws SendRateExceededError when no email is allowed and
 * there is nothing to reuse.
 */
export async function issueCode(request: IssueRequest): Promise<IssueResult> {
  const { store, key, policy, now } = request;
  for (let race = 0; race < MAX_WRITE_RACES; race++) {
    const state = await store.read(key);
    const at = now();
    const decision = decideSend(state, at, policy);
    if (decision.kind === 'reuse') return { kind: 'reused', code: decision.code, sends: state.sends };
    if (decision.kind === 'throttled') throw new SendRateExceededError(decision.retryAfterSeconds);

    const plain = generateCode(request.codeLength);
    const salt = newSalt();
    const code: StoredCode = {
      id: randomUUID(),
      hash: hashCode(plain, salt),
      salt,
      issuedAt: at,
      expiresAt: at + request.codeTtlSeconds * 1000,
      attempts: 0,
    };
    const sends = [...sendsWithinHour(state.sends, at), at];
    if (!(await store.replace(key, state.version, { code, sends }))) continue;
    await deliverOrRestore(request, plain, code, state);
    return { kind: 'sent', code, sends };
  }
  throw new CodeStoreError('issued', new Error(`lost ${MAX_WRITE_RACES} write races in a row`));
}

async function deliverOrRestore(request: IssueRequest, plain: string, code: StoredCode, previous: UserState) {
  try {
    await request.deliver(plain);
  } catch (error) {
    // Only an email SES accepted is charged to the send window, and the previous code stays the valid one.
    await request.store.restore(request.key, code.id, previous);
    throw error;
  }
}
