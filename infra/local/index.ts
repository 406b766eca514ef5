/** The package's `cognito-email-otp/local` entry: start the local stack from a test or a script. */
import { assertLocalStackPackages } from './local-dependencies.ts';

// The local stack's own packages are optional peers: say which to install before anything fails to load without them.
assertLocalStackPackages();
const stack = await import('./stack.ts');

export const { startLocalStack, TABLE_NAME } = stack;
export type { LocalStack, LocalStackOptions, StackInfo } from './stack.ts';
export { latestCode, latestLink, linkInEmail, listEmails, type MailboxEmail } from './mailbox-client.ts';
