/**
 * The commands a person runs the local stack with, named the way they can type them (`npm` scripts in this
 * repository, the `cognito-email-otp` command in a project that installed the package), their usage, and the
 * strict reading of their arguments: `--help` prints the usage and starts nothing, an unknown flag is refused.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface LocalCommands {
  readonly start: string;
  readonly startClean: string;
  /** How to type `start` with its options, for its usage. */
  readonly startSyntax: string;
  readonly addUser: string;
  /** Whether `start` serves the sign-in page (this repository) or not (an installed package: the project's app is the page). */
  readonly servesPage: boolean;
}

export const REPOSITORY_COMMANDS: LocalCommands = {
  start: 'npm start',
  startClean: 'npm start -- --clean',
  startSyntax: 'npm start [-- --clean]',
  addUser: 'npm run user:add --',
  servesPage: true,
};

export const INSTALLED_COMMANDS: LocalCommands = {
  start: 'npx cognito-email-otp local',
  startClean: 'npx cognito-email-otp local --clean',
  startSyntax: 'npx cognito-email-otp local [--clean]',
  addUser: 'npx cognito-email-otp user:add',
  servesPage: false,
};

/**
 * Where `start` writes `.local/stack.json` and `user:add` reads it: in the project the commands run for (npm runs
 * scripts from the repository's root; the installed command from the consumer's folder). LOCAL_STACK_FILE exists
 * for tests that run a second stack beside a developer's own.
 */
export const stackFilePath = (): string => resolve(process.cwd(), process.env.LOCAL_STACK_FILE ?? '.local/stack.json');

/** The installed command passes this flag to the scripts it runs. */
export const INSTALLED_FLAG = '--installed';

export const commandsFor = (argv: readonly string[]): LocalCommands =>
  argv.includes(INSTALLED_FLAG) ? INSTALLED_COMMANDS : REPOSITORY_COMMANDS;

/** The password policy of the local pool (Cognito's default), which user:add states when a password is refused. */
export const LOCAL_PASSWORD_POLICY = 'at least 8 characters, with a lowercase letter, an uppercase letter, a digit and a symbol';

export function startUsage(commands: LocalCommands): string {
  const what = commands.servesPage
    ? 'the Cognito-compatible endpoint, DynamoDB, SES with its mailbox page, and the sign-in page'
    : 'the Cognito-compatible endpoint, DynamoDB, SES with its mailbox page; your app is the sign-in page';
  return `Usage: ${commands.startSyntax}
  Starts the local stack on 127.0.0.1 (${what}),
  writes .local/stack.json and runs until Ctrl-C.
  --clean     start afresh: forget the users, signing keys and sign-ins kept in .local/data
  -h, --help  print this and start nothing
  Settings are environment variables: COGNITO_PORT, DYNAMODB_PORT, SES_PORT, WEB_PORT, SIGN_IN_MODE,
  CODE_TTL_SECONDS, CORS_ALLOWED_ORIGINS, ... (docs/local-stack.md lists them).`;
}

export function addUserUsage(commands: LocalCommands): string {
  return `Usage: ${commands.addUser} <email> [--password <password>] [--group <name>]...
  Adds a user with a verified email address to the running local stack (read from .local/stack.json).
  Without --password the user signs in with a code only and stays in FORCE_CHANGE_PASSWORD, as AdminCreateUser
  leaves users on Cognito; with one the user is CONFIRMED. A user that cannot be added in full is not kept.
  --password <password>  a permanent password (needed when SIGN_IN_MODE=password-and-code); the local pool's
                         policy: ${LOCAL_PASSWORD_POLICY}
  --group <name>         add the user to this group (repeatable)
  -h, --help             print this and add nothing`;
}

/**
 * Reads a command's arguments strictly (`config` as parseArgs takes it, less `args`). With `--help`/`-h` it prints
 * the usage and exits 0; with an unknown flag or a missing value it prints what is wrong and the usage and exits 2.
 * The installed command's flag is ignored.
 */
export function parseCommandLine<T extends ParseArgsConfig>(argv: readonly string[], config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = argv.filter((arg) => arg !== INSTALLED_FLAG);
  const beforeEnd = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeEnd.includes('--help') || beforeEnd.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs<T>({ ...config, args, strict: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
