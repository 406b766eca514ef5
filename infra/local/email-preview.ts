/**
 * The code email in every language, built-in and configured (the same variables as the triggers: EMAIL_TEMPLATES,
 * EMAIL_SUBJECT, ..., APP_NAME, CODE_TTL_SECONDS, SIGN_IN_LINK_URL), written as HTML and text files and, where
 * headless Chromium is installed, PNG screenshots, with an index page: to look at the emails before deploying.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SETTING_DEFAULTS } from '../../triggers/contracts/code-settings.ts';
import { signInLinkFor } from '../../triggers/contracts/sign-in-link.ts';
import { loadEmailLanguages } from '../../triggers/domain/email-config.ts';
import { escapeHtml, minutesLeft, renderCodeEmail, type CodeEmail } from '../../triggers/domain/email-template.ts';
import { integerVar, type Env } from '../../triggers/domain/env.ts';

/** How the command is typed: `npx cognito-email-otp preview` in a project, `npm run preview:emails --` here. */
export function previewUsage(command: string): string {
  return `Usage: ${command} [--out <folder>] [--without-link]
  Writes the code email in every built-in and configured language to a folder: <language>.html, <language>.txt,
  and <language>.png where headless Chromium is installed (CHROMIUM_PATH, else /usr/bin/chromium), with index.html.
  Templates and settings come from the triggers' variables (EMAIL_TEMPLATES, EMAIL_DEFAULT_LANGUAGE, EMAIL_SUBJECT,
  EMAIL_TEXT_TEMPLATE, EMAIL_HTML_TEMPLATE, APP_NAME, CODE_TTL_SECONDS, SIGN_IN_LINK_URL); invalid ones are refused
  as the triggers would refuse them.
  --out <folder>    where to write (default: email-preview)
  --without-link    the emails as mailed without a sign-in link (password-and-code mode, or no link)
  -h, --help        print this and write nothing`;
}

export interface PreviewEmail extends CodeEmail {
  readonly default: boolean;
}

/** Every configured language's email with a sample code (and link), as the triggers would render it. */
export function previewEmails(env: Env, withLink: boolean): PreviewEmail[] {
  const languages = loadEmailLanguages(env, withLink);
  const linkUrl = env.SIGN_IN_LINK_URL?.trim() || 'https://app.example.com/sign-in';
  // Read as the triggers read it (triggers/domain/config.ts), with the same default.
  const minutes = minutesLeft(integerVar(env, 'CODE_TTL_SECONDS', CODE_SETTING_DEFAULTS.codeTtlSeconds, 1, 900));
  return Object.entries(languages.templates).map(([language, templates]) => ({
    ...renderCodeEmail({
      code: '042917',
      link: withLink ? signInLinkFor(linkUrl, 'jane.doe@example.com', 'AbC_-0123456789abcdefgh') : undefined,
      appName: env.APP_NAME?.trim() || templates.accountName,
      minutes,
      templates,
      language,
    }),
    default: language === languages.defaultLanguage,
  }));
}

function indexPage(emails: readonly PreviewEmail[], withScreenshots: boolean): string {
  const rows = emails.map((email) => {
    const name = escapeHtml(email.language);
    const picture = withScreenshots ? `<td><a href="${name}.png"><img src="${name}.png" alt="" width="240"></a></td>` : '';
    return `<tr><td>${name}${email.default ? ' (default)' : ''}</td><td>${escapeHtml(email.subject)}</td><td><a href="${name}.html">HTML</a> · <a href="${name}.txt">text</a></td>${picture}</tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Code email preview</title></head>
<body style="font-family:system-ui,sans-serif">
<h1>Code email preview</h1>
<table cellpadding="8"><tr><th>Language</th><th>Subject</th><th>Parts</th>${withScreenshots ? '<th>Screenshot</th>' : ''}</tr>
${rows.join('\n')}
</table>
</body></html>
`;
}

/** PNGs of the HTML parts at a phone's width, or a reason there are none. */
async function screenshots(folder: string, emails: readonly PreviewEmail[]): Promise<string | undefined> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return 'playwright-core is not installed (npm install -D playwright-core)';
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 400 } });
    for (const email of emails) {
      await page.goto(pathToFileURL(resolve(folder, `${email.language}.html`)).href);
      await page.screenshot({ path: resolve(folder, `${email.language}.png`), fullPage: true });
    }
  } finally {
    await browser.close();
  }
  return undefined;
}

/** Writes the preview into `folder`; returns the emails and why screenshots were skipped, if they were. */
export async function writePreview(folder: string, env: Env, withLink: boolean): Promise<{ emails: PreviewEmail[]; skipped?: string }> {
  const emails = previewEmails(env, withLink);
  mkdirSync(folder, { recursive: true });
  for (const email of emails) {
    writeFileSync(resolve(folder, `${email.language}.html`), email.html);
    writeFileSync(resolve(folder, `${email.language}.txt`), `Subject: ${email.subject}\n\n${email.text}\n`);
  }
  const skipped = await screenshots(folder, emails);
  writeFileSync(resolve(folder, 'index.html'), indexPage(emails, skipped === undefined));
  return { emails, ...(skipped ? { skipped } : {}) };
}
