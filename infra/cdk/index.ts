/** The package's `cognito-email-otp/cdk` entry: the construct and its props. */
export { EmailOtpAuth, type EmailLanguageTemplates, type EmailOtpAuthFunctions, type EmailOtpAuthMonitoring, type EmailOtpAuthProps } from './email-otp-auth.ts';
export { prebuiltTriggerBundle, type TriggerName } from './trigger-bundles.ts';
export type { SignInMode } from '../../triggers/domain/config.ts';
