/**
 * Amplify UI's <Authenticator> with `cognito-email-otp/client/authenticator`, installed from the packed tarball in a
 * fresh Vite + React project, signs in with real Chromium (typing on the keyboard) against the packed local stack:
 * passwordless with Resend Code, wrong codes, too many, the right code, sign out and in again; the email's link;
 * two-step. The app's source is the snippet of docs/amplify-ui-authenticator.md, word for word.
 */
import { AdminConfirmSignUpCommand, CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCode, latestLink, listEmails } from '../../infra/local/mailbox-client.ts';
import { hasChromium, launchBrowser, screenshot } from '../helpers/browser.ts';
import { cleanEnv, localStackPackages, npmInstall, packedTarball, pinnedVersion, readmeSnippet, run, tempProject } from '../helpers/packed-package.ts';
import { wrongFor } from '../helpers/test-clock.ts';

/** The versions this test was written against (an Amplify UI with the `passwordless` prop). */
const UI_REACT = '6.15.6';
const REACT = '18.3.1';

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Authenticator app</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body>
</html>
`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const app = tempProject('authenticator-app');
const password = 'Correct-h0rse-battery';

type StackInfo = Record<'region' | 'userPoolId' | 'userPoolClientId' | 'cognitoEndpoint' | 'mailboxUrl' | 'signInMode', string>;
interface Stack {
  process: ChildProcess;
  info: StackInfo;
  server: Server;
  url: string;
}
const stacks: Partial<Record<'code' | 'twoStep', Stack>> = {};
let browser: Browser | undefined;

/** The built app, served on an origin of its own with the config.json of one local stack. */
async function serveApp(config: () => Record<string, string>): Promise<{ server: Server; url: string }> {
  const dist = join(app, 'dist');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/config.json') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(config()));
    const file = resolve(dist, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(dist) || !existsSync(file)) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** `npx cognito-email-otp local` (started directly, so signals reach it) with its own stack file and data. */
async function startStack(name: 'code' | 'twoStep', env: (appUrl: string) => Record<string, string>): Promise<void> {
  const info = {} as StackInfo;
  const { server, url } = await serveApp(() => ({
    userPoolId: info.userPoolId,
    userPoolClientId: info.userPoolClientId,
    userPoolEndpoint: info.cognitoEndpoint,
    signInMode: info.signInMode,
  }));
  const stackFile = join(app, `.local/${name}.json`);
  const child = spawn(join(app, 'node_modules/.bin/cognito-email-otp'), ['local'], {
    cwd: app,
    env: cleanEnv({
      COGNITO_PORT: '0',
      DYNAMODB_PORT: '0',
      SES_PORT: '0',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      LOCAL_STACK_FILE: stackFile,
      LOCAL_DATA_DIR: join(app, `.local/data-${name}`),
      CORS_ALLOWED_ORIGINS: new URL(url).origin,
      // The Authenticator reads email_verified after signing in: the post-authentication trigger sets it.
      MARK_EMAIL_VERIFIED: 'true',
      ...env(url),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`cognito-email-otp local exited (${code}):\n${output}`)));
    const check = setInterval(() => {
      if (!output.includes('Local stack is up')) return;
      clearInterval(check);
      done();
    }, 200);
  });
  Object.assign(info, JSON.parse(readFileSync(stackFile, 'utf8')));
  stacks[name] = { process: child, info, server, url };
}

beforeAll(async () => {
  const tarball = await packedTarball();
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'authenticator-app',
      private: true,
      type: 'module',
      dependencies: {
        'cognito-email-otp': `file:${tarball}`,
        'aws-amplify': pinnedVersion('aws-amplify'),
        '@aws-amplify/ui-react': UI_REACT,
        react: REACT,
        'react-dom': REACT,
        vite: pinnedVersion('vite'),
      },
      // The local stack's own packages (optional peers of the package): this app runs npx cognito-email-otp local.
      devDependencies: localStackPackages(),
    }),
  );
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src/main.jsx'), readmeSnippet('authenticator'));
  writeFileSync(join(app, 'index.html'), INDEX_HTML);
  npmInstall(app);
  // Vite compiles the JSX itself (no React plugin needed).
  run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: app });

  // The link in each code email opens the app served for this stack.
  await startStack('code', (url) => ({ DEMO_USER_EMAIL: 'demo@example.com', CODE_TTL_SECONDS: '90', SIGN_IN_LINK_URL: url }));
  await startStack('twoStep', () => ({ SIGN_IN_MODE: 'password-and-code', DEMO_USER_EMAIL: 'two@example.com', DEMO_USER_PASSWORD: password }));
  if (hasChromium) browser = await launchBrowser();
}, 900_000);

/** Stops a stack's process and its app server. */
async function stopStack(name: 'code' | 'twoStep'): Promise<void> {
  const stack = stacks[name];
  if (!stack) return;
  if (stack.process.exitCode === null) {
    const exited = new Promise((done) => stack.process.once('exit', done));
    stack.process.kill('SIGTERM');
    await exited;
  }
  stack.server.close();
}

afterAll(async () => {
  await browser?.close();
  await stopStack('code');
  await stopStack('twoStep');
  rmSync(app, { recursive: true, force: true });
}, 600_000);

/** A user who signed up and was confirmed by an administrator: email_verified is still false until a sign-in. */
async function unverifiedUser(name: string): Promise<string> {
  const { info } = stacks.code!;
  const email = `${name}.${Date.now().toString(36)}@example.com`;
  const admin = new CognitoIdentityProviderClient({
    endpoint: info.cognitoEndpoint,
    region: info.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await admin.send(new SignUpCommand({ ClientId: info.userPoolClientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }));
  await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: info.userPoolId, Username: email }));
  admin.destroy();
  return email;
}

/** Generous: two cores shared by every test running at the time. */
const WAIT = 60_000;

/** A person's own browser (own storage) at `url`. */
async function open(url: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Clicks a field and types `text` over what it held, on the keyboard. */
async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.waitFor({ timeout: WAIT });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

const CODE = /^Code/;

/** The mailbox's emails to `email`, once there are at least `count`. */
async function emailsTo(mailboxUrl: string, email: string, count: number) {
  await expect.poll(async () => (await listEmails(mailboxUrl, email)).length, { timeout: WAIT }).toBeGreaterThanOrEqual(count);
  return listEmails(mailboxUrl, email);
}

async function codeFor(mailboxUrl: string, email: string, count: number): Promise<string> {
  await emailsTo(mailboxUrl, email, count);
  return (await latestCode(mailboxUrl, email))!;
}

/** The Authenticator's alert (its role="alert" box), once it says something. */
async function alertText(page: Page): Promise<string> {
  const alert = page.locator('[data-amplify-authenticator] [role="alert"], .amplify-alert');
  await alert.first().waitFor({ timeout: WAIT });
  return (await alert.first().textContent())!.trim();
}

async function expectNoRawCognitoText(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(/failed with error|Exception|UserLambdaValidation|Account recovery requires/);
}

describe.skipIf(!hasChromium)('Amplify UI Authenticator with authenticatorServices(), from the packed package', () => {
  it('passwordless: the email alone, Resend Code, a wrong code with attempts left, the right code (no detour), sign out and straight back in', async () => {
    const { info, url } = stacks.code!;
    const email = await unverifiedUser('passwordless');
    const page = await open(url);
    await typeInto(page, 'Email', email);
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await page.keyboard.press('Enter');

    await page.getByText('Confirm Email Code').waitFor({ timeout: WAIT });
    await page.getByText(/enter the code we emailed to p\*\*\*@e\*\*\*\.com/).waitFor({ timeout: WAIT });
    const code = await codeFor(info.mailboxUrl, email, 1);
    await screenshot(page, 'authenticator-code');

    // Resend Code inside the resend interval: the code already in the inbox is offered again, nothing new is mailed.
    await page.getByRole('button', { name: 'Resend Code' }).click();
    await page.getByRole('button', { name: 'Confirm' }).and(page.locator(':enabled')).waitFor({ timeout: WAIT });
    expect(await listEmails(info.mailboxUrl, email)).toHaveLength(1);

    await typeInto(page, CODE, wrongFor(code));
    await page.keyboard.press('Enter');
    expect(await alertText(page)).toBe('That code is wrong. 2 attempts left.');
    await page.getByText('Confirm Email Code').waitFor({ timeout: WAIT });
    await screenshot(page, 'authenticator-wrong-code');

    await typeInto(page, CODE, code);
    await page.keyboard.press('Enter');
    await page.getByText(`Signed in as ${email}`).waitFor({ timeout: WAIT });
    await expectNoRawCognitoText(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await typeInto(page, 'Email', email);
    await page.keyboard.press('Enter');
    await page.getByText('Confirm Email Code').waitFor({ timeout: WAIT });
    // The code was used: signing in again mails a new one at once.
    await typeInto(page, CODE, await codeFor(info.mailboxUrl, email, 2));
    await page.keyboard.press('Enter');
    await page.getByText(`Signed in as ${email}`).waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email', { exact: true }).waitFor({ timeout: WAIT });
    await page.context().close();
  }, 300_000);

  it('too many wrong codes: the code screen says how long until a new code, and after that wait Resend Code mails one that signs in', async () => {
    const { info, url } = stacks.code!;
    const email = await unverifiedUser('locked');
    const page = await open(url);
    await typeInto(page, 'Email', email);
    await page.keyboard.press('Enter');
    await page.getByText('Confirm Email Code').waitFor({ timeout: WAIT });
    const code = await codeFor(info.mailboxUrl, email, 1);
    for (const left of ['2 attempts left', '1 attempt left']) {
      await typeInto(page, CODE, wrongFor(code));
      await page.keyboard.press('Enter');
      await page.getByText(`That code is wrong. ${left}.`).waitFor({ timeout: WAIT });
    }
    await typeInto(page, CODE, wrongFor(code));
    await page.keyboard.press('Enter');
    await page.getByText(/^Too many wrong codes/).waitFor({ timeout: WAIT });
    expect(await alertText(page)).toMatch(
      /^Too many wrong codes: this code no longer works, but the link in the same email still does\. Try again in \d+ seconds? for a new code\.$/,
    );

    await page.getByRole('button', { name: 'Resend Code' }).click();
    await page.getByText(/Try again in \d+ seconds?/).waitFor({ timeout: WAIT });
    const seconds = Number(/Try again in (\d+) second/.exec(await alertText(page))?.[1]);
    expect(seconds).toBeGreaterThan(0);
    await expectNoRawCognitoText(page);

    // The person waits as told, then asks again.
    await page.waitForTimeout(seconds * 1000);
    await page.getByRole('button', { name: 'Resend Code' }).click();
    const next = await codeFor(info.mailboxUrl, email, 2);
    await typeInto(page, CODE, next);
    await page.keyboard.press('Enter');
    await page.getByText(`Signed in as ${email}`).waitFor({ timeout: WAIT });
    await page.context().close();
  }, 300_000);

  it("the email's sign-in link: the page it opens asks once, signs in, and the Authenticator shows the signed-in state", async () => {
    const { info, url } = stacks.code!;
    const email = await unverifiedUser('link');
    const asker = await open(url);
    await typeInto(asker, 'Email', email);
    await asker.keyboard.press('Enter');
    await asker.getByText('Confirm Email Code').waitFor({ timeout: WAIT });
    await emailsTo(info.mailboxUrl, email, 1);
    const href = (await latestLink(info.mailboxUrl, email))!;
    expect(href.startsWith(url)).toBe(true);
    await asker.context().close();

    const page = await open(href);
    await page.getByText(`Sign in as ${email}?`).waitFor({ timeout: WAIT });
    // The secret left the address bar before anything else.
    expect(page.url()).toBe(url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${email}`).waitFor({ timeout: WAIT });
    await expectNoRawCognitoText(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.context().close();

    // The same link again: spent, and said so in words above the Authenticator.
    const again = await open(href);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.getByText(/^This sign-in link no longer works/).waitFor({ timeout: WAIT });
    await again.getByLabel('Email', { exact: true }).waitFor({ timeout: WAIT });
    await again.context().close();
  }, 300_000);

  it('two-step: email and password, then the code screen, then signed in', async () => {
    const { info, url } = stacks.twoStep!;
    const email = 'two@example.com';
    const page = await open(url);
    await typeInto(page, 'Email', email);
    await typeInto(page, 'Password', 'not-the-password');
    await page.keyboard.press('Enter');
    expect(await alertText(page)).toBe('The email address or password is wrong.');

    await typeInto(page, 'Password', password);
    await page.keyboard.press('Enter');
    await page.getByText('Confirm Email Code').waitFor({ timeout: WAIT });
    const code = await codeFor(info.mailboxUrl, email, 1);
    await typeInto(page, CODE, wrongFor(code));
    await page.keyboard.press('Enter');
    expect(await alertText(page)).toBe('That code is wrong. 2 attempts left.');
    await typeInto(page, CODE, code);
    await page.keyboard.press('Enter');
    await page.getByText(`Signed in as ${email}`).waitFor({ timeout: WAIT });
    await expectNoRawCognitoText(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Password', { exact: true }).waitFor({ timeout: WAIT });
    await page.context().close();
  }, 300_000);
});
