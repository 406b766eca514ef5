#!/usr/bin/env node
/**
 * The local stack for a project that installed the package, with `.local/stack.json` in the current folder:
 * `npx cognito-email-otp local [--clean]` starts it (the same settings as `npm start` in the repository: ports,
 * SIGN_IN_MODE, CODE_TTL_SECONDS, ..., without the sign-in page: the project's own app is the page), and
 * `npx cognito-email-otp user:add <email> ...` adds a user to the running one, and `npx cognito-email-otp preview`
 * writes the code email in every language to a folder. `<command> --help` prints a
 * command's usage and runs nothing.
 */
import { addUserUsage, INSTALLED_COMMANDS, INSTALLED_FLAG, startUsage } from './commands.ts';
import { previewUsage } from './email-preview.ts';

const indent = (text: string) => text.replace(/^/gm, '  ');
const USAGE = `Usage: cognito-email-otp <command> [options]  (cognito-email-otp <command> --help for one command)

${indent(startUsage(INSTALLED_COMMANDS).replace(/^Usage: npx /, ''))}

${indent(addUserUsage(INSTALLED_COMMANDS).replace(/^Usage: npx /, ''))}

${indent(previewUsage('cognito-email-otp preview'))}`;

const SCRIPTS: Record<string, () => Promise<unknown>> = {
  local: () => import('./start.ts'),
  'user:add': () => import('./add-user.ts'),
  preview: () => import('./preview-emails.ts'),
};

const [command, ...rest] = process.argv.slice(2);
const script = command === undefined ? undefined : SCRIPTS[command];
if (!script) {
  const asked = command === undefined || command === '--help' || command === '-h';
  if (asked) console.log(USAGE);
  else console.error(`Unknown command "${command}".\n\n${USAGE}`);
  process.exit(asked ? 0 : 2);
}
process.argv = [process.argv[0]!, process.argv[1]!, ...rest, INSTALLED_FLAG];
await script();
