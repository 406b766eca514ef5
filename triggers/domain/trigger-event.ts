import type { CodeKeys } from './code-key.ts';
import { hashAddress } from './code.ts';
import { absentUserItemKey, userItemKey } from '../contracts/table-item.ts';
import type { AuditContext } from './audit.ts';
import { MalformedEventError } from './errors.ts';
import { maskEmail } from './mask-email.ts';

/** Marks the custom rounds this product created, so Define can tell them from anyone else's. */
export const CHALLENGE_METADATA = 'EMAIL_CODE';

export interface SessionEntry {
  readonly challengeName: string;
  readonly challengeResult: boolean;
  readonly challengeMetadata?: string | null | undefined;
}

interface EnvelopeLike {
  readonly userPoolId?: unknown;
  readonly userName?: unknown;
  readonly callerContext?: { readonly clientId?: unknown } | null;
  readonly request?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with the fields every trigger relies on, naming the field; undefined when nothing is. */
export function envelopeProblem(event: unknown): string | undefined {
  if (!isRecord(event)) return 'event is not an object';
  if (typeof event.userName !== 'string' || event.userName === '') return 'userName missing';
  if (typeof event.userPoolId !== 'string') return 'userPoolId missing';
  if (!isRecord(event.request)) return 'request missing';
  if (!isRecord(event.response)) return 'response missing';
  return undefined;
}

/** Checks what every trigger relies on; a malformed event raises MalformedEventError naming the field. */
export function assertEnvelope(event: unknown): asserts event is EnvelopeLike & { request: Record<string, unknown> } {
  const problem = envelopeProblem(event);
  if (problem) throw new MalformedEventError(problem);
}

/** The session history, or what is wrong with it if it is not the array of entries Cognito sends. */
export function sessionEntries(request: object): SessionEntry[] | string {
  const session = (request as { session?: unknown }).session;
  if (!Array.isArray(session)) return 'request.session is not an array';
  for (const entry of session) {
    if (!isRecord(entry) || typeof entry.challengeName !== 'string' || typeof entry.challengeResult !== 'boolean') {
      return 'request.session has an entry without challengeName or challengeResult';
    }
  }
  return session as SessionEntry[];
}

/** The session history, or MalformedEventError if it is not the array of entries Cognito sends. */
export function sessionOf(request: object): SessionEntry[] {
  const session = sessionEntries(request);
  if (typeof session === 'string') throw new MalformedEventError(session);
  return session;
}

export function customRounds(session: readonly SessionEntry[]): number {
  return session.filter((entry) => entry.challengeName === 'CUSTOM_CHALLENGE').length;
}

export function userAttributesOf(request: object): Record<string, string> {
  const attributes = (request as { userAttributes?: unknown }).userAttributes;
  return isRecord(attributes) ? (attributes as Record<string, string>) : {};
}

/** Longest user-supplied string written to a log line. */
export const LOGGED_STRING_LIMIT = 128;

const capped = (value: unknown) => String(value ?? '').slice(0, LOGGED_STRING_LIMIT);

/**
 * Who and where, for the audit line. For an unknown user the name is whatever was typed, often someone's
 * address that is not in the pool: only its masked form is logged.
 */
export function auditContext(
  trigger: AuditContext['trigger'],
  event: EnvelopeLike,
  round?: number,
  unknown = (event.request as { userNotFound?: unknown } | undefined)?.userNotFound === true,
): AuditContext {
  return {
    trigger,
    userPoolId: capped(event.userPoolId),
    userName: unknown ? maskEmail(capped(event.userName)) : capped(event.userName),
    clientId: capped(event.callerContext?.clientId),
    ...(round === undefined ? {} : { round }),
    ...(unknown ? { userNotFound: true } : {}),
  };
}

/**
 * Store key for a user's code. Unknown users (`userNotFound`) get a key of their own namespace, so what
 * their sign-in writes can never be tripped over by a real account that later takes that name.
 */
export function storeKey(userName: string, userNotFound: boolean, keys: CodeKeys): string {
  if (!userNotFound) return userItemKey(userName);
  // What someone typed for an unknown user is often a stranger's address: keep only a digest keyed by the server
  // key, so that a copy of the table cannot be checked against a list of addresses.
  return absentUserItemKey(hashAddress(keys.key(keys.currentId)!, 'unknown-user', userName));
}
