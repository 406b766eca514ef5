/**
 * `npm run user:add -- <email> [--password <password>] [--group <name>]...` (`npx cognito-email-otp user:add`
 * where the package is installed): adds a user to the local stack running for the current folder, through
 * its Admin API (SigV4-signed by the SDK, as on AWS), with the email verified (see createUserAsAdmin). Without a
 * password the user signs in with a code only. `--help` prints the usage (commands.ts).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';
import { createUserAsAdmin } from './admin-users.ts';
import { addUserUsage, commandsFor, LOCAL_PASSWORD_POLICY, parseCommandLine, stackFilePath } from './commands.ts';
import type { StackInfo } from './stack.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const commands = commandsFor(process.argv);
const usage = addUserUsage(commands);
const stackFile = stackFilePath();

function readStackInfo(): StackInfo {
  try {
    return JSON.parse(readFileSync(stackFile, 'utf8')) as StackInfo;
  } catch {
    throw new Error(`The local stack is not running (no ${stackFile}): start it with ${commands.start}.`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { options: { password: { type: 'string' }, group: { type: 'string', multiple: true } }, allowPositionals: true },
    usage,
  );
  const [email, ...extra] = positionals;
  if (!email || extra.length) {
    console.error(`${email ? `Unexpected argument: ${extra.join(' ')}` : 'Missing the email address'}\n\n${usage}`);
    process.exit(2);
  }
  const info = readStackInfo();
  if (info.signInMode === 'password-and-code' && !values.password) {
    throw new Error(`The stack runs in password-and-code mode: give the user a password with --password (${LOCAL_PASSWORD_POLICY}).`);
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
  const policy = name === 'InvalidPasswordException' ? `\nThe local pool's password policy: ${LOCAL_PASSWORD_POLICY}.` : '';
  const created = (error as { $metadata?: unknown }).$metadata && name !== 'UsernameExistsException' ? '\nNo user was added.' : '';
  console.error(`Could not add the user: ${name && name !== 'Error' ? `${name}: ` : ''}${message}${policy}${created}`);
  process.exit(1);
});
