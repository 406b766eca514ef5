/** The package's `cognito-email-otp/local` entry: start the local stack from a test or a script. */
import { assertLocalStackPackages } from './local-dependencies.ts';
import type { startLocalStack as start, TABLE_NAME as tableName } from './stack.ts';

// The local stack's own packages are optional peers: say which to install before anything fails to load without them.
assertLocalStackPackages();
const stack = await import('./stack.ts');

export const startLocalStack: typeof start = stack.startLocalStack;
export const TABLE_NAME: typeof tableName = stack.TABLE_NAME;
export type { LocalStack, LocalStackOptions, StackInfo } from './stack.ts';
export { latestCode, latestLink, linkInEmail, listEmails, type MailboxEmail } from './mailbox-client.ts';
