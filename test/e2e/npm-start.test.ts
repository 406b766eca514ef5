import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/listen.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'otp-stack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The environment a developer's shell gives it: without the test runner's silencing of the SDK notice. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _quiet, ...rest } = process.env;
  return { ...rest, POWERTOOLS_LOG_LEVEL: 'SILENT', ...env };
}

async function startCli(env: Record<string, string>, args: string[] = [], command: string[] = [process.execPath, '--import', 'tsx', 'infra/local/start.ts']): Promise<Started> {
  let output = '';
  const [file, ...rest] = command;
  const child = spawn(file!, [...rest, ...args], {
    cwd: root,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function portsEnv() {
  return {
    COGNITO_PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    SES_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
  };
}

// Generous: the machine is shared, and each start serves the page through Vite.
async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 120_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

describe('npm start: the local stack contract', () => {
  it('writes .local/stack.json with exactly the contract keys, prints them, serves everything and stops cleanly on SIGINT', async () => {
    const ports = await portsEnv();
    const stackFile = join(work, 'stack.json');
    const dataDir = join(work, 'data');
    const run = await startCli({ ...ports, LOCAL_STACK_FILE: stackFile, LOCAL_DATA_DIR: dataDir, CODE_LENGTH: '8' });
    try {
      await waitFor(() => existsSync(stackFile), 'stack.json');
      const info = JSON.parse(readFileSync(stackFile, 'utf8'));
      expect(Object.keys(info)).toEqual([
        'region',
        'userPoolId',
        'userPoolClientId',
        'cognitoEndpoint',
        'issuer',
        'dynamodbEndpoint',
        'mailboxUrl',
        'webUrl',
        'signInMode',
      ]);
      expect(info).toMatchObject({
        region: 'us-east-1',
        userPoolId: 'us-east-1_Local1',
        cognitoEndpoint: `http://127.0.0.1:${ports.COGNITO_PORT}`,
        issuer: `http://127.0.0.1:${ports.COGNITO_PORT}/us-east-1_Local1`,
        dynamodbEndpoint: `http://127.0.0.1:${ports.DYNAMODB_PORT}`,
        mailboxUrl: `http://127.0.0.1:${ports.SES_PORT}`,
        webUrl: `http://127.0.0.1:${ports.WEB_PORT}`,
        signInMode: 'code',
      });
      await waitFor(() => run.output().includes('Demo user'), 'the printed table');
      for (const [key, value] of Object.entries(info)) expect(run.output()).toMatch(new RegExp(`${key}\\s+${value}`));
      // The page's own origin is named, so a page opened elsewhere can be told why it is refused.
      expect(run.output()).toMatch(new RegExp(`Browser pages allowed to call the Cognito endpoint: .*${info.webUrl.replace(/[.]/g, '\\.')}`));

      expect((await fetch(info.webUrl)).status).toBe(200);
      expect(await (await fetch(`${info.webUrl}/config.json`)).json()).toMatchObject({
        userPoolId: info.userPoolId,
        userPoolClientId: info.userPoolClientId,
        userPoolEndpoint: info.cognitoEndpoint,
        signInMode: 'code',
      });
      expect((await fetch(`${info.mailboxUrl}/store`)).status).toBe(200);

      const client = new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region });
      const challenge = await client.send(
        new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: 'demo@example.com' } }),
      );
      expect(challenge.ChallengeParameters?.codeLength).toBe('8');

      // One command adds a user, through the Admin API.
      const added = spawnSync('npm', ['run', '--silent', 'user:add', '--', 'added@example.com', '--password', 'Added-passw0rd', '--group', 'admins'], {
        cwd: root,
        env: childEnv({ LOCAL_STACK_FILE: stackFile }),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(added.stderr).not.toMatch(/Could not add/);
      expect(added.status).toBe(0);
      expect(added.stdout).toMatch(/Added added@example.com/);
      const signed = new CognitoIdentityProviderClient({
        endpoint: info.cognitoEndpoint,
        region: info.region,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const user = await signed.send(new AdminGetUserCommand({ UserPoolId: info.userPoolId, Username: 'added@example.com' }));
      expect(user).toMatchObject({ UserStatus: 'CONFIRMED', Enabled: true });
      const groups = await signed.send(new AdminListGroupsForUserCommand({ UserPoolId: info.userPoolId, Username: 'added@example.com' }));
      expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['admins']);
      signed.destroy();
      client.destroy();
      // Start-up prints no SDK notice about Node.js versions.
      expect(run.output()).not.toMatch(/NodeVersionSupportWarning|will require node/);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    expect(existsSync(stackFile)).toBe(false);
    for (const port of Object.values(ports)) expect(await portIsFree(Number(port))).toBe(true);
  });

  // Three starts of the whole stack, page included: under load this takes longer than the default 30 s.
  it('keeps users and signing keys across restarts, and --clean starts afresh', { timeout: 600_000 }, async () => {
    const dataDir = join(work, 'persist');
    const stackFile = join(work, 'persist.json');
    const jwksAndUser = async (args: string[] = []) => {
      const run = await startCli({ ...(await portsEnv()), LOCAL_STACK_FILE: stackFile, LOCAL_DATA_DIR: dataDir }, args);
      try {
        await waitFor(() => existsSync(stackFile), 'stack.json');
        const info = JSON.parse(readFileSync(stackFile, 'utf8'));
        const jwks = await (await fetch(`${info.issuer}/.well-known/jwks.json`)).json();
        const client = new CognitoIdentityProviderClient({
          endpoint: info.cognitoEndpoint,
          region: info.region,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        });
        const demo = await client.send(new AdminGetUserCommand({ UserPoolId: info.userPoolId, Username: 'demo@example.com' }));
        client.destroy();
        return { kids: jwks.keys.map((k: { kid: string }) => k.kid), sub: demo.Username };
      } finally {
        // SIGTERM stops it as cleanly as Ctrl-C.
        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
        expect(existsSync(stackFile)).toBe(false);
      }
    };
    const first = await jwksAndUser();
    const second = await jwksAndUser();
    expect(second).toEqual(first);
    // Passwords are kept only as SRP verifiers.
    const users = readFileSync(join(dataDir, 'users.json'), 'utf8');
    expect(users).not.toContain('Demo-passw0rd');
    expect(JSON.parse(users)[0].password).toEqual({ salt: expect.stringMatching(/^[0-9a-f]+$/), verifier: expect.stringMatching(/^[0-9a-f]+$/) });
    const clean = await jwksAndUser(['--clean']);
    expect(clean.sub).not.toBe(first.sub);
    expect(clean.kids).not.toEqual(first.kids);
  });

  it('a port already in use gives a clear message and exit code 1', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', () => done()));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = await startCli({ ...(await portsEnv()), COGNITO_PORT: String(port), LOCAL_STACK_FILE: join(work, 'busy.json') });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} for the Cognito endpoint is already in use: stop what uses it or set COGNITO_PORT to another port`);
    } finally {
      busy.close();
    }
  });

  it('SIGTERM to npm itself (what scripts and process managers send) stops the stack and frees its ports', { timeout: 300_000 }, async () => {
    const ports = await portsEnv();
    const stackFile = join(work, 'npm.json');
    const run = await startCli({ ...ports, LOCAL_STACK_FILE: stackFile, LOCAL_DATA_DIR: join(work, 'npm-data') }, [], ['npm', 'start']);
    try {
      await waitFor(() => existsSync(stackFile), 'stack.json');
      run.child.kill('SIGTERM');
      await run.exited;
      await waitFor(() => !existsSync(stackFile), 'stack.json to be removed');
      for (const port of Object.values(ports)) await waitFor(() => portIsFree(Number(port)), `port ${port} to be free`);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('an invalid setting stops it with a message naming the variable', async () => {
    const run = await startCli({ ...(await portsEnv()), CODE_TTL_SECONDS: '0', LOCAL_STACK_FILE: join(work, 'bad.json') });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('CODE_TTL_SECONDS must be a whole number from 1 to 900');
  });
});
