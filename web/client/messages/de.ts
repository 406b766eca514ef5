/** The sign-in page in German (Sie). */
import type { SignInMessages } from './catalogue.ts';
import { formatsFor } from './format.ts';

const f = formatsFor('de');
const digits = (n: number) => `${f.number(n)}-stelligen`;

export const de: SignInMessages = {
  language: 'de',
  languageName: 'Deutsch',
  direction: 'ltr',
  sentenceSeparator: ' ',

  documentTitle: 'Mit E-Mail-Code anmelden',
  languageLabel: 'Sprache',
  emailLabel: 'E-Mail-Adresse',
  passwordLabel: 'Passwort',
  newPasswordLabel: 'Neues Passwort',
  codeLabel: 'Anmeldecode',
  claimsSummary: 'Claims des ID-Tokens',

  titleSignIn: 'Anmelden',
  titleCodeSignIn: 'Mit E-Mail-Code anmelden',
  titlePasswordAndCodeSignIn: 'Mit Passwort und E-Mail-Code anmelden',
  titleEnterCode: 'Code eingeben',
  titleLinkSignIn: 'Mit dem Link aus der E-Mail anmelden',
  titleNewPassword: 'Neues Passwort wählen',
  titleSignedIn: 'Sie sind angemeldet',

  emailMeACode: 'Code per E-Mail senden',
  continue: 'Weiter',
  haveCode: 'Ich habe bereits einen Code',
  signIn: 'Anmelden',
  sendNewCode: 'Neuen Code senden',
  useDifferentEmail: 'Andere E-Mail-Adresse verwenden',
  notYou: 'Nicht Sie? Andere E-Mail-Adresse verwenden',
  setPasswordAndContinue: 'Passwort festlegen und weiter',
  signOut: 'Abmelden',
  withWait: (label, ms) => `${label} (in ${f.duration(ms)})`,

  continueAs: 'Weiter anmelden als {email}.',
  temporaryPassword: 'Ihr Passwort ist vorläufig. Wählen Sie ein neues, um fortzufahren.',
  signedInAs: 'Angemeldet als {email}',
  idTokenValidUntil: (at) => `ID-Token gültig bis ${f.time(at)} Uhr.`,

  codeSentFirst: (length, masked) => `Wir haben einen ${digits(length)} Code an ${masked} gesendet.`,
  codeSentNew: (length, masked) => `Wir haben einen neuen ${digits(length)} Code an ${masked} gesendet.`,
  codeSentReused: (length, masked) => `Geben Sie den ${digits(length)} Code ein, den wir an ${masked} gesendet haben.`,
  codeSentHaveCode: (length, masked) => `Geben Sie den ${digits(length)} Code aus der neuesten E-Mail an ${masked} ein.`,
  linkInSameEmail: 'Dieselbe E-Mail enthält auch einen Anmeldelink, den Sie stattdessen öffnen können.',
  checkInbox: 'Sehen Sie in Ihrem Posteingang nach.',
  noEmailHint: 'Nach einer Minute noch nichts? Prüfen Sie die Adresse und Ihren Spam-Ordner oder verwenden Sie eine andere Adresse: Manche Mailserver lehnen unsere E-Mails ab.',
  newCodeOnItsWay: 'Ein neuer Code ist unterwegs. Codes aus früheren E-Mails gelten nicht mehr.',
  codeStillWorks: 'Der Code in Ihrem Posteingang gilt noch: Es wurde keine neue E-Mail gesendet.',
  codeExpiresIn: (ms) => `Der Code läuft in ${f.duration(ms)} ab.`,
  codeExpired: 'Dieser Code ist abgelaufen.',
  codeExpiredNewCodeIn: (ms) => `Dieser Code ist abgelaufen. Ein neuer Code kann in ${f.duration(ms)} gesendet werden.`,
  codeExpiredSendNew: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an, um fortzufahren.',
  codeDead: 'Dieser Code gilt nicht mehr.',
  codeDeadLinkWorks: 'Dieser Code gilt nicht mehr, der Anmeldelink in derselben E-Mail aber schon.',
  attemptsLeftForCode: (n) => f.plural(n, { one: 'Noch # Versuch für diesen Code.', other: 'Noch # Versuche für diesen Code.' }),
  canSendNow: 'Sie können jetzt einen neuen Code anfordern.',
  canTryNow: 'Sie können es jetzt erneut versuchen.',
  signedOut: 'Sie sind abgemeldet.',
  lastCodeDead: (masked) =>
    `Der letzte Code an ${masked} gilt nicht mehr. Sie können einen neuen anfordern, sobald der Countdown auf der Schaltfläche abgelaufen ist.`,
  codeWorksUntil: (masked, at) => `Der Code an ${masked} gilt bis ${f.time(at)} Uhr: Wählen Sie „Ich habe bereits einen Code“.`,

  enterValidEmail: 'Geben Sie eine gültige E-Mail-Adresse ein.',
  enterPassword: 'Geben Sie Ihr Passwort ein.',
  enterEmail: 'Geben Sie Ihre E-Mail-Adresse ein.',
  enterEmailAndPassword: 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.',
  enterAllDigits: (length) => `Geben Sie alle ${f.number(length)} Ziffern des Codes ein.`,
  enterNewPassword: 'Geben Sie ein neues Passwort ein.',
  tokensUnreadable: 'Angemeldet, aber die Tokens konnten nicht gelesen werden. Bitte melden Sie sich erneut an.',
  notConfigured: 'Diese Anmeldeseite ist nicht eingerichtet: config.json konnte nicht geladen werden.',
  linkGoneNoSend: 'Dieser Anmeldelink gilt nicht mehr (sein Code ist abgelaufen oder wurde verwendet), und eine neue E-Mail kann noch nicht gesendet werden.',

  wrongCode: (left) => f.plural(left, { one: 'Dieser Code ist falsch. Noch # Versuch.', other: 'Dieser Code ist falsch. Noch # Versuche.' }),
  tooManyWrongCodes: 'Zu viele falsche Codes: Dieser Code gilt nicht mehr.',
  tooManyWrongCodesLinkWorks: 'Zu viele falsche Codes: Dieser Code gilt nicht mehr, der Link in derselben E-Mail aber schon.',
  linkRefused:
    'Dieser Anmeldelink gilt nicht mehr: Er wurde verwendet, ist abgelaufen oder wurde durch eine neuere E-Mail ersetzt. Geben Sie den Code aus der neuesten E-Mail ein oder fordern Sie einen neuen Code an.',
  sendThrottled: 'An diese Adresse können vorerst keine weiteren Codes gesendet werden.',
  undeliverable: 'An diese E-Mail-Adresse können keine Codes gesendet werden. Prüfen Sie sie, verwenden Sie eine andere oder wenden Sie sich an den Support.',
  emailCeiling: 'Gerade werden zu viele Anmelde-E-Mails gesendet. Bitte versuchen Sie es gleich noch einmal.',
  retryLater: 'Zu viele Anmeldeversuche für dieses Konto. Bitte warten Sie.',
  retryLaterLinkWorks: 'Zu viele Anmeldeversuche für dieses Konto. Der Anmeldelink in der E-Mail gilt noch: Öffnen Sie ihn, um sich jetzt anzumelden.',
  passwordRejected: (detail) => `Dieses Passwort wurde nicht akzeptiert. ${detail}`,
  emailNotSent: 'Die E-Mail konnte gerade nicht gesendet werden. Bitte versuchen Sie es erneut.',
  unavailable: 'Die Anmeldung ist kurz nicht verfügbar. Bitte versuchen Sie es erneut.',
  network: 'Der Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  sessionExpired: 'Die Anmeldung hat zu lange gedauert. Ihr Code gilt vielleicht noch: Wählen Sie „Ich habe bereits einen Code“.',
  wrongPassword: 'E-Mail-Adresse oder Passwort ist falsch.',
  unexpectedStep: 'Für dieses Konto ist ein Anmeldeschritt nötig, den diese Seite nicht anbietet. Wenden Sie sich an den Support.',
  userDisabled: 'Dieses Konto ist deaktiviert. Wenden Sie sich an den Support.',
  signInFailedCheckEmail: 'Die Anmeldung ist fehlgeschlagen. Prüfen Sie die E-Mail-Adresse und versuchen Sie es erneut.',
  notConfirmed: 'Dieses Konto ist noch nicht bestätigt.',
  tooManyRequests: 'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.',
  signInFailed: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',

  sendLimitHourly: 'An diese Adresse können vorerst keine weiteren Codes gesendet werden: Sie hat so viele E-Mails erhalten, wie eine Adresse pro Stunde bekommen darf.',
  sendLimitUnknown:
    'An diese Adresse können vorerst keine weiteren Codes gesendet werden: E-Mails an eine Adresse sind begrenzt (eine kurze Pause zwischen zweien und einige pro Stunde).',
  sendLinkStillWorks: 'Der Anmeldelink in der letzten E-Mail gilt noch: Öffnen Sie ihn, um sich jetzt anzumelden.',
  sendAskAt: (at) => `Sie können um ${f.time(at)} Uhr einen neuen Code anfordern, wenn der Countdown auf der Schaltfläche abgelaufen ist.`,
  sendAskWhenCountdownEnds: 'Sie können einen neuen Code anfordern, sobald der Countdown auf der Schaltfläche abgelaufen ist.',
  originRefused: (endpoint, origin) =>
    `Der Anmeldedienst unter ${endpoint} nimmt keine Anfragen von der Adresse dieser Seite an, ${origin}. ` +
    'Öffnen Sie die Seite unter der Adresse, die der lokale Stack ausgegeben hat, oder fügen Sie diese zu CORS_ALLOWED_ORIGINS hinzu und starten Sie den Stack neu.',

  localHintStart: 'Lokaler Stack: npm start legt den Demo-Benutzer demo@example.com an. E-Mails kommen im {link} an.',
  localHintCode: 'Lokaler Stack: Die E-Mail liegt im {link}.',
  localMailbox: 'lokalen Postfach',
};
