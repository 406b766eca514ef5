/**
 * `npm run user:add -- <email> [--password <password>] [--group <name>]...` (`npx cognito-email-otp user:add`
 * where the package is installed): adds a user to the local stack running for the current folder, through
 * its Admin API (SigV4-signed by the SDK, as on AWS), with the email verified (see createUserAsAdmin). Without a
 * password the user signs in with a code only.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createUserAsAdmin } from './admin-users.ts';
import { commandsFor, INSTALLED_FLAG } from './commands.ts';
import type { StackInfo } from './stack.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const commands = commandsFor(process.argv);
const USAGE = `Usage: ${commands.addUser} <email> [--password <password>] [--group <name>]...`;
// The project the stack runs for, as start.ts finds it: npm runs scripts from the repository's root.
const stackFile = resolve(process.cwd(), process.env.LOCAL_STACK_FILE ?? '.local/stack.json');

function readStackInfo(): StackInfo {
  try {
    return JSON.parse(readFileSync(stackFile, 'utf8')) as StackInfo;
  } catch {
    throw new Error(`The local stack is not running (no ${stackFile}): start it with ${commands.start}.`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== INSTALLED_FLAG),
    allowPositionals: true,
    options: { password: { type: 'string' }, group: { type: 'string', multiple: true } },
  });
  const [email, ...extra] = positionals;
  if (!email || extra.length) throw new Error(USAGE);
  const info = readStackInfo();
  if (info.signInMode === 'password-and-code' && !values.password) {
    throw new Error('The stack runs in password-and-code mode: give the user a password with --password.');
  }
  const client = new CognitoIdentityProviderClient({
    endpoint: info.cognitoEndpoint,
    region: info.region,
    // Any key: the local stack requires a signed request, not a particular IAM identity.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const username = await createUserAsAdmin(client, info.userPoolId, { email, password: values.password, groups: values.group });
    const where = info.webUrl ? `sign in at ${info.webUrl}` : `sign in from your app against ${info.cognitoEndpoint}`;
    console.log(`Added ${email} (username ${username})${values.password ? ' with a password' : ''}; ${where}`);
  } finally {
    client.destroy();
  }
}

main().catch((error: unknown) => {
  const name = (error as { name?: string }).name;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Could not add the user: ${name && name !== 'Error' ? `${name}: ` : ''}${message}`);
  process.exit(1);
});
