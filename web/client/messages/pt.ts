/** The sign-in page in Portuguese (você, Brazilian usage). */
import type { SignInMessages } from './catalogue.ts';
import { formatsFor } from './format.ts';

const f = formatsFor('pt');
const digits = (n: number) => `${f.number(n)} dígitos`;

export const pt: SignInMessages = {
  language: 'pt',
  languageName: 'Português',
  direction: 'ltr',
  sentenceSeparator: ' ',

  documentTitle: 'Entrar com um código por e-mail',
  languageLabel: 'Idioma',
  emailLabel: 'Endereço de e-mail',
  passwordLabel: 'Senha',
  newPasswordLabel: 'Nova senha',
  codeLabel: 'Código de acesso',
  claimsSummary: 'Claims do token de ID',

  titleSignIn: 'Entrar',
  titleCodeSignIn: 'Entrar com um código por e-mail',
  titlePasswordAndCodeSignIn: 'Entrar com sua senha e um código por e-mail',
  titleEnterCode: 'Digite seu código',
  titleLinkSignIn: 'Entrar com o link do e-mail',
  titleNewPassword: 'Escolha uma nova senha',
  titleSignedIn: 'Você entrou',

  emailMeACode: 'Enviar um código por e-mail',
  continue: 'Continuar',
  haveCode: 'Já tenho um código',
  signIn: 'Entrar',
  sendNewCode: 'Enviar um novo código',
  useDifferentEmail: 'Usar outro e-mail',
  notYou: 'Não é você? Usar outro e-mail',
  setPasswordAndContinue: 'Definir senha e continuar',
  signOut: 'Sair',
  withWait: (label, ms) => `${label} (em ${f.duration(ms)})`,

  continueAs: 'Continuar entrando como {email}.',
  temporaryPassword: 'Sua senha é temporária. Escolha uma nova para continuar.',
  signedInAs: 'Conectado como {email}',
  idTokenValidUntil: (at) => `Token de ID válido até ${f.time(at)}.`,

  codeSentFirst: (length, masked) => `Enviamos um código de ${digits(length)} para ${masked}.`,
  codeSentNew: (length, masked) => `Enviamos um novo código de ${digits(length)} para ${masked}.`,
  codeSentReused: (length, masked) => `Digite o código de ${digits(length)} que enviamos para ${masked}.`,
  codeSentHaveCode: (length, masked) => `Digite o código de ${digits(length)} do e-mail mais recente que enviamos para ${masked}.`,
  linkInSameEmail: 'O mesmo e-mail traz um link de acesso que você pode abrir no lugar do código.',
  checkInbox: 'Confira sua caixa de entrada.',
  noEmailHint: 'Nada depois de um minuto? Verifique o endereço e sua pasta de spam, ou use outro endereço: alguns servidores de e-mail recusam nossas mensagens.',
  newCodeOnItsWay: 'Um novo código está a caminho. Os códigos de e-mails anteriores não funcionam mais.',
  codeStillWorks: 'O código que já está na sua caixa de entrada ainda funciona: nenhum e-mail novo foi enviado.',
  codeExpiresIn: (ms) => `O código expira em ${f.duration(ms)}.`,
  codeExpired: 'Este código expirou.',
  codeExpiredNewCodeIn: (ms) => `Este código expirou. Um novo código poderá ser enviado em ${f.duration(ms)}.`,
  codeExpiredSendNew: 'Este código expirou. Peça um novo código para continuar.',
  codeDead: 'Este código não funciona mais.',
  codeDeadLinkWorks: 'Este código não funciona mais, mas o link de acesso do mesmo e-mail ainda funciona.',
  attemptsLeftForCode: (n) => f.plural(n, { one: 'Resta # tentativa para este código.', other: 'Restam # tentativas para este código.' }),
  canSendNow: 'Você já pode pedir um novo código.',
  canTryNow: 'Você já pode tentar de novo.',
  signedOut: 'Você saiu.',
  lastCodeDead: (masked) => `O último código que enviamos para ${masked} não funciona mais. Você pode pedir outro quando a contagem regressiva do botão terminar.`,
  codeWorksUntil: (masked, at) => `O código que enviamos para ${masked} funciona até ${f.time(at)}: escolha “Já tenho um código”.`,

  enterValidEmail: 'Digite um endereço de e-mail válido.',
  enterPassword: 'Digite sua senha.',
  enterEmail: 'Digite seu endereço de e-mail.',
  enterEmailAndPassword: 'Digite seu endereço de e-mail e sua senha.',
  enterAllDigits: (length) => `Digite os ${f.number(length)} dígitos do código.`,
  enterNewPassword: 'Digite uma nova senha.',
  tokensUnreadable: 'Você entrou, mas não foi possível ler os tokens. Entre novamente.',
  notConfigured: 'Esta página de acesso não está configurada: não foi possível carregar o config.json.',
  linkGoneNoSend: 'Este link de acesso não funciona mais (o código dele expirou ou já foi usado), e ainda não é possível enviar um novo e-mail.',

  wrongCode: (left) => f.plural(left, { one: 'Código incorreto. Resta # tentativa.', other: 'Código incorreto. Restam # tentativas.' }),
  tooManyWrongCodes: 'Muitos códigos incorretos: este código não funciona mais.',
  tooManyWrongCodesLinkWorks: 'Muitos códigos incorretos: este código não funciona mais, mas o link do mesmo e-mail ainda funciona.',
  linkRefused:
    'Este link de acesso não funciona mais: ele foi usado, expirou ou foi substituído por um e-mail mais recente. Digite o código do e-mail mais recente ou peça um novo código.',
  sendThrottled: 'Não é possível enviar mais códigos para este endereço por enquanto.',
  undeliverable: 'Não é possível enviar códigos para este endereço de e-mail. Confira-o, use outro ou entre em contato com o suporte.',
  emailCeiling: 'Muitos e-mails de acesso estão sendo enviados agora. Tente novamente daqui a pouco.',
  retryLater: 'Muitas tentativas de acesso a esta conta por enquanto.',
  retryLaterLinkWorks: 'Muitas tentativas de acesso a esta conta por enquanto. O link de acesso do e-mail ainda funciona: abra-o para entrar agora.',
  passwordRejected: (detail) => `Essa senha não foi aceita. ${detail}`,
  emailNotSent: 'Não conseguimos enviar o e-mail agora. Tente novamente.',
  unavailable: 'O acesso está indisponível no momento. Tente novamente.',
  network: 'Não foi possível acessar o serviço de login. Verifique sua conexão e tente novamente.',
  sessionExpired: 'O acesso demorou demais. Seu código pode ainda funcionar: escolha “Já tenho um código”.',
  wrongPassword: 'O endereço de e-mail ou a senha está incorreto.',
  unexpectedStep: 'Esta conta precisa de uma etapa de acesso que esta página não oferece. Entre em contato com o suporte.',
  userDisabled: 'Esta conta está desativada. Entre em contato com o suporte.',
  signInFailedCheckEmail: 'Não foi possível entrar. Confira o endereço de e-mail e tente novamente.',
  notConfirmed: 'Esta conta ainda não foi confirmada.',
  tooManyRequests: 'Muitas tentativas. Aguarde um momento e tente novamente.',
  signInFailed: 'Não foi possível entrar. Tente novamente.',

  sendLimitHourly: 'Não é possível enviar mais códigos para este endereço por enquanto: ele já recebeu o máximo de e-mails permitido por hora.',
  sendLimitUnknown:
    'Não é possível enviar mais códigos para este endereço por enquanto: os e-mails para um mesmo endereço são limitados (uma breve espera entre dois e alguns por hora).',
  sendLinkStillWorks: 'O link de acesso do último e-mail ainda funciona: abra-o para entrar agora.',
  sendAskAt: (at) => `Você poderá pedir um novo código às ${f.time(at)}, quando a contagem regressiva do botão terminar.`,
  sendAskWhenCountdownEnds: 'Você poderá pedir um novo código quando a contagem regressiva do botão terminar.',
  originRefused: (endpoint, origin) =>
    `O serviço de login em ${endpoint} não aceita solicitações do endereço desta página, ${origin}. ` +
    'Abra a página no endereço que a stack local exibiu, ou adicione este a CORS_ALLOWED_ORIGINS e reinicie a stack.',

  localHintStart: 'Stack local: o npm start cria um usuário de demonstração, demo@example.com. Os e-mails chegam {link}.',
  localHintCode: 'Stack local: o e-mail está {link}.',
  localMailbox: 'na caixa de correio local',
};
