/** The code settings' defaults: what the triggers use when the environment leaves them unset, and what a client assumes when the challenge omits one. */

/** Also Define's limit of custom rounds per session: its bundle takes this one number, not the whole set. */
export const DEFAULT_MAX_ATTEMPTS = 3;

export const CODE_SETTING_DEFAULTS = {
  codeLength: 6,
  codeTtlSeconds: 180,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  resendIntervalSeconds: 60,
} as const;
