/** The package's `cognito-email-otp/local` entry: start the local stack from a test or a script. */
export { startLocalStack, TABLE_NAME, type LocalStack, type LocalStackOptions, type StackInfo } from './stack.ts';
export { latestCode, latestLink, linkInEmail, listEmails, type MailboxEmail } from './mailbox-client.ts';
