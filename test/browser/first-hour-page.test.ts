// What a newcomer meets in the first hour at the page: the favicon, readable token times, the fourth sign-in in a row, a refused origin, the local mailbox.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { closeServer, freePort, listen } from '../../infra/local/listen.ts';
import {
  DESKTOP,
  PHONE,
  alertText,
  askForCodeByKeyboard,
  buttonState,
  focusedId,
  hasChromium,
  openSignInPage,
  pageUnderTest,
  settled,
  signedInEmail,
  statusText,
  typeCode,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('the page in the first hour', () => {
  const context = pageUnderTest();

  /** Console errors and failed requests (4xx, 5xx) of a page, as a person with the developer tools open would see them. */
  function problemsOf(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    return problems;
  }

  it('has a favicon, no console error or failed request on the way to signed in, and shows token times as dates', async () => {
    const browserContext = await context.browser.newContext({ viewport: DESKTOP });
    const page = await browserContext.newPage();
    const problems = problemsOf(page);
    const icons: Array<{ url: string; status: number; type: string | undefined }> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'other' || /favicon/.test(response.url())) {
        icons.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] });
      }
    });
    await page.goto(context.t.info.webUrl);
    await page.locator('#start-form:not([hidden])').waitFor();
    const { email } = await context.t.createUser();
    await askForCodeByKeyboard(page, email);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);

    // The icon the page names is served (Chromium fetches it in the background).
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href ?? '');
    expect(icon).toMatch(/\.svg$/);
    const fetched = await fetch(icon);
    expect({ status: fetched.status, type: fetched.headers.get('content-type') }).toEqual({ status: 200, type: 'image/svg+xml' });
    expect(icons.filter((entry) => entry.status >= 400)).toEqual([]);

    const times = await page.locator('#claims tr').evaluateAll((rows: HTMLTableRowElement[]) =>
      rows
        .map((row) => ({ name: row.cells[0]!.textContent, time: row.cells[1]!.querySelector('time'), text: row.cells[1]!.textContent }))
        .filter((row) => ['auth_time', 'iat', 'exp'].includes(row.name ?? ''))
        .map((row) => ({ name: row.name, text: row.text, raw: row.time?.title, dateTime: row.time?.dateTime })),
    );
    expect(times.map((row) => row.name).sort()).toEqual(['auth_time', 'exp', 'iat']);
    const year = String(new Date().getFullYear());
    for (const row of times) {
      expect(row.raw).toMatch(/^\d{10}$/); // the raw epoch seconds, in the tooltip
      expect(row.dateTime).toBe(new Date(Number(row.raw) * 1000).toISOString());
      expect(row.text).not.toMatch(/^\d+$/);
      expect(row.text).toContain(year);
    }
    // Other claims stay as they are.
    expect(await page.locator('#claims').textContent()).toContain(email);
    expect(problems).toEqual([]);
    await browserContext.close();
  });

  it('signing out and straight back in: the fourth time in a row says it is the hourly limit, and when to try again', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    for (let round = 1; round <= 3; round++) {
      expect(await context.t.emailsTo(email)).toHaveLength(round);
      await typeCode(page, await context.t.codeFor(email));
      await expect.poll(() => signedInEmail(page)).toBe(email);
      await page.keyboard.press('Enter'); // Sign out
      await expect.poll(() => statusText(page)).toBe('You are signed out.');
      expect(await focusedId(page)).toBe('start-button');
      await page.keyboard.press('Enter'); // Email me a code
      await settled(page);
      if (round < 3) await page.locator('#code-form:not([hidden])').waitFor();
    }
    // Three emails is the burst; the fourth in a row waits for the hourly rate.
    expect(await context.t.emailsTo(email)).toHaveLength(3);
    expect(await alertText(page)).toMatch(
      /^No more codes can be sent to this address for now: it has had as many emails as one address may get in an hour\. You can ask for a new code at \d{1,2}:\d\d(\s?[AP]M)?, when the button's countdown ends\.$/,
    );
    expect(await buttonState(page, 'start-button')).toEqual({ label: expect.stringMatching(/^Email me a code \(in \d+:\d\d\)$/), enabled: false });
    expect(await focusedId(page)).toBe('start-button');
    await page.context().close();
  });

  it('opened at an address the local endpoint does not allow, the page says so instead of blaming the connection', async () => {
    // The same page, served at another origin of this machine (as a developer's own dev server would serve it).
    const server = createServer((request, response) => {
      void fetch(`${context.t.info.webUrl}${request.url ?? '/'}`).then(
        async (answer) => {
          response.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !/^(content-encoding|content-length|transfer-encoding|connection)$/.test(name))));
          response.end(Buffer.from(await answer.arrayBuffer()));
        },
        () => response.writeHead(502).end(),
      );
    });
    const port = await freePort();
    await listen(server, port, 'the other page server');
    const origin = `http://127.0.0.1:${port}`;
    const browserContext = await context.browser.newContext({ viewport: DESKTOP });
    const page = await browserContext.newPage();
    await page.goto(`${origin}/`);
    await page.locator('#start-form:not([hidden])').waitFor();
    await page.keyboard.type('someone@example.com');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await alertText(page)).toBe(
      `The sign-in service at ${context.t.info.cognitoEndpoint} does not accept requests from this page's address, ${origin}. ` +
        'Open the page at the address the local stack printed, or add this one to CORS_ALLOWED_ORIGINS and restart the stack.',
    );
    expect(await focusedId(page)).toBe('email');
    await browserContext.close();
    await closeServer(server);
  });

  it('in the local stack the page names the demo user and links the local mailbox, which opens in a tab of its own by keyboard', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    const hint = page.locator('#local-stack-hint');
    expect(await hint.textContent()).toBe('Local stack: npm start adds a demo user, demo@example.com. Emails arrive in the local mailbox.');
    await askForCodeByKeyboard(page, email);
    expect(await statusText(page)).toBe(`Check your inbox. Nothing after a minute? Check the address and your spam folder, or use another address: some mail servers refuse our emails.`);
    expect(await hint.textContent()).toBe('Local stack: the email is in the local mailbox.');
    const link = hint.getByRole('link', { name: 'the local mailbox' });
    expect(await link.getAttribute('href')).toBe(context.t.info.mailboxUrl);
    await link.focus();
    const opened = page.context().waitForEvent('page');
    await page.keyboard.press('Enter');
    const mailbox = await opened;
    await mailbox.locator('.email', { hasText: email }).waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${context.t.info.webUrl}/`); // the sign-in page stays where it was
    await page.context().close();
  });

  it('without a mailboxUrl in config.json (a page on AWS) there is no local-stack hint', async () => {
    const browserContext = await context.browser.newContext({ viewport: PHONE });
    await browserContext.route(`${context.t.info.webUrl}/config.json`, async (route) => {
      const response = await route.fetch();
      const { mailboxUrl, ...onAws } = (await response.json()) as Record<string, string>;
      expect(mailboxUrl).toBe(context.t.info.mailboxUrl);
      await route.fulfill({ response, json: onAws });
    });
    const page = await browserContext.newPage();
    await page.goto(context.t.info.webUrl);
    await page.locator('#start-form:not([hidden])').waitFor();
    const { email } = await context.t.createUser();
    await askForCodeByKeyboard(page, email);
    expect(await page.locator('#local-stack-hint').isHidden()).toBe(true);
    expect(await page.locator('main').innerText()).not.toMatch(/mailbox|demo@example\.com/);
    await browserContext.close();
  });

  it("the email's link, clicked in the local mailbox's HTML view, opens the sign-in page in a tab of its own", async () => {
    const { email } = await context.t.createUser();
    const first = await openSignInPage(context.browser, context.t.info.webUrl, DESKTOP);
    await askForCodeByKeyboard(first, email);
    await first.context().close();

    const browserContext = await context.browser.newContext({ viewport: DESKTOP });
    const mailbox = await browserContext.newPage();
    await mailbox.goto(context.t.info.mailboxUrl);
    const message = mailbox.locator('.email', { hasText: email });
    await message.getByRole('button', { name: 'Toggle HTML view' }).click();
    const opened = browserContext.waitForEvent('page');
    await message.frameLocator('iframe').getByRole('link', { name: 'open this link to sign in' }).click();
    const page = await opened;
    await page.locator('#link-form:not([hidden])').waitFor({ timeout: 30_000 });
    expect(await page.locator('#link-email').textContent()).toBe(email);
    // The mailbox stays as it was.
    expect(mailbox.url()).toBe(`${context.t.info.mailboxUrl}/`);
    await browserContext.close();
    // Two browser contexts and a mailbox page: slow under a full run on two cores, never stuck.
  }, 120_000);
});
