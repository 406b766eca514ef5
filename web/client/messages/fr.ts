/** The sign-in page in French (vous). French typography: a no-break space before : and inside « ». */
import type { SignInMessages } from './catalogue.ts';
import { formatsFor } from './format.ts';

const f = formatsFor('fr');
const nb = '\u00a0';
const digits = (n: number) => `${f.number(n)}${nb}chiffres`;

export const fr: SignInMessages = {
  language: 'fr',
  languageName: 'Français',
  direction: 'ltr',
  sentenceSeparator: ' ',

  documentTitle: 'Se connecter avec un code reçu par e-mail',
  languageLabel: 'Langue',
  emailLabel: 'Adresse e-mail',
  passwordLabel: 'Mot de passe',
  newPasswordLabel: 'Nouveau mot de passe',
  codeLabel: 'Code de connexion',
  claimsSummary: 'Revendications du jeton d’identité',

  titleSignIn: 'Connexion',
  titleCodeSignIn: 'Se connecter avec un code reçu par e-mail',
  titlePasswordAndCodeSignIn: 'Se connecter avec votre mot de passe et un code reçu par e-mail',
  titleEnterCode: 'Saisissez votre code',
  titleLinkSignIn: 'Se connecter avec le lien reçu par e-mail',
  titleNewPassword: 'Choisissez un nouveau mot de passe',
  titleSignedIn: 'Vous êtes connecté',

  emailMeACode: 'Recevoir un code par e-mail',
  continue: 'Continuer',
  haveCode: 'J’ai déjà un code',
  signIn: 'Se connecter',
  sendNewCode: 'Envoyer un nouveau code',
  useDifferentEmail: 'Utiliser une autre adresse e-mail',
  notYou: 'Ce n’est pas vous ? Utiliser une autre adresse e-mail'.replace(' ?', `${nb}?`),
  setPasswordAndContinue: 'Enregistrer le mot de passe et continuer',
  signOut: 'Se déconnecter',
  withWait: (label, ms) => `${label} (dans ${f.duration(ms)})`,

  continueAs: `Continuer la connexion en tant que {email}.`,
  temporaryPassword: 'Votre mot de passe est provisoire. Choisissez-en un nouveau pour continuer.',
  signedInAs: 'Connecté en tant que {email}',
  idTokenValidUntil: (at) => `Jeton d’identité valable jusqu’à ${f.time(at)}.`,

  codeSentFirst: (length, masked) => `Nous avons envoyé un code à ${digits(length)} à ${masked}.`,
  codeSentNew: (length, masked) => `Nous avons envoyé un nouveau code à ${digits(length)} à ${masked}.`,
  codeSentReused: (length, masked) => `Saisissez le code à ${digits(length)} que nous avons envoyé à ${masked}.`,
  codeSentHaveCode: (length, masked) => `Saisissez le code à ${digits(length)} du dernier e-mail envoyé à ${masked}.`,
  linkInSameEmail: 'Ce même e-mail contient un lien de connexion que vous pouvez ouvrir à la place.',
  checkInbox: 'Consultez votre boîte de réception.',
  noEmailHint: 'Rien après une minute ? Vérifiez l’adresse et votre dossier de courrier indésirable, ou utilisez une autre adresse : certains serveurs de messagerie refusent nos e-mails.',
  newCodeOnItsWay: 'Un nouveau code est en route. Les codes des e-mails précédents ne fonctionnent plus.',
  codeStillWorks: `Le code déjà dans votre boîte de réception fonctionne toujours${nb}: aucun nouvel e-mail n’a été envoyé.`,
  codeExpiresIn: (ms) => `Le code expire dans ${f.duration(ms)}.`,
  codeExpired: 'Ce code a expiré.',
  codeExpiredNewCodeIn: (ms) => `Ce code a expiré. Un nouveau code pourra être envoyé dans ${f.duration(ms)}.`,
  codeExpiredSendNew: 'Ce code a expiré. Demandez un nouveau code pour continuer.',
  codeDead: 'Ce code ne fonctionne plus.',
  codeDeadLinkWorks: 'Ce code ne fonctionne plus, mais le lien de connexion du même e-mail, si.',
  attemptsLeftForCode: (n) => f.plural(n, { one: 'Il reste # essai pour ce code.', other: 'Il reste # essais pour ce code.' }),
  canSendNow: 'Vous pouvez maintenant demander un nouveau code.',
  canTryNow: 'Vous pouvez réessayer maintenant.',
  signedOut: 'Vous êtes déconnecté.',
  lastCodeDead: (masked) =>
    `Le dernier code envoyé à ${masked} ne fonctionne plus. Vous pourrez en demander un nouveau à la fin du compte à rebours du bouton.`,
  codeWorksUntil: (masked, at) => `Le code envoyé à ${masked} fonctionne jusqu’à ${f.time(at)}${nb}: choisissez «${nb}J’ai déjà un code${nb}».`,

  enterValidEmail: 'Saisissez une adresse e-mail valide.',
  enterPassword: 'Saisissez votre mot de passe.',
  enterEmail: 'Saisissez votre adresse e-mail.',
  enterEmailAndPassword: 'Saisissez votre adresse e-mail et votre mot de passe.',
  enterAllDigits: (length) => `Saisissez les ${f.number(length)}${nb}chiffres du code.`,
  enterNewPassword: 'Saisissez un nouveau mot de passe.',
  tokensUnreadable: 'Connexion réussie, mais les jetons n’ont pas pu être lus. Veuillez vous reconnecter.',
  notConfigured: `Cette page de connexion n’est pas configurée${nb}: config.json n’a pas pu être chargé.`,
  linkGoneNoSend: 'Ce lien de connexion ne fonctionne plus (son code a expiré ou a été utilisé), et aucun nouvel e-mail ne peut encore être envoyé.',

  wrongCode: (left) => f.plural(left, { one: 'Ce code est incorrect. Il reste # essai.', other: 'Ce code est incorrect. Il reste # essais.' }),
  tooManyWrongCodes: `Trop de codes incorrects${nb}: ce code ne fonctionne plus.`,
  tooManyWrongCodesLinkWorks: `Trop de codes incorrects${nb}: ce code ne fonctionne plus, mais le lien du même e-mail fonctionne toujours.`,
  linkRefused: `Ce lien de connexion ne fonctionne plus${nb}: il a été utilisé, a expiré ou a été remplacé par un e-mail plus récent. Saisissez le code du dernier e-mail ou demandez un nouveau code.`,
  sendThrottled: 'Aucun autre code ne peut être envoyé à cette adresse pour le moment.',
  undeliverable: 'Impossible d’envoyer des codes à cette adresse e-mail. Vérifiez-la, utilisez-en une autre ou contactez le support.',
  emailCeiling: 'Trop d’e-mails de connexion sont envoyés en ce moment. Veuillez réessayer dans un instant.',
  retryLater: 'Trop de tentatives de connexion pour ce compte pour le moment.',
  retryLaterLinkWorks: `Trop de tentatives de connexion pour ce compte pour le moment. Le lien de connexion de l’e-mail fonctionne toujours${nb}: ouvrez-le pour vous connecter maintenant.`,
  passwordRejected: (detail) => `Ce mot de passe n’a pas été accepté. ${detail}`,
  emailNotSent: 'Nous n’avons pas pu envoyer l’e-mail pour le moment. Veuillez réessayer.',
  unavailable: 'La connexion est momentanément indisponible. Veuillez réessayer.',
  network: 'Impossible de joindre le service de connexion. Vérifiez votre connexion Internet et réessayez.',
  sessionExpired: `La connexion a pris trop de temps. Votre code fonctionne peut-être encore${nb}: choisissez «${nb}J’ai déjà un code${nb}».`,
  wrongPassword: 'L’adresse e-mail ou le mot de passe est incorrect.',
  unexpectedStep: 'Ce compte nécessite une étape de connexion que cette page ne propose pas. Contactez le support.',
  userDisabled: 'Ce compte est désactivé. Contactez le support.',
  signInFailedCheckEmail: 'La connexion a échoué. Vérifiez l’adresse e-mail et réessayez.',
  notConfirmed: 'Ce compte n’est pas encore confirmé.',
  tooManyRequests: 'Trop de tentatives. Patientez un instant, puis réessayez.',
  signInFailed: 'La connexion a échoué. Veuillez réessayer.',

  sendLimitHourly: `Aucun autre code ne peut être envoyé à cette adresse pour le moment${nb}: elle a reçu autant d’e-mails qu’une adresse peut en recevoir en une heure.`,
  sendLimitUnknown: `Aucun autre code ne peut être envoyé à cette adresse pour le moment${nb}: les e-mails vers une même adresse sont limités (un court délai entre deux envois, et quelques-uns par heure).`,
  sendLinkStillWorks: `Le lien de connexion du dernier e-mail fonctionne toujours${nb}: ouvrez-le pour vous connecter maintenant.`,
  sendAskAt: (at) => `Vous pourrez demander un nouveau code à ${f.time(at)}, à la fin du compte à rebours du bouton.`,
  sendAskWhenCountdownEnds: 'Vous pourrez demander un nouveau code à la fin du compte à rebours du bouton.',
  originRefused: (endpoint, origin) =>
    `Le service de connexion ${endpoint} n’accepte pas les requêtes provenant de l’adresse de cette page, ${origin}. ` +
    'Ouvrez la page à l’adresse affichée par la pile locale, ou ajoutez celle-ci à CORS_ALLOWED_ORIGINS et redémarrez la pile.',

  localHintStart: 'Pile locale : npm start ajoute un utilisateur de démonstration, demo@example.com. Les e-mails arrivent dans {link}.'.replace(' :', `${nb}:`),
  localHintCode: `Pile locale${nb}: l’e-mail se trouve dans {link}.`,
  localMailbox: 'la boîte aux lettres locale',
};
