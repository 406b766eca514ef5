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
{{#link}}<p>Or <a href="{{link}}">open this link to sign in</a>.</p>
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

function fill(template: string, values: Record<string, string>, withLink: boolean): string {
  return template
    .replace(/\{\{#link\}\}([\s\S]*?)\{\{\/link\}\}/g, (_match, inner: string) => (withLink ? inner : ''))
    .replace(/\{\{(code|link|appName|minutes)\}\}/g, (_match, name: string) => values[name] ?? '');
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
    html: fill(templates.html, escaped, withLink),
  };
}

/**
 * The link a code email carries: the sign-in page with the address and the secret in its fragment, which
 * browsers never send to a server or put in a Referer header. The page reads it with `readSignInLink`.
 */
export function signInLinkFor(pageUrl: string, address: string, secret: string): string {
  return `${pageUrl}#${new URLSearchParams({ email: address, link: secret }).toString()}`;
}
