import { build, type BuildOptions } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { triggerBuildOptions } from '../../infra/cdk/trigger-bundling.ts';
import { configToEnvironment, loadConfig } from '../../triggers/domain/config.ts';
import { templatesFor } from '../../triggers/domain/email-config.ts';
import { BUILT_IN_EMAILS } from '../../triggers/domain/email-languages.ts';
import { ConfigError } from '../../triggers/domain/errors.ts';
import { lookupLanguage } from '../../triggers/contracts/locale.ts';
import { encodeHeaderText, mimeMessage } from '../../triggers/domain/mime-message.ts';

const base = { TABLE_NAME: 'codes', SES_FROM_ADDRESS: 'no-reply@example.com', CODE_KEY_FILE: '/run/code-key.json' };
const nl = { subject: 'Inlogcode', text: 'Code {{code}}', html: '<p>{{code}}</p>' };

describe('a locale attribute is matched by language (RFC 4647 lookup), letter case ignored', () => {
  const available = ['en', 'de', 'pt', 'pt-BR', 'ar'];
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE-at', 'de'],
    ['de_DE', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['pt-br', 'pt-BR'],
    ['ar-u-nu-latn', 'ar'],
    ['xx', 'en'],
    ['', 'en'],
    ['  ', 'en'],
    ['not a tag', 'en'],
    ['de--', 'en'],
    [undefined, 'en'],
  ])('%o -> %s', (locale, language) => {
    expect(lookupLanguage(locale, available, 'en')).toBe(language);
  });
});

describe('the email languages are configured and checked at start-up', () => {
  it('ships en, de, fr, es, pt, ja and ar, each HTML part marked with its language (and Arabic right to left)', () => {
    const { email } = loadConfig(base);
    expect(Object.keys(email.templates)).toEqual(['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar']);
    expect(email.defaultLanguage).toBe('en');
    for (const [language, templates] of Object.entries(email.templates)) {
      expect(templates.html).toContain(`<html lang="${language}"${language === 'ar' ? ' dir="rtl"' : ''}>`);
    }
  });

  it('EMAIL_DEFAULT_LANGUAGE, EMAIL_TEMPLATES and the single templates (the default language’s) read back from configToEnvironment', () => {
    const config = loadConfig({
      ...base,
      EMAIL_DEFAULT_LANGUAGE: 'DE',
      EMAIL_SUBJECT: 'Anmeldung: {{appName}}',
      EMAIL_TEMPLATES: JSON.stringify({ 'nl-be': nl, ja: { accountName: 'アカウント' }, fr: { text: 'Code\u00a0: {{code}}' } }),
    });
    expect(config.email.defaultLanguage).toBe('de');
    expect(config.email.templates.de!.subject).toBe('Anmeldung: {{appName}}');
    expect(config.email.templates['nl-BE']).toEqual({ ...nl, accountName: 'Ihr Konto' });
    expect(config.email.templates.ja!.subject).toBe(BUILT_IN_EMAILS.ja!.subject);
    const env = configToEnvironment(config);
    expect(env).toMatchObject({ EMAIL_DEFAULT_LANGUAGE: 'de', EMAIL_SUBJECT: 'Anmeldung: {{appName}}' });
    expect(JSON.parse(env.EMAIL_TEMPLATES!)).toEqual({ ja: { accountName: 'アカウント' }, fr: { text: 'Code\u00a0: {{code}}' }, 'nl-BE': nl });
    expect(loadConfig(configToEnvironment(config))).toEqual(config);
    expect(templatesFor(config.email, 'nl-BE').language).toBe('nl-BE');
    expect(templatesFor(config.email, 'nl').language).toBe('de');
  });

  it("bundles that render no email carry none of the languages' wording: Define's, and one taking just the default's tag", async () => {
    const root = resolve(import.meta.dirname, '../..');
    const bundled = async (entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>) => {
      const result = await build({ ...triggerBuildOptions(root), ...entry, sourcemap: false, write: false, metafile: true });
      expect(Object.keys(result.metafile.inputs)).toContain('triggers/domain/email-languages.ts');
      return result.outputFiles[0]!.text;
    };
    const define = await bundled({ entryPoints: ['triggers/define-auth-challenge.ts'] });
    // Here the module itself is kept, so only its calls being marked pure leaves the wording out.
    const tagOnly = await bundled({ stdin: { contents: "import { DEFAULT_EMAIL_LANGUAGE } from './triggers/domain/email-languages.ts'; console.log(DEFAULT_EMAIL_LANGUAGE);", resolveDir: root, loader: 'ts' } });
    expect(tagOnly).toContain('"en"');
    for (const bundle of [define, tagOnly]) {
      for (const words of Object.values(BUILT_IN_EMAILS)) expect(bundle).not.toContain(words.accountName);
      expect(bundle).not.toContain('<!doctype html>');
    }
  });

  it('the defaults write no template variable at all', () => {
    expect(Object.keys(configToEnvironment(loadConfig(base))).filter((name) => name.startsWith('EMAIL_'))).toEqual([]);
  });

  it.each([
    [{ EMAIL_TEMPLATES: '{not json' }, 'EMAIL_TEMPLATES', /must be JSON/],
    [{ EMAIL_TEMPLATES: '["de"]' }, 'EMAIL_TEMPLATES', /JSON object keyed by language tag/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ 'not a tag': nl }) }, 'EMAIL_TEMPLATES', /not a BCP 47 language tag/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ de: { body: 'x' } }) }, 'EMAIL_TEMPLATES', /de\.body is not one of subject, text, html, accountName/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ nl: { subject: 'Inlogcode' } }) }, 'EMAIL_TEMPLATES', /nl is not a built-in language, so it needs subject, text and html \(text is missing\)/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ de: { text: 'Ohne Code' } }) }, 'EMAIL_TEMPLATES', /de\.text must contain \{\{code\}\}/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ fr: { subject: 'Code {{code}}' } }) }, 'EMAIL_TEMPLATES', /fr\.subject must not contain \{\{code\}\}/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ es: { html: '<p>{{code}} {{nombre}}</p>' } }) }, 'EMAIL_TEMPLATES', /es\.html has an unknown placeholder \{\{nombre\}\}/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ ja: { text: '{{code}} {{#link}}{{link}}' } }) }, 'EMAIL_TEMPLATES', /ja\.text must close each \{\{#link\}\}/],
    [{ EMAIL_TEMPLATES: JSON.stringify({ de: { text: 'Code {{code}}' } }), SIGN_IN_LINK_URL: 'https://app.example.com/' }, 'EMAIL_TEMPLATES', /de\.text must contain \{\{link\}\}/],
    [{ EMAIL_TEXT_TEMPLATE: 'Code {{code}} {{name}}' }, 'EMAIL_TEXT_TEMPLATE', /unknown placeholder \{\{name\}\}/],
    [{ EMAIL_SUBJECT: 'x', EMAIL_TEMPLATES: JSON.stringify({ en: { subject: 'y' } }) }, 'EMAIL_SUBJECT', /both set/],
    [{ EMAIL_DEFAULT_LANGUAGE: 'nl' }, 'EMAIL_DEFAULT_LANGUAGE', /must be a language with templates/],
    [{ EMAIL_DEFAULT_LANGUAGE: 'en_US' }, 'EMAIL_DEFAULT_LANGUAGE', /must be a BCP 47 language tag/],
  ])('rejects %o', (override, variable, reason) => {
    const attempt = () => loadConfig({ ...base, ...override });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
    expect(attempt).toThrow(reason);
  });
});

describe('the MIME message carries the language and any subject intact', () => {
  const email = { subject: 'رمز تسجيل الدخول إلى حسابك، '.repeat(4), text: 'نص {{code}}', html: '<p dir="rtl">نص</p>', language: 'ar' };
  const message = mimeMessage('"Acmé Café" <no-reply@example.com>', 'jane@example.com', email);
  const [head, ...rest] = message.split('\r\n\r\n');

  it('has Content-Language, a multipart/alternative body in UTF-8 and only ASCII lines, the subject’s of at most 78 characters', () => {
    expect(head).toContain('\r\nContent-Language: ar\r\n');
    expect(head).toContain('Content-Type: multipart/alternative;');
    expect(rest.join('')).toContain('Content-Type: text/html; charset=UTF-8');
    for (const line of message.split('\r\n')) expect(line).toMatch(/^[\x20-\x7e]{0,998}$/);
    const subject = head!.slice(head!.indexOf('Subject: '), head!.indexOf('\r\nContent-Language'));
    for (const line of subject.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('encodes the subject and a display name as RFC 2047 words that decode back', () => {
    const words = (value: string) => [...value.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)].map(([, b64]) => Buffer.from(b64!, 'base64').toString('utf8')).join('');
    expect(words(encodeHeaderText(email.subject))).toBe(email.subject);
    expect(encodeHeaderText('Sign-in code for Acme')).toBe('Sign-in code for Acme');
    expect(words(/^From: (.*)$/m.exec(message)![1]!)).toBe('Acmé Café');
  });
});
