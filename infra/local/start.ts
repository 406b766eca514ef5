import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeAllowedOrigins, parseOrigins } from './cognito/cors.ts';
import { commandsFor, parseCommandLine, stackFilePath, startUsage } from './commands.ts';
import { flagVar, integerVar } from '../../triggers/domain/env.ts';
import { writeJsonFile } from './json-file.ts';
import { assertLocalStackPackages } from './local-dependencies.ts';
import { watchAncestors } from './parent-watch.ts';
import type { LocalStack, StackInfo } from './stack.ts';

// The SDK's notice that it will need Node.js 22 from 2027 is about the SDK, not the stack: keep start-up quiet.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The project it runs for: this repository under `npm start`, a consumer's project under `npx cognito-email-otp local`.
const root = process.cwd();
const stackFile = stackFilePath();

const port = (name: string, fallback: number) => integerVar(process.env, name, fallback, 0, 65_535);
const minutes = (name: string, fallback: number) => integerVar(process.env, name, fallback, 3, 15);
const flag = (name: string) => flagVar(process.env, name);

function printTable(info: StackInfo): void {
  const width = Math.max(...Object.keys(info).map((k) => k.length));
  console.log('Local stack is up (Ctrl-C to stop):');
  for (const [key, value] of Object.entries(info)) console.log(`  ${key.padEnd(width)}  ${value}`);
}

async function main(): Promise<void> {
  const commands = commandsFor(process.argv);
  const { values } = parseCommandLine(process.argv.slice(2), { options: { clean: { type: 'boolean' } } }, startUsage(commands));
  const clean = values.clean === true;
  // Loaded only once the command line is read: --help needs none of the stack's packages.
  assertLocalStackPackages();
  const { startLocalStack } = await import('./stack.ts');
  const dataDir = resolve(root, process.env.LOCAL_DATA_DIR ?? '.local/data');

  // Listen for signals before anything starts, so a Ctrl-C at any moment still stops every server.
  let stack: LocalStack | undefined;
  let stopRequested: string | undefined;
  const stop = async (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    if (!stack) return; // still starting: stopped as soon as it is up
    console.log(`\n${signal}: stopping the local stack...`);
    rmSync(stackFile, { force: true });
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  watchAncestors((pid) => void stop(`Parent process ${pid} exited`));
  // Once the parent is gone a pipe to it may be closed: a failed log line must not stop the clean-up.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const corsOrigins = parseOrigins(process.env.CORS_ALLOWED_ORIGINS, 'CORS_ALLOWED_ORIGINS');

  stack = await startLocalStack({
    cognitoPort: port('COGNITO_PORT', 9229),
    dynamodbPort: port('DYNAMODB_PORT', 8000),
    sesPort: port('SES_PORT', 8005),
    webPort: port('WEB_PORT', 5173),
    authSessionValidityMinutes: minutes('AUTH_SESSION_VALIDITY_MINUTES', 3),
    autoConfirmSignUp: flag('AUTO_CONFIRM_SIGN_UP'),
    markEmailVerified: flag('MARK_EMAIL_VERIFIED'),
    corsOrigins,
    portVariables: { cognito: 'COGNITO_PORT', dynamodb: 'DYNAMODB_PORT', ses: 'SES_PORT', web: 'WEB_PORT' },
    triggerEnv: process.env,
    // The installed package has no page to serve; its users bring their own app.
    web: commands.servesPage,
    dataDir,
    clean,
  });
  const demoEmail = process.env.DEMO_USER_EMAIL ?? 'demo@example.com';
  const demoPassword = process.env.DEMO_USER_PASSWORD ?? 'Demo-passw0rd';
  stack.pool.ensureUser(demoEmail, demoPassword);

  writeJsonFile(stackFile, stack.info, 0o644);
  printTable(stack.info);
  // A refused origin's reason never reaches the page (CORS hides it): say up front which pages may call the endpoint.
  const origins = [...(stack.info.webUrl ? [stack.info.webUrl] : []), ...corsOrigins];
  console.log(`\nBrowser pages allowed to call the Cognito endpoint: ${describeAllowedOrigins(origins)} (localhost and 127.0.0.1 alike; CORS_ALLOWED_ORIGINS adds yours)`);
  console.log(`\nDemo user: ${demoEmail}` + (stack.info.signInMode === 'password-and-code' ? ` (password ${demoPassword})` : ''));
  console.log(
    stack.info.webUrl
      ? `Open ${stack.info.webUrl} to sign in; the code arrives in the mailbox at ${stack.info.mailboxUrl}`
      : `Sign in from your app against ${stack.info.cognitoEndpoint}; the code arrives in the mailbox at ${stack.info.mailboxUrl}`,
  );
  console.log(`Users, signing keys and sign-ins are kept in ${dataDir} (${commands.startClean} starts afresh).`);
  console.log(`Add a user: ${commands.addUser} someone@example.com [--password <password>] [--group <name>]`);

  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = undefined;
    await stop(signal);
  }
}

main().catch((error: unknown) => {
  console.error(`Could not start the local stack: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
