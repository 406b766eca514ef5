/**
 * The package's `cognito-email-otp/triggers` entry: the handler factories and what they are built from, for
 * people who wire their own functions. Ready Lambda entry points (each exporting `handler`, configured from
 * the environment) are `cognito-email-otp/triggers/define-auth-challenge`, `.../create-auth-challenge`,
 * `.../verify-auth-challenge-response`, `.../pre-sign-up` and `.../post-authentication`; minified bundles of
 * the same, and of the SES feedback function (`ses-feedback`), are in the package's `dist/lambda/<name>/index.js`.
 */
export { createDefineAuthChallengeHandler, decide, defineOptions, type DefineDecision, type DefineOptions } from './handlers/define.ts';
export { createCreateAuthChallengeHandler, type CreateDeps } from './handlers/create.ts';
export { createVerifyAuthChallengeResponseHandler, type VerifyDeps } from './handlers/verify.ts';
export { createPreSignUpHandler } from './handlers/pre-sign-up.ts';
export { createPostAuthenticationHandler, type PostAuthenticationDeps } from './handlers/post-authentication.ts';
export { createSesFeedbackHandler, type SesFeedbackDeps } from './handlers/ses-feedback.ts';
export { createRuntime, createStoreRuntime } from './composition/runtime.ts';
export { hostTriggers, type HostOptions } from './composition/host.ts';
export { configToEnvironment } from './domain/config.ts';
export { loadConfig, loadSessionConfig, type Config, type SessionConfig, type SignInMode } from './domain/config.ts';
export { createAudit, createLogger } from './domain/audit.ts';
export { createSignInAudit } from './composition/sign-in-audit.ts';
export { signInMetrics } from './domain/sign-in-metrics.ts';
export { TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE } from './contracts/table-item.ts';
export * from './domain/errors.ts';
