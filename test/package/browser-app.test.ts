import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot } from '../helpers/browser.ts';
import { cleanEnv, localStackPackages, npmInstall, packedTarball, pinnedVersion, readmeSnippet, tempProject } from '../helpers/packed-package.ts';

/**
 * A small browser app that imports only `cognito-email-otp/client` (the README's Amplify v6 snippet) and
 * `aws-amplify`, installed from the packed tarball and bundled for the browser, signs in with Chromium
 * against the local stack that the same installed package starts with `npx cognito-email-otp local`.
 */
const app = tempProject('browser-app');
const email = 'someone@example.com';
const page = `<!doctype html>
<html lang="en">
  <body>
    <form id="email-form"><label for="email">Email</label> <input id="email" type="email" /> <button>Email me a code</button></form>
    <form id="code-form"><label for="code">Code</label> <input id="code" inputmode="numeric" /> <button>Sign in</button></form>
    <button id="sign-out" type="button">Sign out</button>
    <p id="message" role="status"></p>
    <script type="module" src="/main.js"></script>
  </body>
</html>
`;

let localStack: ChildProcess | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let appUrl = '';
let stackInfo: Record<string, string> = {};
/** What the installed command printed while starting. */
let startOutput = '';
const stackFile = join(app, '.local/stack.json');

beforeAll(async () => {
  const tarball = await packedTarball();
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'browser-app',
      private: true,
      type: 'module',
      dependencies: { 'cognito-email-otp': `file:${tarball}`, 'aws-amplify': pinnedVersion('aws-amplify') },
      // The local stack's own packages, as the README tells a project that runs it to install them.
      devDependencies: localStackPackages(),
    }),
  );
  writeFileSync(join(app, 'main.js'), readmeSnippet('amplify-spa'));
  writeFileSync(join(app, 'index.html'), page);
  npmInstall(app);

  // The app's bundle: imports resolve from the app's own node_modules.
  mkdirSync(join(app, 'dist'));
  await build({
    absWorkingDir: app,
    entryPoints: ['main.js'],
    outfile: 'dist/main.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });

  // The app's own dev server, on an origin of its own: the local stack must be told to allow it (CORS).
  server = createServer((request, response) => {
    const config = JSON.stringify({
      userPoolId: stackInfo.userPoolId,
      userPoolClientId: stackInfo.userPoolClientId,
      userPoolEndpoint: stackInfo.cognitoEndpoint,
    });
    const files: Record<string, [string, string]> = {
      '/': ['text/html', page],
      '/main.js': ['text/javascript', readFileSync(join(app, 'dist/main.js'), 'utf8')],
      '/config.json': ['application/json', config],
    };
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // What `npx cognito-email-otp local` runs, started directly so that signals reach it (npx would not pass them on).
  localStack = spawn(join(app, 'node_modules/.bin/cognito-email-otp'), ['local'], {
    cwd: app,
    env: cleanEnv({
      COGNITO_PORT: '0',
      DYNAMODB_PORT: '0',
      SES_PORT: '0',
      DEMO_USER_EMAIL: email,
      POWERTOOLS_LOG_LEVEL: 'WARN',
      CORS_ALLOWED_ORIGINS: new URL(appUrl).origin,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  localStack.stdout!.on('data', (chunk) => (output += chunk));
  localStack.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    localStack!.once('exit', (code) => reject(new Error(`npx cognito-email-otp local exited (${code}):\n${output}`)));
    const check = setInterval(() => {
      if (!output.includes('Local stack is up')) return;
      clearInterval(check);
      resolve();
    }, 200);
  });
  stackInfo = JSON.parse(readFileSync(stackFile, 'utf8'));
  startOutput = output;

  if (hasChromium) browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (localStack && localStack.exitCode === null) {
    const exited = new Promise((resolve) => localStack!.once('exit', resolve));
    localStack.kill('SIGTERM');
    await exited;
  }
  await rm(app, { recursive: true, force: true });
}, 600_000);

async function latestCode(): Promise<string> {
  const { emails } = (await (await fetch(new URL('/store', stackInfo.mailboxUrl))).json()) as { emails: Array<{ body: { text?: string } }> };
  const code = /code for .* is: (\d+)/.exec(emails.at(-1)?.body.text ?? '')?.[1];
  if (!code) throw new Error('no code in the mailbox');
  return code;
}

describe.skipIf(!hasChromium)('a browser app on the packed client helper', () => {
  it('npx cognito-email-otp local writes .local/stack.json in the app folder, without a page', () => {
    expect(Object.keys(stackInfo)).toEqual([
      'region', 'userPoolId', 'userPoolClientId', 'cognitoEndpoint', 'issuer', 'dynamodbEndpoint', 'mailboxUrl', 'webUrl', 'signInMode',
    ]);
    expect(stackInfo.cognitoEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stackInfo.webUrl).toBe('');
  });

  it('npx cognito-email-otp user:add adds a user to it, and the command names only commands the project has', async () => {
    const bin = join(app, 'node_modules/.bin/cognito-email-otp');
    expect(startOutput).toContain(`Sign in from your app against ${stackInfo.cognitoEndpoint}`);
    expect(startOutput).toContain('(npx cognito-email-otp local --clean starts afresh)');
    expect(startOutput).toContain('Add a user: npx cognito-email-otp user:add someone@example.com');
    expect(startOutput).not.toMatch(/npm (start|run)/);

    const added = spawnSync(bin, ['user:add', 'added@example.com', '--group', 'admins'], { cwd: app, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^Added added@example\.com \(username [0-9a-f-]{36}\); sign in from your app against http:\/\/127\.0\.0\.1:\d+\n$/);
    const admin = new CognitoIdentityProviderClient({
      endpoint: stackInfo.cognitoEndpoint,
      region: stackInfo.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: stackInfo.userPoolId, Username: 'added@example.com' }));
    // Without a password, as AdminCreateUser leaves a user on Cognito; a code signs it in all the same.
    expect(user).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
    const challenge = await admin.send(
      new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: stackInfo.userPoolClientId, AuthParameters: { USERNAME: 'added@example.com' } }),
    );
    const signedIn = await admin.send(
      new RespondToAuthChallengeCommand({
        ClientId: stackInfo.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: await latestCode() },
      }),
    );
    expect(signedIn.AuthenticationResult?.IdToken).toBeTruthy();
    admin.destroy();

    const help = spawnSync(bin, ['--help'], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/cognito-email-otp local \[--clean\][\s\S]*cognito-email-otp user:add <email>/);
    const unknown = spawnSync(bin, ['serve'], { cwd: app, env: cleanEnv(), encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown command "serve"\.\n\nUsage:/);
  }, 60_000);

  it('signs in with Chromium: email, a wrong code (attempts left), the right code, then signs out', async () => {
    const tab = await browser!.newPage();
    await tab.goto(appUrl);
    await tab.getByLabel('Email').click();
    await tab.keyboard.type(email);
    await tab.keyboard.press('Enter');
    const message = tab.getByRole('status');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toBe('Enter the 6-digit code we sent to s***@e***.com');

    const code = await latestCode();
    await tab.getByLabel('Code').click();
    await tab.keyboard.type(code === '000000' ? '111111' : '000000');
    await tab.keyboard.press('Enter');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toBe('Wrong code, 2 attempts left');

    await tab.getByLabel('Code').click();
    await tab.keyboard.press('ControlOrMeta+A');
    await tab.keyboard.press('Backspace');
    await tab.keyboard.type(code);
    await tab.keyboard.press('Enter');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toBe('Signed in');
    await screenshot(tab, 'package-browser-app');

    await tab.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toBe('Signed out');
    await tab.close();
  }, 120_000);

  it('stops on SIGTERM and removes its stack.json', async () => {
    const exited = new Promise<number | null>((resolve) => localStack!.once('exit', resolve));
    localStack!.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(stackFile)).toBe(false);
  }, 60_000);
});
