/**
 * The package's `cognito-email-otp/client` entry (browser): email-code sign-in on Amplify v6 with typed
 * steps and typed errors. `cognito-email-otp/client/core` has the steps and errors alone.
 */
export { createEmailCodeSignIn, type EmailCodeSignIn, type EmailCodeSignInOptions, type SignedInUser } from './amplify.ts';
export * from './core.ts';
