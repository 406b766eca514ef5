import {
  CodeExpiredError,
  NetworkError,
  RetryLaterError,
  SendThrottledError,
  ServiceUnavailableError,
  SessionExpiredError,
  SignInFailedError,
  TooManyAttemptsError,
  WrongCodeError,
  WrongPasswordError,
  type SignInError,
} from './client/index.ts';

/**
 * Sentences a person understands for each {@link SignInError} the client helper throws. Never a raw
 * exception, a stack trace or an error class name.
 */
export function friendlyError(error: SignInError, passwordMode: boolean): string {
  if (error instanceof WrongCodeError) {
    return `That code is wrong. ${error.attemptsLeft} ${error.attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`;
  }
  if (error instanceof CodeExpiredError) return 'This code has expired. Send a new code.';
  if (error instanceof TooManyAttemptsError) {
    return error.step ? 'Too many wrong codes. Send a new code.' : 'Too many wrong codes. Start again to get a new code.';
  }
  if (error instanceof SendThrottledError) {
    return `Too many emails were sent to this address. Try again in ${minutesAndSeconds(error.retryAfterSeconds)}.`;
  }
  if (error instanceof RetryLaterError) return `Too many attempts. Try again in ${minutesAndSeconds(error.retryAfterSeconds)}.`;
  if (error instanceof ServiceUnavailableError) {
    return error.emailNotSent ? "We couldn't send the email just now. Please try again." : 'Sign-in is unavailable for a moment. Please try again.';
  }
  if (error instanceof NetworkError) return "Can't reach the sign-in service. Check your connection and try again.";
  if (error instanceof SessionExpiredError) return 'The sign-in took too long. Please start again.';
  if (error instanceof WrongPasswordError) return 'The email address or password is wrong.';
  if (error instanceof SignInFailedError) {
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

function minutesAndSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
