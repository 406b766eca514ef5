import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot } from '../helpers/browser.ts';
import { cleanEnv, npmInstall, packedTarball, pinnedVersion, readmeSnippet, tempProject } from '../helpers/packed-package.ts';

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

  // The app is served first, so that the local endpoint can be told to accept its origin (CORS_ALLOWED_ORIGINS).
  const config = () =>
    JSON.stringify({
      userPoolId: stackInfo.userPoolId,
      userPoolClientId: stackInfo.userPoolClientId,
      userPoolEndpoint: stackInfo.cognitoEndpoint,
    });
  server = createServer((request, response) => {
    const files: Record<string, [string, string]> = {
      '/': ['text/html', page],
      '/main.js': ['text/javascript', readFileSync(join(app, 'dist/main.js'), 'utf8')],
      '/config.json': ['application/json', config()],
    };
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // What `npx cognito-email-otp local` runs, started directly so that signals reach it (npx would not pass them on).
  localStack = spawn(join(app, 'node_modules/.bin/cognito-email-otp'), ['local'], {
    cwd: app,
    env: cleanEnv({ COGNITO_PORT: '0', DYNAMODB_PORT: '0', SES_PORT: '0', DEMO_USER_EMAIL: email, POWERTOOLS_LOG_LEVEL: 'WARN', CORS_ALLOWED_ORIGINS: appUrl.replace(/\/$/, '') }),
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
  rmSync(app, { recursive: true, force: true });
});

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
