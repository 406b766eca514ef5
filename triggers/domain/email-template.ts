/** The code email: its default templates and how they are filled in (the code marked as contracts/code-email.ts says). */
import { markedCode } from '../contracts/code-email.ts';

export interface CodeEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The BCP 47 tag of the language it is written in (the message's Content-Language). */
  readonly language: string;
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

/** The English templates, the default language's (email-languages.ts has every built-in language). */
export { en as DEFAULT_TEMPLATES } from './email-languages.ts';

export interface CodeEmailInput {
  readonly code: string;
  /** The sign-in link, when one is mailed. */
  readonly link?: string | undefined;
  readonly appName: string;
  /** Whole minutes the code stays valid, rounded up (at least 1). */
  readonly minutes: number;
  readonly templates: EmailTemplates;
  /** The templates' language (BCP 47): `{{minutes}}` is said in it, and the message is marked with it. @default 'en' */
  readonly language?: string;
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

/** "3 minutes" by language and number: formatting costs more than filling in the rest of the email. */
const minutesSaid = new Map<string, string>();

/** "3 minutes" in the language, with its plural rules ("1 Minute", "دقيقتان"), in Western digits like the code. */
function minutesIn(language: string, minutes: number): string {
  const key = `${language} ${minutes}`;
  let said = minutesSaid.get(key);
  if (said === undefined) {
    // A tag Intl cannot use (a private-use language of custom templates) falls back to English words.
    const locale = Intl.NumberFormat.supportedLocalesOf(language).length > 0 ? language : 'en';
    said = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long', numberingSystem: 'latn' }).format(minutes);
    // The triggers ask for a few languages and one number; a caller asking for many only refills the cache.
    if (minutesSaid.size >= 256) minutesSaid.clear();
    minutesSaid.set(key, said);
  }
  return said;
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
export function renderCodeEmail({ code, link, appName, minutes, templates, language = 'en' }: CodeEmailInput): CodeEmail {
  const values = { code, link: link ?? '', appName, minutes: minutesIn(language, minutes) };
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  const withLink = link !== undefined;
  return {
    subject: fill(templates.subject, values, withLink).replace(/[\r\n]+/g, ' '),
    text: fill(templates.text, values, withLink),
    // The code's element carries the mark that programs reading the mailbox find it by, whatever the wording.
    html: fill(templates.html, escaped, withLink, true),
    language,
  };
}
