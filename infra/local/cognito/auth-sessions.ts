import { randomBytes } from 'node:crypto';
import { expiredSession, invalidSession } from './errors.ts';
import type { SessionEntry, TriggerSubject } from './trigger-runner.ts';
import type { ServerSrpRound } from './srp.ts';

/** What the client is expected to answer next. */
export type PendingChallenge =
  | { readonly name: 'CUSTOM_CHALLENGE'; readonly privateParameters: Record<string, string>; readonly metadata: string | null }
  | {
      readonly name: 'PASSWORD_VERIFIER';
      readonly A: string;
      readonly round: ServerSrpRound;
      readonly secretBlock: string;
    };

export interface AuthSession {
  readonly subject: TriggerSubject;
  readonly history: SessionEntry[];
  readonly pending: PendingChallenge;
  /** SRP_A of InitiateAuth, kept for a later PASSWORD_VERIFIER. */
  readonly srpA: string | undefined;
  readonly expiresAt: number;
}

/**
 * Auth sessions between InitiateAuth and RespondToAuthChallenge: opaque, single use (each answer gets a
 * new one), and valid for the pool's AuthSessionValidity.
 */
export class AuthSessions {
  private readonly sessions = new Map<string, AuthSession>();

  constructor(
    private readonly validityMinutes: number,
    private readonly now: () => number,
  ) {}

  open(session: Omit<AuthSession, 'expiresAt'>): string {
    this.sweep();
    const token = randomBytes(96).toString('base64url');
    this.sessions.set(token, { ...session, expiresAt: this.now() + this.validityMinutes * 60_000 });
    return token;
  }

  /** Takes the session out: whatever happens next, the same token is never accepted again. */
  take(token: unknown): AuthSession {
    const session = typeof token === 'string' ? this.sessions.get(token) : undefined;
    if (!session) throw invalidSession();
    this.sessions.delete(token as string);
    if (session.expiresAt <= this.now()) throw expiredSession();
    return session;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, session] of this.sessions) if (session.expiresAt <= now - 3_600_000) this.sessions.delete(token);
  }
}
