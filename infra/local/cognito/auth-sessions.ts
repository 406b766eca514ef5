import { randomBytes } from 'node:crypto';
import { expiredSession, invalidSession } from './errors.ts';
import type { SessionEntry, TriggerSubject } from './trigger-events.ts';
import type { ServerSrpRound } from './srp.ts';

/** The flows that check the password and issue tokens without the custom-auth triggers. */
export type PasswordFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

/** What the client is expected to answer next. */
export type PendingChallenge =
  | { readonly name: 'CUSTOM_CHALLENGE'; readonly privateParameters: Record<string, string>; readonly metadata: string | null }
  | {
      readonly name: 'PASSWORD_VERIFIER';
      readonly A: string;
      readonly round: ServerSrpRound;
      readonly secretBlock: string;
    }
  | { readonly name: 'NEW_PASSWORD_REQUIRED' };

export interface AuthSession {
  readonly subject: TriggerSubject;
  readonly history: SessionEntry[];
  readonly pending: PendingChallenge;
  /** SRP_A of InitiateAuth, kept for a later PASSWORD_VERIFIER. */
  readonly srpA: string | undefined;
  /** Set for a sign-in that runs no Define, Create or Verify; undefined in CUSTOM_AUTH. */
  readonly flow?: PasswordFlow | undefined;
  readonly expiresAt: number;
}

/** Sessions kept at most; past it the oldest go first, so a flood of sign-ins cannot grow memory. */
export const MAX_AUTH_SESSIONS = 10_000;

/**
 * Auth sessions between InitiateAuth and RespondToAuthChallenge: opaque, single use (each answer gets a
 * new one), valid for the pool's AuthSessionValidity, and at most MAX_AUTH_SESSIONS of them.
 */
export class AuthSessions {
  private readonly sessions = new Map<string, AuthSession>();

  constructor(
    private readonly now: () => number,
    private readonly capacity = MAX_AUTH_SESSIONS,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** `validityMinutes` is the app client's AuthSessionValidity. */
  open(session: Omit<AuthSession, 'expiresAt'>, validityMinutes: number): string {
    this.sweep();
    while (this.sessions.size >= this.capacity) this.sessions.delete(this.sessions.keys().next().value!);
    const token = randomBytes(96).toString('base64url');
    this.sessions.set(token, { ...session, expiresAt: this.now() + validityMinutes * 60_000 });
    return token;
  }

  /**
   * Takes the session out once `accept` passes: from then on the same token is never accepted again. A
   * request `accept` rejects (another client, another user, a malformed answer) leaves the session usable.
   */
  take(token: unknown, accept: (session: AuthSession) => void): AuthSession {
    const session = typeof token === 'string' ? this.sessions.get(token) : undefined;
    if (!session) throw invalidSession();
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(token as string);
      throw expiredSession();
    }
    accept(session);
    this.sessions.delete(token as string);
    return session;
  }

  /** Drops sessions expired over an hour ago (until then their token reads as expired, not invalid). */
  private sweep(): void {
    const cutoff = this.now() - 3_600_000;
    // Insertion order is expiry order but for clients with another AuthSessionValidity (those wait for the next
    // sweep, and the capacity bounds them): stop at the first one still kept.
    for (const [token, session] of this.sessions) {
      if (session.expiresAt > cutoff) break;
      this.sessions.delete(token);
    }
  }
}
