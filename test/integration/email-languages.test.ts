import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { createEvent, newUser } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { codeInEmail, linkInEmail, type MailboxEmail } from '../../infra/local/mailbox-client.ts';
import { createSendTiming } from '../../triggers/domain/send-timing.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

/** A Create event for a user whose standard `locale` attribute is `locale` (left out when undefined). */
function eventWithLocale(locale: string | undefined): { event: CreateAuthChallengeTriggerEvent; email: string } {
  const user = newUser('lang');
  const event = createEvent(user);
  if (locale !== undefined) event.request.userAttributes.locale = locale;
  return { event, email: user.email };
}

const header = (mail: MailboxEmail, name: string) => mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** What each built-in language's email says, in words a reader of that language would see. */
const EXPECTED = {
  en: { subject: 'Sign-in code for your account', text: 'It expires in 3 minutes and works once.', link: 'Or open this link to sign in:' },
  de: { subject: 'Ihr Anmeldecode für Ihr Konto', text: 'Der Code läuft in 3 Minuten ab und gilt nur einmal.', link: 'Oder melden Sie sich über diesen Link an:' },
  fr: { subject: 'Votre code de connexion à votre compte', text: 'Il expire dans 3 minutes et ne peut servir qu’une fois.', link: 'Vous pouvez aussi vous connecter avec ce lien\u00a0:' },
  es: { subject: 'Código para iniciar sesión en su cuenta', text: 'Caduca en 3 minutos y solo se puede usar una vez.', link: 'También puede iniciar sesión con este enlace:' },
  pt: { subject: 'Código para entrar em sua conta', text: 'Ele expira em 3 minutos e só pode ser usado uma vez.', link: 'Ou entre usando este link:' },
  ja: { subject: 'お客様のアカウントのログインコード', text: '有効期間は3 分で、一度だけ使用できます。', link: 'または、次のリンクからログインできます：' },
  ar: { subject: 'رمز تسجيل الدخول إلى حسابك', text: 'مدة صلاحية الرمز 3 دقائق، ولا يمكن استخدامه إلا مرة واحدة.', link: 'أو افتح هذا الرابط لتسجيل الدخول:' },
} as const;

describe("the code email is in the language of the user's locale attribute, matched by language, else the default", () => {
  it.each(Object.entries(EXPECTED))('%s: subject, text and HTML in the language, marked with lang and Content-Language', async (language, expected) => {
    const t = await triggersOn(aws);
    const { event, email } = eventWithLocale(language);
    await t.create(event);
    const [mail] = await t.emailsTo(email);
    expect(mail!.subject).toBe(expected.subject);
    expect(mail!.body.text).toContain(expected.text);
    expect(mail!.body.text).toContain(expected.link);
    expect(mail!.body.html).toMatch(new RegExp(`<html lang="${language}"${language === 'ar' ? ' dir="rtl"' : ''}>`));
    expect(header(mail!, 'Content-Language')).toBe(language);
    // Mailbox readers find the code and the link by their marks in every language.
    expect(codeInEmail(mail)).toMatch(/^\d{6}$/);
    expect(mail!.body.text).toContain(codeInEmail(mail));
    expect(linkInEmail(mail)).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#email=/);
  });

  it.each([
    ['pt-BR', 'pt'],
    ['de-AT', 'de'],
    ['DE-at', 'de'],
    ['fr_CA', 'fr'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
  ])('%s is written in %s', async (locale, language) => {
    const t = await triggersOn(aws);
    const { event, email } = eventWithLocale(locale);
    await t.create(event);
    const [mail] = await t.emailsTo(email);
    expect(mail!.subject).toBe(EXPECTED[language as keyof typeof EXPECTED].subject);
    expect(header(mail!, 'Content-Language')).toBe(language);
  });

  it.each([['xx'], [''], ['no such locale!'], ['de--'], [undefined]])('locale %o falls back to the default language (EMAIL_DEFAULT_LANGUAGE)', async (locale) => {
    for (const [env, language] of [[{}, 'en'], [{ EMAIL_DEFAULT_LANGUAGE: 'fr' }, 'fr']] as const) {
      const t = await triggersOn(aws, env);
      const { event, email } = eventWithLocale(locale);
      await t.create(event);
      const [mail] = await t.emailsTo(email);
      expect(mail!.subject).toBe(EXPECTED[language].subject);
      expect(header(mail!, 'Content-Language')).toBe(language);
    }
  });

  it('APP_NAME is used in every language; the one-minute expiry takes each language’s singular', async () => {
    const t = await triggersOn(aws, { APP_NAME: 'Acme', CODE_TTL_SECONDS: '60' });
    const said: Record<string, string> = {};
    for (const language of ['en', 'de', 'ar', 'ja']) {
      const { event, email } = eventWithLocale(language);
      await t.create(event);
      const [mail] = await t.emailsTo(email);
      said[language] = `${mail!.subject} | ${mail!.body.text?.split('\n')[5]}`;
    }
    expect(said).toEqual({
      en: 'Sign-in code for Acme | It expires in 1 minute and works once.',
      de: 'Ihr Anmeldecode für Acme | Der Code läuft in 1 Minute ab und gilt nur einmal.',
      ar: 'رمز تسجيل الدخول إلى Acme | مدة صلاحية الرمز دقيقة، ولا يمكن استخدامه إلا مرة واحدة.',
      ja: 'Acmeのログインコード | 有効期間は1 分で、一度だけ使用できます。',
    });
  });

  it('your own wording per language (EMAIL_TEMPLATES), and a language added by templates alone', async () => {
    const t = await triggersOn(aws, {
      SIGN_IN_LINK_URL: '',
      EMAIL_TEMPLATES: JSON.stringify({
        de: { subject: 'Anmeldung bei {{appName}}' },
        nl: {
          subject: 'Inlogcode voor {{appName}}',
          text: 'Uw code is {{code}}. Hij verloopt over {{minutes}}.',
          html: '<html lang="nl"><p>Uw code is {{code}}.</p></html>',
          accountName: 'uw account',
        },
      }),
    });
    const mails: Record<string, MailboxEmail> = {};
    for (const locale of ['de-CH', 'nl-BE']) {
      const { event, email } = eventWithLocale(locale);
      await t.create(event);
      mails[locale] = (await t.emailsTo(email))[0]!;
    }
    expect(mails['de-CH']!.subject).toBe('Anmeldung bei Ihr Konto');
    expect(mails['de-CH']!.body.text).toContain('Der Code läuft in 3 Minuten ab');
    expect(mails['nl-BE']!.subject).toBe('Inlogcode voor uw account');
    expect(mails['nl-BE']!.body.text).toMatch(/^Uw code is \d{6}\. Hij verloopt over 3 minuten\.$/);
    expect(header(mails['nl-BE']!, 'Content-Language')).toBe('nl');
  });

  it('an unknown user gets no email and adds no figure to the send time that unknown users imitate', async () => {
    const recorded: number[] = [];
    const timing = createSendTiming({ sleep: async () => undefined });
    const sendTiming = { record: (ms: number) => (recorded.push(ms), timing.record(ms)), imitate: () => timing.imitate() };
    let rendered = 0;
    const t = await triggersOn(aws, {}, {
      sendTiming,
      mailer: {
        async send() {
          rendered += 1;
        },
      },
    });
    const { event } = eventWithLocale('ja');
    await t.create(event);
    expect(rendered).toBe(1);
    expect(recorded).toHaveLength(1);
    const unknown = createEvent({ userName: 'ghost@example.com', userNotFound: true });
    await t.create(unknown);
    expect(rendered).toBe(1); // nothing sent for the unknown user, and its wait is the measured figure's
    expect(recorded).toHaveLength(1);
  });
});
