#!/usr/bin/env node
/**
 * The local stack for a project that installed the package, with `.local/stack.json` in the current folder:
 * `npx cognito-email-otp local [--clean]` starts it (the same settings as `npm start` in the repository: ports,
 * SIGN_IN_MODE, CODE_TTL_SECONDS, ..., without the sign-in page: the project's own app is the page), and
 * `npx cognito-email-otp user:add <email> ...` adds a user to the running one.
 */
import { INSTALLED_FLAG } from './commands.ts';

const USAGE = `Usage:
  cognito-email-otp local [--clean]
      Starts the local stack on 127.0.0.1 and writes .local/stack.json.
  cognito-email-otp user:add <email> [--password <password>] [--group <name>]...
      Adds a confirmed user to the running local stack (read from .local/stack.json).`;

const SCRIPTS: Record<string, () => Promise<unknown>> = {
  local: () => import('./start.ts'),
  'user:add': () => import('./add-user.ts'),
};

const [command, ...rest] = process.argv.slice(2);
const script = command === undefined ? undefined : SCRIPTS[command];
if (!script) {
  const asked = command === undefined || command === '--help' || command === '-h';
  (asked ? console.log : console.error)(USAGE);
  process.exit(asked ? 0 : 2);
}
process.argv = [process.argv[0]!, process.argv[1]!, ...rest, INSTALLED_FLAG];
await script();
