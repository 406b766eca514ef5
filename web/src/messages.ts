import {
  CodeExpiredError,
  NetworkError,
  NewPasswordRejectedError,
  RetryLaterError,
  SendThrottledError,
  ServiceUnavailableError,
  SessionExpiredError,
  SignInFailedError,
  SignInLinkRefusedError,
  TooManyAttemptsError,
  WrongCodeError,
  WrongPasswordError,
  type SignInError,
} from './client/index.ts';
import { clockTime } from './challenge.ts';

/**
 * Sentences a person understands for each {@link SignInError} the client helper throws. Never a raw
 * exception, a stack trace or an error class name.
 */
export function friendlyError(error: SignInError, passwordMode: boolean, linkMailed = false): string {
  // Waits are not in these sentences: the page shows them as a live countdown on the button they hold back.
  if (linkMailed && error instanceof TooManyAttemptsError) return 'Too many wrong codes: this code no longer works, but the link in the same email still does.';
  if (linkMailed && error instanceof RetryLaterError && !(error instanceof SendThrottledError)) {
    return 'Too many sign-in attempts for this account for now. The sign-in link in the email still works: open it to sign in now.';
  }
  if (error instanceof SignInLinkRefusedError) {
    return 'This sign-in link no longer works: it was used, it expired, or a newer email replaced it. Enter the code from the newest email, or send a new code.';
  }
  if (error instanceof WrongCodeError) {
    return `That code is wrong. ${error.attemptsLeft} ${error.attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`;
  }
  if (error instanceof CodeExpiredError) return 'This code has expired.';
  if (error instanceof TooManyAttemptsError) return 'Too many wrong codes: this code no longer works.';
  if (error instanceof SendThrottledError) return 'No more codes can be sent to this address for now.';
  if (error instanceof RetryLaterError) return 'Too many sign-in attempts for this account for now.';
  if (error instanceof NewPasswordRejectedError) return `That password was not accepted. ${error.message}`;
  if (error instanceof ServiceUnavailableError) {
    return error.emailNotSent ? "We couldn't send the email just now. Please try again." : 'Sign-in is unavailable for a moment. Please try again.';
  }
  if (error instanceof NetworkError) return "Can't reach the sign-in service. Check your connection and try again.";
  if (error instanceof SessionExpiredError) return 'The sign-in took too long. Your code may still work: choose “I already have a code”.';
  if (error instanceof WrongPasswordError) return 'The email address or password is wrong.';
  if (error instanceof SignInFailedError) {
    if (error.errorName.startsWith('UnexpectedStep:')) {
      return 'This account needs a sign-in step this page does not offer. Contact support.';
    }
    switch (error.errorName) {
      case 'UserDisabled':
        return 'This account is disabled. Contact support.';
      case 'NotAuthorizedException':
        return passwordMode ? 'The email address or password is wrong.' : 'Sign-in failed. Check the email address and try again.';
      case 'UserNotConfirmedException':
        return 'This account is not confirmed yet.';
      case 'LimitExceededException':
      case 'TooManyRequestsException':
        return 'Too many attempts. Wait a moment and try again.';
      case 'EmptySignInUsername':
      case 'EmptySignInPassword':
        return passwordMode ? 'Enter your email address and password.' : 'Enter your email address.';
    }
  }
  return 'Sign-in failed. Please try again.';
}

/** Why no code may be mailed now, as far as the page can tell: the hourly cap, or one of the send limits. */
export type SendLimit = 'hourly' | 'unknown';

/**
 * A send refusal in words: which limit holds the email back, and the way forward (the last email's link while
 * it works, else the time the button's countdown ends).
 */
export function sendThrottledMessage(limit: SendLimit, retryAt: number, linkStillWorks: boolean, now = Date.now()): string {
  const reason =
    limit === 'hourly'
      ? 'No more codes can be sent to this address for now: it has had as many emails as one address may get in an hour.'
      : 'No more codes can be sent to this address for now: emails to one address are limited (a short wait between two, and a few per hour).';
  if (linkStillWorks) return `${reason} The sign-in link in the last email still works: open it to sign in now.`;
  const when = retryAt - now >= 60_000 ? ` at ${clockTime(retryAt)},` : '';
  return `${reason} You can ask for a new code${when} when the button's countdown ends.`;
}

/**
 * The local sign-in service answers, but not to this page: its address is not among the origins the endpoint
 * allows (CORS hides the endpoint's own refusal from the page, so the page says it).
 */
export function originRefusedMessage(endpoint: string, pageOrigin: string): string {
  return (
    `The sign-in service at ${endpoint} does not accept requests from this page's address, ${pageOrigin}. ` +
    'Open the page at the address the local stack printed, or add this one to CORS_ALLOWED_ORIGINS and restart the stack.'
  );
}
