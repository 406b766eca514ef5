/** The code email: its default templates and how they are filled in (the code marked as contracts/code-email.ts says). */
import { markedCode } from './contracts/code-email.ts';

export interface CodeEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Templates with `{{code}}`, `{{link}}`, `{{appName}}` and `{{minutes}}` placeholders. Text between
 * `{{#link}}` and `{{/link}}` is kept only when the email carries a sign-in link.
 */
export interface EmailTemplates {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export const DEFAULT_TEMPLATES: EmailTemplates = {
  subject: 'Sign-in code for {{appName}}',
  // A literal, not a join(): a module-level call would keep this in every bundle that imports config.ts (Define too).
  text: `Your sign-in code for {{appName}} is: {{code}}

{{#link}}Or open this link to sign in:
{{link}}

{{/link}}It expires in {{minutes}} and works once.
If you did not try to sign in, you can ignore this email. Never share this code{{#link}} or link{{/link}}.`,
  html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your sign-in code</title></head>
<body style="font-family:system-ui,sans-serif;color:#111">
<p>Your sign-in code for {{appName}} is:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>Or <a href="{{link}}" target="_blank" rel="noopener">open this link to sign in</a>.</p>
{{/link}}<p>It expires in {{minutes}} and works once.</p>
<p style="color:#555">If you did not try to sign in, you can ignore this email. Never share this code{{#link}} or link{{/link}}.</p>
</body></html>`,
};

export interface CodeEmailInput {
  readonly code: string;
  /** The sign-in link, when one is mailed. */
  readonly link?: string | undefined;
  readonly appName: string;
  /** Whole minutes the code stays valid, rounded up (at least 1). */
  readonly minutes: number;
  readonly templates: EmailTemplates;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

export function minutesLeft(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds / 60));
}

function fill(template: string, values: Record<string, string>, withLink: boolean, markCode = false): string {
  return template
    .replace(/\{\{#link\}\}([\s\S]*?)\{\{\/link\}\}/g, (_match, inner: string) => (withLink ? inner : ''))
    .replace(/\{\{(code|link|appName|minutes)\}\}/g, (_match, name: string, offset: number, filled: string) => {
      const value = values[name] ?? '';
      return name === 'code' && markCode && isElementText(filled, offset) ? markedCode(value) : value;
    });
}

/** Raw-text elements: markup inside them is shown as text, so no mark goes there. */
const RAW_TEXT = /<(title|textarea|style|script)\b[^>]*>[^<]*$/i;

/** Whether `offset` in an HTML template is element text (not inside a tag, an attribute or a raw-text element). */
function isElementText(html: string, offset: number): boolean {
  const before = html.slice(0, offset);
  return before.lastIndexOf('<') <= before.lastIndexOf('>') && !RAW_TEXT.test(before);
}

/**
 * Builds the code email's subject, text and HTML parts from the templates. Placeholders are filled in one
 * pass, so a value can never inject another placeholder; in HTML every value is escaped, and the subject
 * stays on one line so no header can be injected.
 */
export function renderCodeEmail({ code, link, appName, minutes, templates }: CodeEmailInput): CodeEmail {
  const values = { code, link: link ?? '', appName, minutes: `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` };
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  const withLink = link !== undefined;
  return {
    subject: fill(templates.subject, values, withLink).replace(/[\r\n]+/g, ' '),
    text: fill(templates.text, values, withLink),
    // The code's element carries the mark that programs reading the mailbox find it by, whatever the wording.
    html: fill(templates.html, escaped, withLink, true),
  };
}

/** The link a code email carries: the sign-in link contract's writer, re-exported for existing importers. */
export { signInLinkFor } from './contracts/sign-in-link.ts';
