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
