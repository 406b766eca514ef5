/**
 * Turns what Cognito and the triggers answer into sentences a person understands. Never shows a raw
 * exception, a stack trace or an error class name.
 */
export type Stage = 'start' | 'code';

interface ErrorLike {
  name?: string;
  message?: string;
}

export function friendlyError(error: unknown, stage: Stage, passwordMode: boolean): string {
  const { name = '', message = '' } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const rateLimit = /Too many codes requested\. Try again in (\d+) seconds/.exec(message);
  if (rateLimit) return `Too many emails were sent to this address. Try again in ${minutesAndSeconds(Number(rateLimit[1]))}.`;
  if (/could not be sent/.test(message)) return "We couldn't send the email just now. Please try again.";
  if (/could not be (read|saved|checked|consumed|issued|restored)/.test(message)) {
    return 'Sign-in is unavailable for a moment. Please try again.';
  }
  if (name === 'NetworkError' || error instanceof TypeError || /network|fetch|Failed to fetch/i.test(message)) {
    return "Can't reach the sign-in service. Check your connection and try again.";
  }
  if (name === 'NotAuthorizedException') {
    if (/session is expired|Invalid session/.test(message)) return 'The sign-in took too long. Please start again.';
    if (message === 'User is disabled.') return 'This account is disabled. Contact support.';
    if (stage === 'code') return 'Too many wrong codes. Start again to get a new code.';
    return passwordMode ? 'The email address or password is wrong.' : 'Sign-in failed. Check the email address and try again.';
  }
  if (name === 'UserNotConfirmedException') return 'This account is not confirmed yet.';
  if (name === 'LimitExceededException' || name === 'TooManyRequestsException') {
    return 'Too many attempts. Wait a moment and try again.';
  }
  if (name === 'EmptySignInUsername' || name === 'EmptySignInPassword') {
    return passwordMode ? 'Enter your email address and password.' : 'Enter your email address.';
  }
  return 'Sign-in failed. Please try again.';
}

function minutesAndSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
