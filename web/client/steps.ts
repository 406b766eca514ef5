/** The client's sign-in steps, and the code step read from the Create trigger's challenge parameters. */
import { readChallengeParameters, type CodeChallenge } from '../../triggers/contracts/challenge-parameters.ts';

/** What a sign-in asks for next. Times are epoch milliseconds. */
export type SignInStep = CodeStep | PasswordStep | NewPasswordStep | SignedInStep;

/** Enter the emailed code; from the public challenge parameters the Create trigger returns (triggers/contracts/challenge-parameters.ts). */
export interface CodeStep extends CodeChallenge {
  readonly type: 'code';
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

/** Reads the challenge parameters (`email`, `codeLength`, `expiresAt`, `attemptsLeft`, `resendAvailableAt`, `signInLink`; strings, seconds). */
export function codeStepFrom(parameters: Record<string, string> | undefined, now = Date.now()): CodeStep {
  return { type: 'code', ...readChallengeParameters(parameters, now) };
}

/**
 * Whether two code steps offer the same mailed code: a new sign-in before `resendAvailableAt` reuses the live
 * code (same expiry); after it, a new email replaces the code, and the earlier one stops working.
 */
export function isSameCode(earlier: Pick<CodeStep, 'expiresAt'>, later: Pick<CodeStep, 'expiresAt'>): boolean {
  return earlier.expiresAt === later.expiresAt;
}
