/** The public challenge parameters the Create trigger returns, as the page uses them. */
export interface CodeChallenge {
  readonly maskedEmail: string;
  readonly codeLength: number;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly attemptsLeft: number;
  /** Epoch milliseconds from which a new sign-in mails a new code. */
  readonly resendAvailableAt: number;
}

const number = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
};

export function parseChallenge(parameters: Record<string, string> | undefined, now = Date.now()): CodeChallenge {
  const p = parameters ?? {};
  return {
    maskedEmail: p.email ?? 'your email address',
    codeLength: number(p.codeLength, 6),
    expiresAt: number(p.expiresAt, now / 1000 + 180) * 1000,
    attemptsLeft: number(p.attemptsLeft, 3),
    resendAvailableAt: number(p.resendAvailableAt, now / 1000 + 60) * 1000,
  };
}

/** `2:05` for 125 seconds. */
export function formatDuration(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Only the digits of what was typed or pasted, at most `length` of them. */
export function digitsOnly(value: string, length: number): string {
  return value.replace(/\D/g, '').slice(0, length);
}
