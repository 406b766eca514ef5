#!/usr/bin/env node
/**
 * `npx cognito-email-otp local [--clean]`: the local stack (Cognito-compatible endpoint, DynamoDB, SES
 * mailbox) for a project that installed the package, with `.local/stack.json` in the current folder. The
 * same settings as `npm start` in the repository (ports, SIGN_IN_MODE, CODE_TTL_SECONDS, ...), without the
 * sign-in page: the project's own app is the page.
 */
const [command, ...rest] = process.argv.slice(2);

if (command !== 'local') {
  console.error('Usage: cognito-email-otp local [--clean]\n  Starts the local stack on 127.0.0.1 and writes .local/stack.json.');
  process.exit(command === undefined || command === '--help' || command === '-h' ? 0 : 2);
}
process.argv = [process.argv[0]!, process.argv[1]!, ...rest, '--no-web'];
await import('./start.ts');
