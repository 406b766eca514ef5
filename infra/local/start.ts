import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeJsonFile } from './json-file.ts';
import { startLocalStack, type LocalStack, type StackInfo } from './stack.ts';

// The project it runs for: this repository under `npm start`, a consumer's project under `npx cognito-email-otp local`.
const root = process.cwd();
// LOCAL_STACK_FILE exists for tests that run a second stack beside a developer's own.
const stackFile = resolve(root, process.env.LOCAL_STACK_FILE ?? '.local/stack.json');

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`Invalid configuration: ${name} must be a port number, got "${raw}"`);
  }
  return value;
}

function minutes(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 3 || value > 15) {
    throw new Error(`Invalid configuration: ${name} must be a whole number from 3 to 15, got "${raw}"`);
  }
  return value;
}

function printTable(info: StackInfo): void {
  const width = Math.max(...Object.keys(info).map((k) => k.length));
  console.log('Local stack is up (Ctrl-C to stop):');
  for (const [key, value] of Object.entries(info)) console.log(`  ${key.padEnd(width)}  ${value}`);
}

async function main(): Promise<void> {
  const clean = process.argv.includes('--clean');
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

  stack = await startLocalStack({
    cognitoPort: port('COGNITO_PORT', 9229),
    dynamodbPort: port('DYNAMODB_PORT', 8000),
    sesPort: port('SES_PORT', 8005),
    webPort: port('WEB_PORT', 5173),
    authSessionValidityMinutes: minutes('AUTH_SESSION_VALIDITY_MINUTES', 3),
    triggerEnv: process.env,
    // The installed package has no page to serve; its users bring their own app.
    web: !process.argv.includes('--no-web'),
    dataDir,
    clean,
  });
  const demoEmail = process.env.DEMO_USER_EMAIL ?? 'demo@example.com';
  const demoPassword = process.env.DEMO_USER_PASSWORD ?? 'Demo-passw0rd';
  stack.pool.ensureUser(demoEmail, demoPassword);

  writeJsonFile(stackFile, stack.info, 0o644);
  printTable(stack.info);
  console.log(`\nDemo user: ${demoEmail}` + (stack.info.signInMode === 'password-and-code' ? ` (password ${demoPassword})` : ''));
  console.log(`Open ${stack.info.webUrl} to sign in; the code arrives in the mailbox at ${stack.info.mailboxUrl}`);
  console.log(`Users and signing keys are kept in ${dataDir} (npm start -- --clean starts afresh).`);

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
