/**
 * What the sign-in page says, as one typed catalogue per language: labels, titles, statuses and a sentence per
 * error the client helper throws. Entries that take data are functions (they format numbers, countdowns and
 * times with `Intl` in the language); `{email}` and `{link}` mark where the page puts an element.
 */
export interface SignInMessages {
  /** BCP 47 tag. */
  readonly language: string;
  /** The language's name in itself, for a language switch. */
  readonly languageName: string;
  readonly direction: 'ltr' | 'rtl';
  /** What goes between two sentences: a space, or nothing in Japanese. */
  readonly sentenceSeparator: string;

  readonly documentTitle: string;
  readonly languageLabel: string;
  readonly emailLabel: string;
  readonly passwordLabel: string;
  readonly newPasswordLabel: string;
  readonly codeLabel: string;
  readonly claimsSummary: string;

  readonly titleSignIn: string;
  readonly titleCodeSignIn: string;
  readonly titlePasswordAndCodeSignIn: string;
  readonly titleEnterCode: string;
  readonly titleLinkSignIn: string;
  readonly titleNewPassword: string;
  readonly titleSignedIn: string;

  readonly emailMeACode: string;
  readonly continue: string;
  readonly haveCode: string;
  readonly signIn: string;
  readonly sendNewCode: string;
  readonly useDifferentEmail: string;
  readonly notYou: string;
  readonly setPasswordAndContinue: string;
  readonly signOut: string;
  /** A button's label while it waits: "Send a new code (in 0:42)". */
  withWait(label: string, milliseconds: number): string;

  /** Holds `{email}`. */
  readonly continueAs: string;
  readonly temporaryPassword: string;
  /** Holds `{email}`. */
  readonly signedInAs: string;
  idTokenValidUntil(epochMs: number): string;

  codeSentFirst(codeLength: number, maskedEmail: string): string;
  codeSentNew(codeLength: number, maskedEmail: string): string;
  codeSentReused(codeLength: number, maskedEmail: string): string;
  codeSentHaveCode(codeLength: number, maskedEmail: string): string;
  readonly linkInSameEmail: string;
  readonly checkInbox: string;
  /**
   * Shown to everyone after a code is sent, known address or not: an address whose mail bounced gets no email and
   * no distinct answer in code mode (that would tell a stranger the account exists), so this is its way forward.
   */
  readonly noEmailHint: string;
  readonly newCodeOnItsWay: string;
  readonly codeStillWorks: string;
  codeExpiresIn(milliseconds: number): string;
  readonly codeExpired: string;
  codeExpiredNewCodeIn(milliseconds: number): string;
  readonly codeExpiredSendNew: string;
  readonly codeDead: string;
  readonly codeDeadLinkWorks: string;
  attemptsLeftForCode(count: number): string;
  readonly canSendNow: string;
  readonly canTryNow: string;
  readonly signedOut: string;
  lastCodeDead(maskedEmail: string): string;
  codeWorksUntil(maskedEmail: string, epochMs: number): string;

  readonly enterValidEmail: string;
  readonly enterPassword: string;
  readonly enterEmail: string;
  readonly enterEmailAndPassword: string;
  enterAllDigits(codeLength: number): string;
  readonly enterNewPassword: string;
  readonly tokensUnreadable: string;
  readonly notConfigured: string;
  readonly linkGoneNoSend: string;

  wrongCode(attemptsLeft: number): string;
  readonly tooManyWrongCodes: string;
  readonly tooManyWrongCodesLinkWorks: string;
  readonly linkRefused: string;
  readonly sendThrottled: string;
  /** The address bounced or complained: no code goes to it for a while. */
  readonly undeliverable: string;
  /** The pool's hourly ceiling of emails, for everyone. */
  readonly emailCeiling: string;
  readonly retryLater: string;
  readonly retryLaterLinkWorks: string;
  passwordRejected(detail: string): string;
  readonly emailNotSent: string;
  readonly unavailable: string;
  readonly network: string;
  readonly sessionExpired: string;
  readonly wrongPassword: string;
  readonly unexpectedStep: string;
  readonly userDisabled: string;
  readonly signInFailedCheckEmail: string;
  readonly notConfirmed: string;
  readonly tooManyRequests: string;
  readonly signInFailed: string;

  readonly sendLimitHourly: string;
  readonly sendLimitUnknown: string;
  readonly sendLinkStillWorks: string;
  sendAskAt(epochMs: number): string;
  readonly sendAskWhenCountdownEnds: string;
  originRefused(endpoint: string, pageOrigin: string): string;

  /** Local stack only; hold `{link}`. */
  readonly localHintStart: string;
  readonly localHintCode: string;
  readonly localMailbox: string;
}
