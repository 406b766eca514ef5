/**
 * The commands a person runs the local stack with, named the way they can type them: `npm` scripts in this
 * repository, the `cognito-email-otp` command in a project that installed the package.
 */
export interface LocalCommands {
  readonly start: string;
  readonly startClean: string;
  readonly addUser: string;
}

export const REPOSITORY_COMMANDS: LocalCommands = {
  start: 'npm start',
  startClean: 'npm start -- --clean',
  addUser: 'npm run user:add --',
};

export const INSTALLED_COMMANDS: LocalCommands = {
  start: 'npx cognito-email-otp local',
  startClean: 'npx cognito-email-otp local --clean',
  addUser: 'npx cognito-email-otp user:add',
};

/** The installed command passes this flag to the scripts it runs. */
export const INSTALLED_FLAG = '--installed';

export const commandsFor = (argv: readonly string[]): LocalCommands =>
  argv.includes(INSTALLED_FLAG) ? INSTALLED_COMMANDS : REPOSITORY_COMMANDS;
