/**
 * The code email's languages as configured: the built-in templates, the overrides and added languages of
 * EMAIL_TEMPLATES (JSON) and EMAIL_SUBJECT / EMAIL_TEXT_TEMPLATE / EMAIL_HTML_TEMPLATE (the default language's),
 * and EMAIL_DEFAULT_LANGUAGE; each template checked at start-up; and the environment that reads back to the same.
 */
import { BUILT_IN_EMAILS, DEFAULT_EMAIL_LANGUAGE } from './email-languages.ts';
import type { EmailTemplates } from './email-template.ts';
import { textVar, type Env } from './env.ts';
import { ConfigError } from './errors.ts';
import { canonicalTag, lookupLanguage } from '../contracts/locale.ts';

/** One language's templates, and what `{{appName}}` says there when no APP_NAME is set. */
export interface LanguageTemplates extends EmailTemplates {
  readonly accountName: string;
}

export interface EmailLanguages {
  /** The language of users whose `locale` names none of `templates` (a key of `templates`). */
  readonly defaultLanguage: string;
  /** Templates by BCP 47 tag in canonical form (`en`, `pt-BR`). */
  readonly templates: Readonly<Record<string, LanguageTemplates>>;
}

type Part = keyof LanguageTemplates;
const PARTS: readonly Part[] = ['subject', 'text', 'html', 'accountName'];
const LEGACY_VARIABLES = { subject: 'EMAIL_SUBJECT', text: 'EMAIL_TEXT_TEMPLATE', html: 'EMAIL_HTML_TEMPLATE' } as const;
const KNOWN_PLACEHOLDERS = new Set(['code', 'link', 'appName', 'minutes', '#link', '/link']);

/**
 * A body must show the code (and the link, when links are mailed); a subject shows neither, as it appears in
 * notifications and mail servers' logs. Every placeholder must be one we fill in, and link sections must close.
 */
function checkTemplate(part: Part, value: string, withLink: boolean): string | undefined {
  if (part === 'accountName') return value.includes('{{') ? 'must not contain placeholders' : undefined;
  for (const [, name] of value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    if (!KNOWN_PLACEHOLDERS.has(name ?? '')) return `has an unknown placeholder {{${name}}} (known: {{code}}, {{link}}, {{appName}}, {{minutes}}, {{#link}}...{{/link}})`;
  }
  if (value.split('{{#link}}').length !== value.split('{{/link}}').length) return 'must close each {{#link}} with {{/link}}';
  const body = part !== 'subject';
  if (body && !value.includes('{{code}}')) return 'must contain {{code}}';
  if (body && withLink && !value.replace(/\{\{#link\}\}|\{\{\/link\}\}/g, '').includes('{{link}}')) {
    return 'must contain {{link}} (SIGN_IN_LINK_URL is set)';
  }
  if (!body && /\{\{(code|link)\}\}/.test(value)) return `must not contain ${/\{\{code\}\}/.test(value) ? '{{code}}' : '{{link}}'}`;
  return undefined;
}

type Overrides = Record<string, Partial<Record<Part, string>>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** EMAIL_TEMPLATES: `{ "<tag>": { "subject"?, "text"?, "html"?, "accountName"? } }`, tags in canonical form. */
function parseOverrides(raw: string | undefined): Overrides {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('EMAIL_TEMPLATES', 'must be JSON: { "<language>": { "subject", "text", "html" } }');
  }
  if (!isRecord(parsed)) throw new ConfigError('EMAIL_TEMPLATES', 'must be a JSON object keyed by language tag');
  const overrides: Overrides = {};
  for (const [key, entry] of Object.entries(parsed)) {
    const tag = canonicalTag(key);
    if (!tag || key.includes('_')) throw new ConfigError('EMAIL_TEMPLATES', `has "${key}", which is not a BCP 47 language tag (such as de or pt-BR)`);
    if (overrides[tag]) throw new ConfigError('EMAIL_TEMPLATES', `names ${tag} twice`);
    if (!isRecord(entry)) throw new ConfigError('EMAIL_TEMPLATES', `${key} must be an object with subject, text and html`);
    const parts: Partial<Record<Part, string>> = {};
    for (const [name, value] of Object.entries(entry)) {
      if (!PARTS.includes(name as Part)) throw new ConfigError('EMAIL_TEMPLATES', `${key}.${name} is not one of ${PARTS.join(', ')}`);
      if (typeof value !== 'string' || value.trim() === '') throw new ConfigError('EMAIL_TEMPLATES', `${key}.${name} must be a non-empty string`);
      parts[name as Part] = value;
    }
    overrides[tag] = parts;
  }
  return overrides;
}

/** Reads and checks the email's languages; a ConfigError names the variable (and the language and part). */
export function loadEmailLanguages(env: Env, withLink: boolean): EmailLanguages {
  const overrides = parseOverrides(env.EMAIL_TEMPLATES);
  const rawDefault = textVar(env, 'EMAIL_DEFAULT_LANGUAGE', DEFAULT_EMAIL_LANGUAGE);
  const defaultLanguage = canonicalTag(rawDefault);
  if (!defaultLanguage || rawDefault.includes('_')) {
    throw new ConfigError('EMAIL_DEFAULT_LANGUAGE', `must be a BCP 47 language tag such as en or pt-BR, got "${rawDefault}"`);
  }
  // The single-template variables write the default language's parts.
  const fromLegacy = new Set<Part>();
  for (const [part, variable] of Object.entries(LEGACY_VARIABLES) as [Part, string][]) {
    const value = env[variable];
    if (value === undefined || value.trim() === '') continue;
    const entry = (overrides[defaultLanguage] ??= {});
    if (entry[part] !== undefined) throw new ConfigError(variable, `and EMAIL_TEMPLATES.${defaultLanguage}.${part} are both set; set one`);
    entry[part] = value;
    fromLegacy.add(part);
  }
  const merged: Record<string, Partial<Record<Part, string>>> = {};
  for (const tag of new Set([...Object.keys(BUILT_IN_EMAILS), ...Object.keys(overrides)])) {
    const parts: Partial<Record<Part, string>> = { ...BUILT_IN_EMAILS[tag], ...overrides[tag] };
    for (const part of PARTS) {
      const value = parts[part];
      if (value === undefined) {
        if (part === 'accountName') continue;
        throw new ConfigError('EMAIL_TEMPLATES', `${tag} is not a built-in language, so it needs subject, text and html (${part} is missing)`);
      }
      const problem = checkTemplate(part, value, withLink);
      if (!problem) continue;
      if (tag === defaultLanguage && fromLegacy.has(part)) throw new ConfigError(LEGACY_VARIABLES[part as keyof typeof LEGACY_VARIABLES], problem);
      throw new ConfigError('EMAIL_TEMPLATES', `${tag}.${part} ${problem}`);
    }
    merged[tag] = parts;
  }
  const defaults = merged[defaultLanguage];
  if (!defaults) {
    throw new ConfigError('EMAIL_DEFAULT_LANGUAGE', `must be a language with templates (${Object.keys(merged).join(', ')}), got "${rawDefault}"`);
  }
  // A language of its own with no words for "your account" borrows the default language's.
  const accountName = defaults.accountName ?? BUILT_IN_EMAILS[DEFAULT_EMAIL_LANGUAGE]!.accountName;
  const templates: Record<string, LanguageTemplates> = {};
  for (const [tag, parts] of Object.entries(merged)) {
    templates[tag] = Object.freeze({ subject: parts.subject!, text: parts.text!, html: parts.html!, accountName: parts.accountName ?? accountName });
  }
  return Object.freeze({ defaultLanguage, templates: Object.freeze(templates) });
}

/**
 * The variables that `loadEmailLanguages` reads back into `languages`: only what differs from the built-in
 * wording, the default language's templates in the single-template variables when it is a built-in one.
 */
export function emailLanguagesToEnvironment({ defaultLanguage, templates }: EmailLanguages): Record<string, string> {
  const env: Record<string, string> = {};
  if (defaultLanguage !== DEFAULT_EMAIL_LANGUAGE) env.EMAIL_DEFAULT_LANGUAGE = defaultLanguage;
  const borrowedAccountName = (tag: string) =>
    tag === defaultLanguage ? BUILT_IN_EMAILS[DEFAULT_EMAIL_LANGUAGE]!.accountName : templates[defaultLanguage]?.accountName;
  const overrides: Overrides = {};
  for (const [tag, language] of Object.entries(templates)) {
    const builtIn = BUILT_IN_EMAILS[tag];
    for (const part of PARTS) {
      if (builtIn && builtIn[part] === language[part]) continue;
      if (!builtIn && part === 'accountName' && language.accountName === borrowedAccountName(tag)) continue;
      if (builtIn && tag === defaultLanguage && part !== 'accountName') env[LEGACY_VARIABLES[part]] = language[part];
      else (overrides[tag] ??= {})[part] = language[part];
    }
  }
  if (Object.keys(overrides).length > 0) env.EMAIL_TEMPLATES = JSON.stringify(overrides);
  return env;
}

/** The language and templates for a user whose `locale` attribute is `locale` (matched by language), else the default's. */
export function templatesFor({ defaultLanguage, templates }: EmailLanguages, locale: string | undefined): { language: string; templates: LanguageTemplates } {
  const language = lookupLanguage(locale, Object.keys(templates), defaultLanguage);
  return { language, templates: templates[language]! };
}
