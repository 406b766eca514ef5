/**
 * The package's `cognito-email-otp/client/core` entry: the typed steps and errors without the Amplify client,
 * for apps on amazon-cognito-identity-js or the AWS SDK.
 */
export {
  codeStepFrom,
  isSameCode,
  type CodeStep,
  type NewPasswordStep,
  type PasswordStep,
  type SignedInStep,
  type SignInStep,
} from './steps.ts';
export * from './errors.ts';
export { readSignInLink, type SignInLink } from './sign-in-link.ts';
