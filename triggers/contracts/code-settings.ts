/** The code settings' defaults: what the triggers use when the environment leaves them unset, and what a client assumes when the challenge omits one. */
export const CODE_SETTING_DEFAULTS = {
  codeLength: 6,
  codeTtlSeconds: 180,
  maxAttempts: 3,
  resendIntervalSeconds: 60,
} as const;
