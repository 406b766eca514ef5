// The page works under its own Content-Security-Policy with no violation, and no other site can frame it.
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../infra/local/listen.ts';
import { pageSecurityHeaders } from '../../infra/web-security-headers.ts';
import {
  DESKTOP,
  PHONE,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  pageUnderTest,
  signedInEmail,
  typeCode,
} from '../helpers/browser.ts';

/** What the browser reports against the page's policy: violation events and the console's CSP errors. */
interface Watched {
  readonly page: Page;
  readonly violations: string[];
}

/**
 * A person's browser context with the page's CSP reports recorded from before the first script runs. The
 * listener is installed by the test harness (CDP), so the page's own policy does not block it.
 */
async function watchedPage(browser: Browser, viewport = PHONE): Promise<Watched> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(report: string): void }).reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return { page, violations };
}

/** The page as the browser got it: the document's own response, with its CSP. */
async function load(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return response!;
}

describe.skipIf(!hasChromium)('the page under its Content-Security-Policy', () => {
  const context = pageUnderTest();
  const expectedHeaders = () => pageSecurityHeaders({ apiOrigins: [context.t.info.cognitoEndpoint], https: false });

  it('a passwordless sign-in works with no CSP violation reported; a call the policy forbids is reported', async () => {
    const { email } = await context.t.createUser();
    const { page, violations } = await watchedPage(context.browser);
    const response = await load(page, context.t.info.webUrl);
    const headers = await response.allHeaders();
    for (const [name, value] of Object.entries(expectedHeaders())) expect(headers[name.toLowerCase()], name).toBe(value);
    await page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
    await askForCodeByKeyboard(page, email);
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    // The claims table and sign-out work too: the whole journey, then a reload that keeps the sign-in.
    expect(await page.locator('#claims tr').count()).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => signedInEmail(page), { timeout: 30_000 }).toBe(email);
    await page.locator('#sign-out-button').click();
    await page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);

    // The watch is real: a call to an origin the policy does not name is refused and reported.
    const refused = await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'answered', () => 'refused'));
    expect(refused).toBe('refused');
    await expect.poll(() => violations.some((report) => report.startsWith('connect-src blocked http://127.0.0.1:9'))).toBe(true);
    await page.context().close();
  });

  it("the email's sign-in link signs in with no CSP violation reported", async () => {
    const { email } = await context.t.createUser();
    const asking = await watchedPage(context.browser, DESKTOP);
    await load(asking.page, context.t.info.webUrl);
    await asking.page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
    await askForCodeByKeyboard(asking.page, email);
    const link = await context.t.linkFor(email);

    const { page, violations } = await watchedPage(context.browser);
    await load(page, link);
    await page.locator('#link-form:not([hidden])').waitFor({ timeout: 30_000 });
    await expect.poll(() => focusedId(page)).toBe('link-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => signedInEmail(page), { timeout: 30_000 }).toBe(email);
    expect(violations).toEqual([]);
    expect(asking.violations).toEqual([]);
    await page.context().close();
    await asking.page.context().close();
  });

  describe('no other page can frame it', () => {
    let framer: Server;
    let framerUrl = '';
    beforeAll(async () => {
      // Another local origin: a page that frames the sign-in page, and (as a control) a page of its own.
      framer = createServer((request, response) => {
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        if (request.url === '/own') return response.end('<!doctype html><title>own</title><p id="own">framed fine</p>');
        response.end(
          `<!doctype html><title>framer</title>
           <iframe id="own" src="/own"></iframe>
           <iframe id="sign-in" src="${context.t.info.webUrl}/"></iframe>`,
        );
      });
      await listen(framer, 0, 'the framing page');
      const address = framer.address();
      framerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => framer && closeServer(framer));

    it('a page on another origin that frames it gets no sign-in page in the frame', async () => {
      const { page, violations } = await watchedPage(context.browser, DESKTOP);
      await load(page, `${framerUrl}/`);
      // The control frame renders: frames work, so an empty sign-in frame is the policy's doing.
      const own = page.frameLocator('#own');
      await expect.poll(() => own.locator('#own').textContent()).toBe('framed fine');
      // The load event waited for both frames. Chromium replaces a refused frame with its error page: not the
      // sign-in page's URL, and no form or title in it.
      const signInFrame = await (await page.locator('#sign-in').elementHandle())!.contentFrame();
      expect(signInFrame?.url() ?? '').not.toBe(`${context.t.info.webUrl}/`);
      const pageInFrame = signInFrame ? await signInFrame.evaluate(() => document.querySelector('#start-form, #title') !== null).catch(() => false) : false;
      expect(pageInFrame).toBe(false);
      await expect.poll(() => violations.some((report) => /frame-ancestors/.test(report))).toBe(true);
      await page.context().close();
    });
  });
});

describe.skipIf(!hasChromium)('the two-step page under its Content-Security-Policy', () => {
  const context = pageUnderTest({ SIGN_IN_MODE: 'password-and-code' });

  it('password (SRP in the browser), then the code, signs in with no CSP violation reported', async () => {
    const { email, password } = await context.t.createUser();
    const { page, violations } = await watchedPage(context.browser);
    await load(page, context.t.info.webUrl);
    await page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
    await expect.poll(() => focusedId(page)).toBe('email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.locator('#code-form:not([hidden])').waitFor({ timeout: 30_000 });
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
