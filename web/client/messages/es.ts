/** The sign-in page in Spanish (usted, neutral for Spain and Latin America). */
import type { SignInMessages } from './catalogue.ts';
import { formatsFor } from './format.ts';

const f = formatsFor('es');
const digits = (n: number) => `${f.number(n)} dígitos`;

export const es: SignInMessages = {
  language: 'es',
  languageName: 'Español',
  direction: 'ltr',
  sentenceSeparator: ' ',

  documentTitle: 'Iniciar sesión con un código por correo',
  languageLabel: 'Idioma',
  emailLabel: 'Correo electrónico',
  passwordLabel: 'Contraseña',
  newPasswordLabel: 'Nueva contraseña',
  codeLabel: 'Código de inicio de sesión',
  claimsSummary: 'Claims del token de ID',

  titleSignIn: 'Iniciar sesión',
  titleCodeSignIn: 'Iniciar sesión con un código por correo',
  titlePasswordAndCodeSignIn: 'Iniciar sesión con su contraseña y un código por correo',
  titleEnterCode: 'Introduzca su código',
  titleLinkSignIn: 'Iniciar sesión con el enlace del correo',
  titleNewPassword: 'Elija una nueva contraseña',
  titleSignedIn: 'Ha iniciado sesión',

  emailMeACode: 'Enviarme un código',
  continue: 'Continuar',
  haveCode: 'Ya tengo un código',
  signIn: 'Iniciar sesión',
  sendNewCode: 'Enviar un código nuevo',
  useDifferentEmail: 'Usar otro correo',
  notYou: '¿No es usted? Usar otro correo',
  setPasswordAndContinue: 'Guardar contraseña y continuar',
  signOut: 'Cerrar sesión',
  withWait: (label, ms) => `${label} (en ${f.duration(ms)})`,

  continueAs: 'Continuar el inicio de sesión como {email}.',
  temporaryPassword: 'Su contraseña es temporal. Elija una nueva para continuar.',
  signedInAs: 'Sesión iniciada como {email}',
  idTokenValidUntil: (at) => `Token de ID válido hasta las ${f.time(at)}.`,

  codeSentFirst: (length, masked) => `Hemos enviado un código de ${digits(length)} a ${masked}.`,
  codeSentNew: (length, masked) => `Hemos enviado un código nuevo de ${digits(length)} a ${masked}.`,
  codeSentReused: (length, masked) => `Introduzca el código de ${digits(length)} que enviamos a ${masked}.`,
  codeSentHaveCode: (length, masked) => `Introduzca el código de ${digits(length)} del correo más reciente que enviamos a ${masked}.`,
  linkInSameEmail: 'El mismo correo incluye un enlace de inicio de sesión que puede abrir en su lugar.',
  checkInbox: 'Revise su bandeja de entrada.',
  noEmailHint: '¿Nada después de un minuto? Compruebe la dirección y su carpeta de correo no deseado, o use otra dirección: algunos servidores de correo rechazan nuestros mensajes.',
  newCodeOnItsWay: 'Un código nuevo está en camino. Los códigos de correos anteriores ya no sirven.',
  codeStillWorks: 'El código que ya está en su bandeja de entrada sigue siendo válido: no se envió ningún correo nuevo.',
  codeExpiresIn: (ms) => `El código caduca en ${f.duration(ms)}.`,
  codeExpired: 'Este código ha caducado.',
  codeExpiredNewCodeIn: (ms) => `Este código ha caducado. Podrá enviarse un código nuevo en ${f.duration(ms)}.`,
  codeExpiredSendNew: 'Este código ha caducado. Pida un código nuevo para continuar.',
  codeDead: 'Este código ya no sirve.',
  codeDeadLinkWorks: 'Este código ya no sirve, pero el enlace de inicio de sesión del mismo correo sí.',
  attemptsLeftForCode: (n) => f.plural(n, { one: 'Queda # intento para este código.', other: 'Quedan # intentos para este código.' }),
  canSendNow: 'Ya puede pedir un código nuevo.',
  canTryNow: 'Ya puede volver a intentarlo.',
  signedOut: 'Ha cerrado la sesión.',
  lastCodeDead: (masked) => `El último código que enviamos a ${masked} ya no sirve. Podrá pedir uno nuevo cuando termine la cuenta atrás del botón.`,
  codeWorksUntil: (masked, at) => `El código que enviamos a ${masked} es válido hasta las ${f.time(at)}: elija «Ya tengo un código».`,

  enterValidEmail: 'Introduzca un correo electrónico válido.',
  enterPassword: 'Introduzca su contraseña.',
  enterEmail: 'Introduzca su correo electrónico.',
  enterEmailAndPassword: 'Introduzca su correo electrónico y su contraseña.',
  enterAllDigits: (length) => `Introduzca los ${f.number(length)} dígitos del código.`,
  enterNewPassword: 'Introduzca una nueva contraseña.',
  tokensUnreadable: 'Ha iniciado sesión, pero no se pudieron leer los tokens. Vuelva a iniciar sesión.',
  notConfigured: 'Esta página de inicio de sesión no está configurada: no se pudo cargar config.json.',
  linkGoneNoSend: 'Este enlace de inicio de sesión ya no sirve (su código caducó o ya se usó) y todavía no se puede enviar un correo nuevo.',

  wrongCode: (left) => f.plural(left, { one: 'El código es incorrecto. Queda # intento.', other: 'El código es incorrecto. Quedan # intentos.' }),
  tooManyWrongCodes: 'Demasiados códigos incorrectos: este código ya no sirve.',
  tooManyWrongCodesLinkWorks: 'Demasiados códigos incorrectos: este código ya no sirve, pero el enlace del mismo correo sí.',
  linkRefused:
    'Este enlace de inicio de sesión ya no sirve: se usó, caducó o lo sustituyó un correo más reciente. Introduzca el código del correo más reciente o pida un código nuevo.',
  sendThrottled: 'Por ahora no se pueden enviar más códigos a esta dirección.',
  undeliverable: 'No se pueden enviar códigos a este correo electrónico. Compruébelo, use otro o póngase en contacto con el soporte.',
  emailCeiling: 'Ahora mismo se están enviando demasiados correos de inicio de sesión. Inténtelo de nuevo en unos momentos.',
  retryLater: 'Por ahora hay demasiados intentos de inicio de sesión en esta cuenta.',
  retryLaterLinkWorks:
    'Por ahora hay demasiados intentos de inicio de sesión en esta cuenta. El enlace de inicio de sesión del correo sigue siendo válido: ábralo para iniciar sesión ahora.',
  passwordRejected: (detail) => `No se aceptó esa contraseña. ${detail}`,
  emailNotSent: 'No hemos podido enviar el correo en este momento. Inténtelo de nuevo.',
  unavailable: 'El inicio de sesión no está disponible en este momento. Inténtelo de nuevo.',
  network: 'No se puede conectar con el servicio de inicio de sesión. Compruebe su conexión e inténtelo de nuevo.',
  sessionExpired: 'El inicio de sesión tardó demasiado. Puede que su código siga siendo válido: elija «Ya tengo un código».',
  wrongPassword: 'El correo electrónico o la contraseña no son correctos.',
  unexpectedStep: 'Esta cuenta necesita un paso de inicio de sesión que esta página no ofrece. Póngase en contacto con el soporte.',
  userDisabled: 'Esta cuenta está desactivada. Póngase en contacto con el soporte.',
  signInFailedCheckEmail: 'No se pudo iniciar sesión. Compruebe el correo electrónico e inténtelo de nuevo.',
  notConfirmed: 'Esta cuenta aún no está confirmada.',
  tooManyRequests: 'Demasiados intentos. Espere un momento e inténtelo de nuevo.',
  signInFailed: 'No se pudo iniciar sesión. Inténtelo de nuevo.',

  sendLimitHourly: 'Por ahora no se pueden enviar más códigos a esta dirección: ya ha recibido tantos correos como se permiten por hora.',
  sendLimitUnknown: 'Por ahora no se pueden enviar más códigos a esta dirección: los correos a una misma dirección están limitados (una breve espera entre dos y unos pocos por hora).',
  sendLinkStillWorks: 'El enlace de inicio de sesión del último correo sigue siendo válido: ábralo para iniciar sesión ahora.',
  sendAskAt: (at) => `Podrá pedir un código nuevo a las ${f.time(at)}, cuando termine la cuenta atrás del botón.`,
  sendAskWhenCountdownEnds: 'Podrá pedir un código nuevo cuando termine la cuenta atrás del botón.',
  originRefused: (endpoint, origin) =>
    `El servicio de inicio de sesión en ${endpoint} no acepta solicitudes desde la dirección de esta página, ${origin}. ` +
    'Abra la página en la dirección que mostró la pila local, o añada esta a CORS_ALLOWED_ORIGINS y reinicie la pila.',

  localHintStart: 'Pila local: npm start añade un usuario de demostración, demo@example.com. Los correos llegan a {link}.',
  localHintCode: 'Pila local: el correo está en {link}.',
  localMailbox: 'el buzón local',
};
