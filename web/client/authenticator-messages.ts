/** The sentences Amplify UI's Authenticator shows (as its alert) for each SignInError: no raw Cognito text, waits in seconds. */
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
} from './errors.ts';
import { en } from './messages/en.ts';

/** What the sentence depends on besides the error. */
export interface MessageContext {
  /** The sign-in gave a password (two-step mode): the code screen has no "Resend Code", a new code comes from signing in again. */
  readonly passwordUsed: boolean;
  /** The email also carried a sign-in link. */
  readonly linkMailed: boolean;
  /** Seconds until a new code can be mailed, when the last code step said so and that time is still ahead. */
  readonly newCodeInSeconds?: number;
}

/** "N seconds". */
function inSeconds(seconds: number): string {
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** "Try again in N seconds." */
function tryAgainIn(seconds: number): string {
  return `Try again in ${inSeconds(seconds)}.`;
}

function wait(error: SignInError): string {
  return error instanceof RetryLaterError ? ` ${tryAgainIn(error.retryAfterSeconds)}` : '';
}

/** The Authenticator's alert text for `error`. */
export function authenticatorMessage(error: SignInError, context: MessageContext): string {
  // The Authenticator offers "Resend Code" on its code screen in passwordless mode; in two-step mode it has "Back to Sign In".
  const newCode = context.passwordUsed ? 'Go back to sign in for a new code.' : 'Choose Resend Code for a new one.';
  if (error instanceof SignInLinkRefusedError) {
    return 'This sign-in link no longer works: it was used, it expired, or a newer email replaced it. Sign in with your email address to get a code.';
  }
  if (error instanceof WrongCodeError) {
    return `That code is wrong. ${error.attemptsLeft} ${error.attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`;
  }
  if (error instanceof CodeExpiredError) return `This code has expired. ${newCode}`;
  if (error instanceof TooManyAttemptsError) {
    // With links, the spent code stays offered for its link until it expires: no new code before then.
    if (context.linkMailed) {
      const wait = context.newCodeInSeconds ? ` Try again in ${inSeconds(context.newCodeInSeconds)} for a new code.` : ` ${newCode}`;
      return `Too many wrong codes: this code no longer works, but the link in the same email still does.${wait}`;
    }
    return `Too many wrong codes: this code no longer works. ${newCode}`;
  }
  if (error instanceof SendThrottledError) return `No more codes can be sent to this address for now.${wait(error)}`;
  // Two-step mode only (after the right password): the page's sentence, one wording for both.
  if (error instanceof UndeliverableEmailError) return en.undeliverable;
  // Pool-wide, not this account's: the same wait for everyone.
  if (error instanceof EmailCeilingError) return `Too many sign-in emails are being sent right now.${wait(error)}`;
  if (error instanceof RetryLaterError) {
    return context.linkMailed
      ? `Too many sign-in attempts for this account for now. The sign-in link in the email still works.${wait(error)}`
      : `Too many sign-in attempts for this account for now.${wait(error)}`;
  }
  if (error instanceof SessionExpiredError) {
    return context.passwordUsed
      ? 'The sign-in took too long. Go back to sign in and start again.'
      : 'The sign-in took too long. Choose Resend Code, then enter the code from the newest email.';
  }
  if (error instanceof NewPasswordRejectedError) return `That password was not accepted. ${error.message}`;
  if (error instanceof ServiceUnavailableError) {
    return error.emailNotSent ? "We couldn't send the email just now. Please try again." : 'Sign-in is unavailable for a moment. Please try again.';
  }
  if (error instanceof NetworkError) return "Can't reach the sign-in service. Check your connection and try again.";
  if (error instanceof WrongPasswordError) return 'The email address or password is wrong.';
  if (error instanceof SignInFailedError) {
    switch (error.errorName) {
      case 'UserDisabled':
        return 'This account is disabled. Contact support.';
      case 'NotAuthorizedException':
        return context.passwordUsed ? 'The email address or password is wrong.' : 'Sign-in failed. Check the email address and try again.';
      case 'UserNotConfirmedException':
        return 'This account is not confirmed yet.';
      case 'LimitExceededException':
      case 'TooManyRequestsException':
        return 'Too many attempts. Wait a moment and try again.';
      case 'EmptySignInUsername':
        return 'Enter your email address.';
      // Amplify's "signIn was not called before confirmSignIn": the last request for a code failed, or the page was reloaded.
      case 'SignInException':
        return `This sign-in is no longer open. ${context.passwordUsed ? 'Go back to sign in and start again.' : 'Choose Resend Code for a code.'}`;
    }
    if (error.errorName.startsWith('UnexpectedStep:')) return 'This account needs a sign-in step this app does not offer. Contact support.';
  }
  return 'Sign-in failed. Please try again.';
}

/** The alert text when the email's sign-in link fails: as {@link authenticatorMessage}, but a send refusal means the link's code is gone too. */
export function authenticatorLinkMessage(error: SignInError, context: MessageContext): string {
  if (error instanceof SendThrottledError) {
    return `This sign-in link no longer works (its code expired or was used), and no new email can be sent yet. ${tryAgainIn(error.retryAfterSeconds)}`;
  }
  return authenticatorMessage(error, context);
}
