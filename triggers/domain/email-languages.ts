/** The code email's built-in wording in each language it ships with: subject, text and HTML templates, and the words for "your account". */
import type { EmailTemplates } from './email-template.ts';

export interface LanguageEmail extends EmailTemplates {
  /** What `{{appName}}` says when no APP_NAME is set: the language's own "your account". */
  readonly accountName: string;
}

/** A language's words, each sentence once, in the order the email says them; `email` sets them in both parts. */
interface Words {
  readonly accountName: string;
  readonly subject: string;
  /** The HTML part's title. */
  readonly title: string;
  /** What comes before the code, up to the colon. */
  readonly code: string;
  /** The link's sentence (without its full stop); the HTML part makes `anchor` the link. */
  readonly link: readonly [before: string, anchor: string, after: string];
  /** The link's sentence in the text part, where the link follows on the next line, if it words it otherwise. */
  readonly textLink?: string;
  readonly expires: string;
  readonly ignore: string;
  /** The colon, with the space that follows it before the code in the text part. @default ': ' */
  readonly colon?: string;
  /** @default '.' */
  readonly stop?: string;
  readonly rtl?: true;
}

// Its calls below are marked /* @__PURE__ */, so esbuild drops the languages from bundles that render no email (Define).
// {{minutes}} is the language's own "3 minutes" (Intl). The HTML part marks its language (and direction).
function email(lang: string, words: Words): LanguageEmail {
  const { link: [before, anchor, after], colon = ': ', stop = '.' } = words;
  const dir = words.rtl ? ' dir="rtl"' : '';
  return {
    accountName: words.accountName,
    subject: words.subject,
    text: `${words.code}${colon}{{code}}

{{#link}}${words.textLink ?? before + anchor + after}${colon.trimEnd()}
{{link}}

{{/link}}${words.expires}
${words.ignore}`,
    html: `<!doctype html>
<html lang="${lang}"${dir}><head><meta charset="utf-8"><title>${words.title}</title></head>
<body${dir} style="font-family:system-ui,sans-serif;color:#111">
<p>${words.code}${colon.trimEnd()}</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>${before}<a href="{{link}}" target="_blank" rel="noopener">${anchor}</a>${after}${stop}</p>
{{/link}}<p>${words.expires}</p>
<p style="color:#555">${words.ignore}</p>
</body></html>`,
  };
}

export const en = /* @__PURE__ */ email('en', {
  accountName: 'your account',
  subject: 'Sign-in code for {{appName}}',
  title: 'Your sign-in code',
  code: 'Your sign-in code for {{appName}} is',
  link: ['Or ', 'open this link to sign in', ''],
  expires: 'It expires in {{minutes}} and works once.',
  ignore: 'If you did not try to sign in, you can ignore this email. Never share this code{{#link}} or link{{/link}}.',
});

export const de = /* @__PURE__ */ email('de', {
  accountName: 'Ihr Konto',
  subject: 'Ihr Anmeldecode für {{appName}}',
  title: 'Ihr Anmeldecode',
  code: 'Ihr Anmeldecode für {{appName}} lautet',
  link: ['Oder melden Sie sich ', 'über diesen Link', ' an'],
  expires: 'Der Code läuft in {{minutes}} ab und gilt nur einmal.',
  ignore: 'Falls Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren. Geben Sie den Code{{#link}} und den Link{{/link}} an niemanden weiter.',
});

export const fr = /* @__PURE__ */ email('fr', {
  // French typography: a no-break space before the colon.
  colon: '\u00a0: ',
  accountName: 'votre compte',
  subject: 'Votre code de connexion à {{appName}}',
  title: 'Votre code de connexion',
  code: 'Votre code de connexion à {{appName}} est',
  link: ['Vous pouvez aussi ', 'vous connecter avec ce lien', ''],
  expires: 'Il expire dans {{minutes}} et ne peut servir qu’une fois.',
  ignore: 'Si vous n’avez pas demandé à vous connecter, ignorez cet e-mail. Ne communiquez jamais ce code{{#link}} ni ce lien{{/link}}.',
});

export const es = /* @__PURE__ */ email('es', {
  accountName: 'su cuenta',
  subject: 'Código para iniciar sesión en {{appName}}',
  title: 'Su código de inicio de sesión',
  code: 'Su código para iniciar sesión en {{appName}} es',
  link: ['También puede ', 'iniciar sesión con este enlace', ''],
  expires: 'Caduca en {{minutes}} y solo se puede usar una vez.',
  ignore: 'Si no intentó iniciar sesión, puede ignorar este correo. No comparta nunca este código{{#link}} ni el enlace{{/link}}.',
});

export const pt = /* @__PURE__ */ email('pt', {
  accountName: 'sua conta',
  subject: 'Código para entrar em {{appName}}',
  title: 'Seu código de acesso',
  code: 'Seu código para entrar em {{appName}} é',
  link: ['Ou ', 'entre usando este link', ''],
  expires: 'Ele expira em {{minutes}} e só pode ser usado uma vez.',
  ignore: 'Se você não tentou entrar, pode ignorar este e-mail. Nunca compartilhe este código{{#link}} nem o link{{/link}}.',
});

export const ja = /* @__PURE__ */ email('ja', {
  colon: '：',
  stop: '。',
  accountName: 'お客様のアカウント',
  subject: '{{appName}}のログインコード',
  title: 'ログインコード',
  code: '{{appName}}のログインコードは次のとおりです',
  link: ['または、', 'こちらのリンク', 'からログインできます'],
  textLink: 'または、次のリンクからログインできます',
  expires: '有効期間は{{minutes}}で、一度だけ使用できます。',
  ignore: 'ログインに心当たりがない場合は、このメールを無視してください。このコード{{#link}}とリンク{{/link}}は誰にも教えないでください。',
});

// Modern Standard Arabic; the duration stands as a predicate ("its validity is three minutes"), where the forms
// Intl gives (دقيقة، دقيقتان، 3 دقائق) are the right case.
export const ar = /* @__PURE__ */ email('ar', {
  rtl: true,
  accountName: 'حسابك',
  subject: 'رمز تسجيل الدخول إلى {{appName}}',
  title: 'رمز تسجيل الدخول',
  code: 'رمز تسجيل الدخول إلى {{appName}} هو',
  link: ['أو ', 'افتح هذا الرابط لتسجيل الدخول', ''],
  expires: 'مدة صلاحية الرمز {{minutes}}، ولا يمكن استخدامه إلا مرة واحدة.',
  ignore: 'إذا لم تطلب تسجيل الدخول، فيمكنك تجاهل هذه الرسالة. لا تشارك هذا الرمز{{#link}} أو الرابط{{/link}} مع أي شخص.',
});

/** The languages the code email ships in, by BCP 47 language tag. */
export const BUILT_IN_EMAILS: Readonly<Record<string, LanguageEmail>> = { en, de, fr, es, pt, ja, ar };

/** The language a pool's emails fall back to when a user's `locale` names none with templates. */
export const DEFAULT_EMAIL_LANGUAGE = 'en';
