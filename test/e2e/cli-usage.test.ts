/**
 * The local stack's commands as a person types them (npm scripts and the package's `cognito-email-otp` command,
 * in child processes): `--help` prints the usage and starts nothing, an unknown flag is refused with the usage,
 * and a user:add that is refused leaves no user behind.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/listen.ts';
import { cleanEnv } from '../helpers/packed-package.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'otp-cli-usage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command from the repository's root, as a person would, to its end (a stack it started would be killed). */
function runCommand(command: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done) => {
    const child = execFile(command, args, { cwd: root, env: cleanEnv({ POWERTOOLS_LOG_LEVEL: 'SILENT', ...env }), encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      done({ status: child.exitCode, signal: error?.signal ?? null, stdout, stderr });
    });
  });
}

const cli = (...args: string[]): [string, string[]] => [process.execPath, ['--import', 'tsx', 'infra/local/cli.ts', ...args]];

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** Where a stack started by the command would write and listen: none of it may be there afterwards. */
async function sandbox(name: string) {
  const ports = { COGNITO_PORT: await freePort(), DYNAMODB_PORT: await freePort(), SES_PORT: await freePort(), WEB_PORT: await freePort() };
  const stackFile = join(work, name, 'stack.json');
  const dataDir = join(work, name, 'data');
  return {
    env: { ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), LOCAL_STACK_FILE: stackFile, LOCAL_DATA_DIR: dataDir },
    async nothingStarted() {
      expect(existsSync(stackFile)).toBe(false);
      expect(existsSync(dataDir)).toBe(false);
      for (const port of Object.values(ports)) expect(await portIsFree(port)).toBe(true);
    },
  };
}

describe('--help and -h print the usage and start nothing', () => {
  it.each([
    ['npm start -- --help', 'npm', ['start', '--', '--help'], 'Usage: npm start [-- --clean]'],
    ['npm start -- -h', 'npm', ['start', '--', '-h'], 'Usage: npm start [-- --clean]'],
    ['npm start -- --clean --help', 'npm', ['start', '--', '--clean', '--help'], 'Usage: npm start [-- --clean]'],
    ['npm run user:add -- --help', 'npm', ['run', 'user:add', '--', '--help'], 'Usage: npm run user:add -- <email>'],
    ['npm run user:add -- someone@example.com -h', 'npm', ['run', 'user:add', '--', 'someone@example.com', '-h'], 'Usage: npm run user:add -- <email>'],
    ['cognito-email-otp --help', ...cli('--help'), 'Usage: cognito-email-otp <command>'],
    ['cognito-email-otp local --help', ...cli('local', '--help'), 'Usage: npx cognito-email-otp local [--clean]'],
    ['cognito-email-otp user:add -h', ...cli('user:add', '-h'), 'Usage: npx cognito-email-otp user:add <email>'],
  ] as Array<[string, string, string[], string]>)('%s', async (_typed, command, args, usage) => {
    const place = await sandbox(_typed.replace(/\W+/g, '-'));
    const ran = await runCommand(command, args, place.env);
    expect(ran.signal).toBeNull();
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(usage);
    expect(ran.stdout).not.toContain('Local stack is up');
    expect(ran.stderr).not.toMatch(/Error|Could not/);
    await place.nothingStarted();
  }, 90_000);

  it("user:add's usage says what status the user gets and the password policy", async () => {
    const ran = await runCommand(...cli('user:add', '--help'));
    expect(ran.stdout).toContain('Without --password the user signs in with a code only and stays in FORCE_CHANGE_PASSWORD');
    expect(ran.stdout).toContain('with one the user is CONFIRMED');
    expect(ran.stdout).toMatch(/policy: at least 8 characters, with a lowercase letter, an uppercase letter, a digit and a symbol/);
    expect(ran.stdout).not.toMatch(/adds a confirmed user/i);
  }, 90_000);
});

describe('a command line the commands do not understand is refused with the usage', () => {
  it.each([
    ['npm start -- --cleen', 'npm', ['start', '--', '--cleen'], "Unknown option '--cleen'", 'Usage: npm start [-- --clean]'],
    ['cognito-email-otp local extra', ...cli('local', 'extra'), "Unexpected argument 'extra'", 'Usage: npx cognito-email-otp local'],
    ['npm run user:add -- a@example.com --pasword x', 'npm', ['run', 'user:add', '--', 'a@example.com', '--pasword', 'x'], "Unknown option '--pasword'", 'Usage: npm run user:add --'],
    ['npm run user:add', 'npm', ['run', 'user:add'], 'Missing the email address', 'Usage: npm run user:add --'],
    ['cognito-email-otp user:add a@example.com b@example.com', ...cli('user:add', 'a@example.com', 'b@example.com'), 'Unexpected argument: b@example.com', 'Usage: npx cognito-email-otp user:add'],
    ['cognito-email-otp serve', ...cli('serve'), 'Unknown command "serve"', 'Usage: cognito-email-otp <command>'],
  ] as Array<[string, string, string[], string, string]>)('%s', async (typed, command, args, problem, usage) => {
    const place = await sandbox(typed.replace(/\W+/g, '-'));
    const ran = await runCommand(command, args, place.env);
    expect(ran.signal).toBeNull();
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain(problem);
    expect(ran.stderr).toContain(usage);
    expect(ran.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
    await place.nothingStarted();
  }, 90_000);
});

describe('npm run user:add against a running stack', () => {
  let t: TestStack;
  let stackFile: string;
  beforeAll(async () => {
    t = await startTestStack();
    stackFile = join(work, 'running-stack.json');
    writeFileSync(stackFile, JSON.stringify(t.info));
  });
  afterAll(() => t?.stop());

  const userAdd = (...args: string[]) => runCommand('npm', ['run', '--silent', 'user:add', '--', ...args], { LOCAL_STACK_FILE: stackFile });
  const statusOf = (email: string) =>
    t.client.send(new AdminGetUserCommand({ UserPoolId: t.info.userPoolId, Username: email })).then(
      (user) => user.UserStatus,
      (error: { name: string }) => error.name,
    );

  it('a refused password leaves no user, says the policy, and the retry with a good one adds the user', async () => {
    const refused = await userAdd('short@example.com', '--password', 'short');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Could not add the user: InvalidPasswordException: Password did not conform with policy');
    expect(refused.stderr).toContain(
      "The local pool's password policy: at least 8 characters, with a lowercase letter, an uppercase letter, a digit and a symbol.",
    );
    expect(refused.stderr).toContain('No user was added.');
    expect(await statusOf('short@example.com')).toBe('UserNotFoundException');

    const retried = await userAdd('short@example.com', '--password', 'Long-enough-passw0rd');
    expect(retried.stderr).toBe('');
    expect(retried.status).toBe(0);
    expect(retried.stdout).toMatch(/^Added short@example\.com \(username [0-9a-f-]{36}\) with a password; /);
    expect(await statusOf('short@example.com')).toBe('CONFIRMED');
  }, 90_000);

  it('a refused group leaves no user either', async () => {
    const refused = await userAdd('grouped@example.com', '--group', '');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Could not add the user: InvalidParameterException');
    expect(refused.stderr).toContain('No user was added.');
    expect(await statusOf('grouped@example.com')).toBe('UserNotFoundException');
  }, 90_000);

  it('without a password the user is added in FORCE_CHANGE_PASSWORD, as the usage says', async () => {
    const added = await userAdd('code-only@example.com');
    expect(added.status).toBe(0);
    expect(await statusOf('code-only@example.com')).toBe('FORCE_CHANGE_PASSWORD');
  }, 90_000);
});
