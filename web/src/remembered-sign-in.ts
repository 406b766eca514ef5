import type { CodeStep } from '../client/index.ts';

/**
 * What the page remembers across a reload (localStorage, this browser only): the address last used, and the
 * last code step it was given (times only, never a code). With it a reload keeps the address, so "I already
 * have a code" works, and the page can tell whether a sign-in reused the code in the inbox or a new email
 * replaced it.
 */
export interface RememberedSignIn {
  readonly email: string;
  readonly code?: Pick<CodeStep, 'maskedEmail' | 'expiresAt' | 'attemptsLeft' | 'resendAvailableAt'>;
}

const KEY = 'cognito-email-otp:sign-in';

export function recallSignIn(): RememberedSignIn | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as RememberedSignIn | null;
    return typeof value?.email === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberSignIn(value: RememberedSignIn): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the page works without it, only a reload forgets the address.
  }
}

/** The code remembered for this address, if any. */
export function rememberedCodeFor(email: string): RememberedSignIn['code'] {
  const remembered = recallSignIn();
  return remembered && sameAddress(remembered.email, email) ? remembered.code : undefined;
}

export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
