/** The code settings' defaults: what the triggers use when the environment leaves them unset, and what a client assumes when the challenge omits one. */
export const DEFAULT_CODE_LENGTH = 6;
export const DEFAULT_CODE_TTL_SECONDS = 180;
/** Also Define's limit of custom rounds per session: its bundle takes this one number, not the whole set. */
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_RESEND_INTERVAL_SECONDS = 60;

export const CODE_SETTING_DEFAULTS = {
  codeLength: DEFAULT_CODE_LENGTH,
  codeTtlSeconds: DEFAULT_CODE_TTL_SECONDS,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  resendIntervalSeconds: DEFAULT_RESEND_INTERVAL_SECONDS,
} as const;
