/** The code email's built-in wording in each language it ships with: subject, text and HTML templates, and the words for "your account". */
import type { EmailTemplates } from './email-template.ts';

export interface LanguageEmail extends EmailTemplates {
  /** What `{{appName}}` says when no APP_NAME is set: the language's own "your account". */
  readonly accountName: string;
}

// Literals only (no calls at module level), so bundles that import config.ts without rendering (Define) drop them.
// Each HTML part marks its language (and Arabic its direction); {{minutes}} is the language's own "3 minutes" (Intl).
// The code's paragraph has the same style in every language: large, spaced digits.

export const en: LanguageEmail = {
  accountName: 'your account',
  subject: 'Sign-in code for {{appName}}',
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

export const de: LanguageEmail = {
  accountName: 'Ihr Konto',
  subject: 'Ihr Anmeldecode für {{appName}}',
  text: `Ihr Anmeldecode für {{appName}} lautet: {{code}}

{{#link}}Oder melden Sie sich über diesen Link an:
{{link}}

{{/link}}Der Code läuft in {{minutes}} ab und gilt nur einmal.
Falls Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren. Geben Sie den Code{{#link}} und den Link{{/link}} an niemanden weiter.`,
  html: `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Ihr Anmeldecode</title></head>
<body style="font-family:system-ui,sans-serif;color:#111">
<p>Ihr Anmeldecode für {{appName}} lautet:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>Oder melden Sie sich <a href="{{link}}" target="_blank" rel="noopener">über diesen Link</a> an.</p>
{{/link}}<p>Der Code läuft in {{minutes}} ab und gilt nur einmal.</p>
<p style="color:#555">Falls Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren. Geben Sie den Code{{#link}} und den Link{{/link}} an niemanden weiter.</p>
</body></html>`,
};

// French typography: a no-break space before the colon.
export const fr: LanguageEmail = {
  accountName: 'votre compte',
  subject: 'Votre code de connexion à {{appName}}',
  text: `Votre code de connexion à {{appName}} est\u00a0: {{code}}

{{#link}}Vous pouvez aussi vous connecter avec ce lien\u00a0:
{{link}}

{{/link}}Il expire dans {{minutes}} et ne peut servir qu’une fois.
Si vous n’avez pas demandé à vous connecter, ignorez cet e-mail. Ne communiquez jamais ce code{{#link}} ni ce lien{{/link}}.`,
  html: `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Votre code de connexion</title></head>
<body style="font-family:system-ui,sans-serif;color:#111">
<p>Votre code de connexion à {{appName}} est\u00a0:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>Vous pouvez aussi <a href="{{link}}" target="_blank" rel="noopener">vous connecter avec ce lien</a>.</p>
{{/link}}<p>Il expire dans {{minutes}} et ne peut servir qu’une fois.</p>
<p style="color:#555">Si vous n’avez pas demandé à vous connecter, ignorez cet e-mail. Ne communiquez jamais ce code{{#link}} ni ce lien{{/link}}.</p>
</body></html>`,
};

export const es: LanguageEmail = {
  accountName: 'su cuenta',
  subject: 'Código para iniciar sesión en {{appName}}',
  text: `Su código para iniciar sesión en {{appName}} es: {{code}}

{{#link}}También puede iniciar sesión con este enlace:
{{link}}

{{/link}}Caduca en {{minutes}} y solo se puede usar una vez.
Si no intentó iniciar sesión, puede ignorar este correo. No comparta nunca este código{{#link}} ni el enlace{{/link}}.`,
  html: `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Su código de inicio de sesión</title></head>
<body style="font-family:system-ui,sans-serif;color:#111">
<p>Su código para iniciar sesión en {{appName}} es:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>También puede <a href="{{link}}" target="_blank" rel="noopener">iniciar sesión con este enlace</a>.</p>
{{/link}}<p>Caduca en {{minutes}} y solo se puede usar una vez.</p>
<p style="color:#555">Si no intentó iniciar sesión, puede ignorar este correo. No comparta nunca este código{{#link}} ni el enlace{{/link}}.</p>
</body></html>`,
};

export const pt: LanguageEmail = {
  accountName: 'sua conta',
  subject: 'Código para entrar em {{appName}}',
  text: `Seu código para entrar em {{appName}} é: {{code}}

{{#link}}Ou entre usando este link:
{{link}}

{{/link}}Ele expira em {{minutes}} e só pode ser usado uma vez.
Se você não tentou entrar, pode ignorar este e-mail. Nunca compartilhe este código{{#link}} nem o link{{/link}}.`,
  html: `<!doctype html>
<html lang="pt"><head><meta charset="utf-8"><title>Seu código de acesso</title></head>
<body style="font-family:system-ui,sans-serif;color:#111">
<p>Seu código para entrar em {{appName}} é:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>Ou <a href="{{link}}" target="_blank" rel="noopener">entre usando este link</a>.</p>
{{/link}}<p>Ele expira em {{minutes}} e só pode ser usado uma vez.</p>
<p style="color:#555">Se você não tentou entrar, pode ignorar este e-mail. Nunca compartilhe este código{{#link}} nem o link{{/link}}.</p>
</body></html>`,
};

export const ja: LanguageEmail = {
  accountName: 'お客様のアカウント',
  subject: '{{appName}}のログインコード',
  text: `{{appName}}のログインコードは次のとおりです：{{code}}

{{#link}}または、次のリンクからログインできます：
{{link}}

{{/link}}有効期間は{{minutes}}で、一度だけ使用できます。
ログインに心当たりがない場合は、このメールを無視してください。このコード{{#link}}とリンク{{/link}}は誰にも教えないでください。`,
  html: `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>ログインコード</title></head>
<body style="font-family:system-ui,sans-serif;color:#111">
<p>{{appName}}のログインコードは次のとおりです：</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>または、<a href="{{link}}" target="_blank" rel="noopener">こちらのリンク</a>からログインできます。</p>
{{/link}}<p>有効期間は{{minutes}}で、一度だけ使用できます。</p>
<p style="color:#555">ログインに心当たりがない場合は、このメールを無視してください。このコード{{#link}}とリンク{{/link}}は誰にも教えないでください。</p>
</body></html>`,
};

// Modern Standard Arabic; the duration stands as a predicate ("its validity is three minutes"), where the forms
// Intl gives (دقيقة، دقيقتان، 3 دقائق) are the right case.
export const ar: LanguageEmail = {
  accountName: 'حسابك',
  subject: 'رمز تسجيل الدخول إلى {{appName}}',
  text: `رمز تسجيل الدخول إلى {{appName}} هو: {{code}}

{{#link}}أو افتح هذا الرابط لتسجيل الدخول:
{{link}}

{{/link}}مدة صلاحية الرمز {{minutes}}، ولا يمكن استخدامه إلا مرة واحدة.
إذا لم تطلب تسجيل الدخول، فيمكنك تجاهل هذه الرسالة. لا تشارك هذا الرمز{{#link}} أو الرابط{{/link}} مع أي شخص.`,
  html: `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>رمز تسجيل الدخول</title></head>
<body dir="rtl" style="font-family:system-ui,sans-serif;color:#111">
<p>رمز تسجيل الدخول إلى {{appName}} هو:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">{{code}}</p>
{{#link}}<p>أو <a href="{{link}}" target="_blank" rel="noopener">افتح هذا الرابط لتسجيل الدخول</a>.</p>
{{/link}}<p>مدة صلاحية الرمز {{minutes}}، ولا يمكن استخدامه إلا مرة واحدة.</p>
<p style="color:#555">إذا لم تطلب تسجيل الدخول، فيمكنك تجاهل هذه الرسالة. لا تشارك هذا الرمز{{#link}} أو الرابط{{/link}} مع أي شخص.</p>
</body></html>`,
};

/** The languages the code email ships in, by BCP 47 language tag. */
export const BUILT_IN_EMAILS: Readonly<Record<string, LanguageEmail>> = { en, de, fr, es, pt, ja, ar };

/** The language a pool's emails fall back to when a user's `locale` names none with templates. */
export const DEFAULT_EMAIL_LANGUAGE = 'en';
