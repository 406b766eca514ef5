/** What a sign-in asks for next. Times are epoch milliseconds. */
export type SignInStep = CodeStep | PasswordStep | NewPasswordStep | SignedInStep;

/** Enter the emailed code; from the public challenge parameters the Create trigger returns. */
export interface CodeStep {
  readonly type: 'code';
  /** The address the code went to, masked (`j***@e***.com`). */
  readonly maskedEmail: string;
  readonly codeLength: number;
  /** When the code stops working. */
  readonly expiresAt: number;
  /** Guesses the code still accepts. */
  readonly attemptsLeft: number;
  /** From when `resend()` mails a new code (before it, the code already sent is offered again). */
  readonly resendAvailableAt: number;
  /** The email also carries a sign-in link, which works even when typed answers are refused or paced. */
  readonly linkMailed: boolean;
}

/** Two-step mode: the password comes first. */
export interface PasswordStep {
  readonly type: 'password';
}

/** Two-step mode: the user has a temporary password (AdminCreateUser) and must choose a new one; `answer(newPassword)`. */
export interface NewPasswordStep {
  readonly type: 'newPassword';
}

export interface SignedInStep {
  readonly type: 'signedIn';
}

const number = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : fallback;
};

/** Reads the challenge parameters (`email`, `codeLength`, `expiresAt`, `attemptsLeft`, `resendAvailableAt`, `signInLink`; strings, seconds). */
export function codeStepFrom(parameters: Record<string, string> | undefined, now = Date.now()): CodeStep {
  const p = parameters ?? {};
  return {
    type: 'code',
    maskedEmail: p.email ?? 'your email address',
    codeLength: number(p.codeLength, 6),
    expiresAt: number(p.expiresAt, now / 1000 + 180) * 1000,
    attemptsLeft: number(p.attemptsLeft, 3),
    resendAvailableAt: number(p.resendAvailableAt, now / 1000 + 60) * 1000,
    linkMailed: p.signInLink === 'true',
  };
}

/**
 * Whether two code steps offer the same mailed code: a new sign-in before `resendAvailableAt` reuses the live
 * code (same expiry); after it, a new email replaces the code, and the earlier one stops working.
 */
export function isSameCode(earlier: Pick<CodeStep, 'expiresAt'>, later: Pick<CodeStep, 'expiresAt'>): boolean {
  return earlier.expiresAt === later.expiresAt;
}
