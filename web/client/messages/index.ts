/**
 * The package's `cognito-email-otp/client/messages` entry: the sign-in page's message catalogue in each language
 * it ships (en, de, fr, es, pt, ja, ar), the choice of language from a browser's or a user's preferences, and the
 * sentence for each typed error the client helper throws. An app with its own words branches on the error
 * classes instead; nothing here reads server text.
 */
import { lookupLanguage } from '../../../triggers/contracts/locale.ts';
import {
  CodeExpiredError,
  EmailCeilingError,
  NetworkError,
  NewPasswordRejectedError,
  RetryLaterError,
  SendThrottledError,
  ServiceUnavailableError,
  SessionExpiredError,
  SignInFailedError,
  SignInLinkRefusedError,
  TooManyAttemptsError,
  UndeliverableEmailError,
  WrongCodeError,
  WrongPasswordError,
  type SignInError,
} from '../errors.ts';
import { ar } from './ar.ts';
import type { SignInMessages } from './catalogue.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { pt } from './pt.ts';

export type { SignInMessages } from './catalogue.ts';
export { formatsFor, type Formats, type PluralForms } from './format.ts';
export { ar, de, en, es, fr, ja, pt };

/** Every catalogue, by BCP 47 tag. */
export const SIGN_IN_MESSAGES: Readonly<Record<string, SignInMessages>> = { en, de, fr, es, pt, ja, ar };

/**
 * The first of `preferences` (a saved choice, then `navigator.languages`) that a catalogue speaks, matched by
 * language (`de-AT` -> `de`); `fallback` when none does.
 */
export function pickLanguage(preferences: readonly (string | null | undefined)[], fallback = 'en'): string {
  const available = Object.keys(SIGN_IN_MESSAGES);
  for (const preference of preferences) {
    const language = lookupLanguage(preference ?? undefined, available, '');
    if (language) return language;
  }
  return fallback;
}

export function messagesFor(language: string): SignInMessages {
  return SIGN_IN_MESSAGES[pickLanguage([language])]!;
}

export interface ErrorContext {
  /** The pool asks for a password before the code (`password-and-code`). */
  readonly passwordMode?: boolean;
  /** The email on screen carries a sign-in link that still works. */
  readonly linkMailed?: boolean;
}

/** A sentence a person understands for each {@link SignInError}: never an exception's name or a server's text. */
export function errorMessage(error: SignInError, m: SignInMessages, { passwordMode = false, linkMailed = false }: ErrorContext = {}): string {
  // Waits are not in these sentences: a page shows them as a live countdown on the button they hold back.
  if (error instanceof EmailCeilingError) return m.emailCeiling;
  if (linkMailed && error instanceof TooManyAttemptsError) return m.tooManyWrongCodesLinkWorks;
  if (linkMailed && error instanceof RetryLaterError && !(error instanceof SendThrottledError)) return m.retryLaterLinkWorks;
  if (error instanceof SignInLinkRefusedError) return m.linkRefused;
  if (error instanceof WrongCodeError) return m.wrongCode(error.attemptsLeft);
  if (error instanceof CodeExpiredError) return m.codeExpired;
  if (error instanceof TooManyAttemptsError) return m.tooManyWrongCodes;
  if (error instanceof SendThrottledError) return m.sendThrottled;
  if (error instanceof UndeliverableEmailError) return m.undeliverable;
  if (error instanceof RetryLaterError) return m.retryLater;
  // Cognito's password policy text is the only detail there is; it comes in English.
  if (error instanceof NewPasswordRejectedError) return m.passwordRejected(error.message);
  if (error instanceof ServiceUnavailableError) return error.emailNotSent ? m.emailNotSent : m.unavailable;
  if (error instanceof NetworkError) return m.network;
  if (error instanceof SessionExpiredError) return m.sessionExpired;
  if (error instanceof WrongPasswordError) return m.wrongPassword;
  if (error instanceof SignInFailedError) {
    if (error.errorName.startsWith('UnexpectedStep:')) return m.unexpectedStep;
    switch (error.errorName) {
      case 'UserDisabled':
        return m.userDisabled;
      case 'NotAuthorizedException':
        return passwordMode ? m.wrongPassword : m.signInFailedCheckEmail;
      case 'UserNotConfirmedException':
        return m.notConfirmed;
      case 'LimitExceededException':
      case 'TooManyRequestsException':
        return m.tooManyRequests;
      case 'EmptySignInUsername':
      case 'EmptySignInPassword':
        return passwordMode ? m.enterEmailAndPassword : m.enterEmail;
    }
  }
  return m.signInFailed;
}

/** Why no code may be mailed now, as far as a page can tell: the hourly cap, or one of the send limits. */
export type SendLimit = 'hourly' | 'unknown';

/** A send refusal in words: which limit holds the email back, and the way on (the last email's link, or when). */
export function sendThrottledMessage(m: SignInMessages, limit: SendLimit, retryAt: number, linkStillWorks: boolean, now = Date.now()): string {
  const reason = limit === 'hourly' ? m.sendLimitHourly : m.sendLimitUnknown;
  const wayOn = linkStillWorks ? m.sendLinkStillWorks : retryAt - now >= 60_000 ? m.sendAskAt(retryAt) : m.sendAskWhenCountdownEnds;
  return `${reason}${m.sentenceSeparator}${wayOn}`;
}
