import { readRefusal, type Refusal } from '../../triggers/contracts/refusal.ts';
import type { CodeStep } from './steps.ts';

/**
 * Why a sign-in step failed, as classes a caller branches on (`instanceof`), each carrying what the caller
 * needs, never text to parse. Built from what Cognito and the triggers answer: the triggers' refusals arrive
 * inside `UserLambdaValidationException` as "<Trigger> failed with error <message>.", and only the message's
 * machine-readable token (triggers/contracts/refusal.ts) is read.
 */
export class SignInError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The code was wrong; the same sign-in accepts another guess. */
export class WrongCodeError extends SignInError {
  constructor(readonly step: CodeStep) {
    super(`Wrong code; ${step.attemptsLeft} attempts left`);
  }
  get attemptsLeft(): number {
    return this.step.attemptsLeft;
  }
}

/** The code has expired: `resend()` for a new one. */
export class CodeExpiredError extends SignInError {
  constructor(readonly step?: CodeStep) {
    super('The code has expired');
  }
}

/** The code accepts no more guesses (or the sign-in failed after the last one): `resend()` or start again. */
export class TooManyAttemptsError extends SignInError {
  constructor(readonly step?: CodeStep) {
    super('Too many wrong codes');
  }
}

/**
 * The sign-in link was not accepted: it was used, it expired, or a newer email replaced its code. The sign-in
 * goes on with `step`, a code step for the code now current (a new one may have been mailed): answer it or resend.
 */
export class SignInLinkRefusedError extends SignInError {
  constructor(readonly step: CodeStep) {
    super('The sign-in link no longer works');
  }
}

/** A refusal that says how long to wait ("Try again in N seconds"). */
export class RetryLaterError extends SignInError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Try again in ${retryAfterSeconds} seconds`,
  ) {
    super(message);
  }
}

/** No email may be sent to this user for now, and no live code exists. */
export class SendThrottledError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `Too many codes requested. Try again in ${retryAfterSeconds} seconds`);
  }
}

/**
 * Two-step mode, after the right password: mail to the account's address bounced or was reported as spam, so no
 * code is sent to it for now. The way forward: check or change the address (with support), or wait until
 * `docs/operating-on-aws.md`'s block time passes. In code mode this never appears: the sign-in looks like any other.
 */
export class UndeliverableEmailError extends SignInError {
  constructor() {
    super('Codes cannot be sent to this email address: check or change it, or contact support');
  }
}

/** The pool's ceiling of emails per hour is reached, for everyone: wait `retryAfterSeconds`. */
export class EmailCeilingError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `Too many sign-in emails right now. Try again in ${retryAfterSeconds} seconds`);
  }
}

/** Two-step mode: the email address or the password is wrong. */
export class WrongPasswordError extends SignInError {
  constructor() {
    super('The email address or password is wrong');
  }
}

/** The sign-in session ran out (Cognito's auth session validity): start again. */
export class SessionExpiredError extends SignInError {
  constructor() {
    super('The sign-in session has expired');
  }
}

/** The user pool could not be reached. */
export class NetworkError extends SignInError {
  constructor(cause: unknown) {
    super('The sign-in service cannot be reached', { cause });
  }
}

/** The email could not be sent, or the code store failed: nothing was issued; try again. */
export class ServiceUnavailableError extends SignInError {
  constructor(readonly emailNotSent: boolean) {
    super(emailNotSent ? 'The email could not be sent' : 'Sign-in is unavailable for a moment');
  }
}

/** Two-step mode: the new password does not meet the pool's password policy; `message` says why. */
export class NewPasswordRejectedError extends SignInError {
  constructor(cause: unknown) {
    super(String((cause as { message?: unknown } | null)?.message ?? 'The new password was not accepted'), { cause });
  }
}

/** Anything else (disabled account, unconfirmed user, Cognito's own rate limits, ...); `cause` is the original error. */
export class SignInFailedError extends SignInError {
  constructor(
    readonly errorName: string,
    cause: unknown,
  ) {
    super(`Sign-in failed (${errorName})`, { cause });
  }
}

/** Where the error happened: starting a sign-in (email, password) or answering a code. */
export type SignInStage = 'start' | 'password' | 'newPassword' | 'code';

/** A trigger's refusal as the typed error a caller branches on. */
function fromRefusal(refusal: Refusal, cause: unknown): SignInError {
  switch (refusal.kind) {
    case 'send-throttled':
      return new SendThrottledError(refusal.retryAfterSeconds);
    case 'guess-throttled':
      return new RetryLaterError(refusal.retryAfterSeconds);
    case 'undeliverable':
      return new UndeliverableEmailError();
    case 'email-ceiling':
      return new EmailCeilingError(refusal.retryAfterSeconds);
    case 'email-not-sent':
      return new ServiceUnavailableError(true);
    case 'store-unavailable':
      return new ServiceUnavailableError(false);
    case 'malformed-event':
      return new SignInFailedError('MalformedTriggerEvent', cause);
  }
}

/** Turns what Amplify, amazon-cognito-identity-js or the SDK threw into a {@link SignInError}. */
export function toSignInError(error: unknown, stage: SignInStage): SignInError {
  if (error instanceof SignInError) return error;
  const { name = '', message = '' } = (typeof error === 'object' && error !== null ? error : {}) as { name?: string; message?: string };
  const code = (error as { code?: string } | null)?.code;
  const type = name && name !== 'Error' ? name : (code ?? name);
  const refusal = readRefusal(message);
  if (refusal) return fromRefusal(refusal, error);
  if (type === 'NetworkError' || error instanceof TypeError || /network|Failed to fetch/i.test(message)) return new NetworkError(error);
  if (stage === 'newPassword' && (type === 'InvalidPasswordException' || type === 'InvalidParameterException')) {
    return new NewPasswordRejectedError(error);
  }
  if (type === 'NotAuthorizedException') {
    // Cognito's own fixed texts (not the triggers'), the only thing that tells these three apart.
    if (/session is expired|Invalid session/.test(message)) return new SessionExpiredError();
    if (message === 'User is disabled.') return new SignInFailedError('UserDisabled', error);
    if (stage === 'code') return new TooManyAttemptsError();
    if (stage === 'password') return new WrongPasswordError();
  }
  return new SignInFailedError(type || 'Unknown', error);
}
