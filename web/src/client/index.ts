/**
 * The package's `cognito-email-otp/client` entry (browser): email-code sign-in on Amplify v6 with typed
 * steps and typed errors.
 */
export { createEmailCodeSignIn, type EmailCodeSignIn, type EmailCodeSignInOptions, type SignedInUser } from './amplify.ts';
export { codeStepFrom, type CodeStep, type PasswordStep, type SignedInStep, type SignInStep } from './steps.ts';
export * from './errors.ts';
