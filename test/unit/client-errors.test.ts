import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  NewPasswordRejectedError,
  RetryLaterError,
  SendThrottledError,
  ServiceUnavailableError,
  SessionExpiredError,
  SignInFailedError,
  TooManyAttemptsError,
  WrongPasswordError,
  codeStepFrom,
  isSameCode,
  toSignInError,
} from '../../web/client/core.ts';
import { CodeStoreError, GuessRateExceededError, MailerError, SendRateExceededError } from '../../triggers/domain/errors.ts';

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });
/** A trigger's error as Cognito passes it on: its message inside UserLambdaValidationException. */
const triggerError = (trigger: string, error: Error) => cognitoError('UserLambdaValidationException', `${trigger} failed with error ${error.message}.`);

describe('the client helper maps what Cognito and the triggers answer to typed errors', () => {
  it('"Try again in N seconds" inside UserLambdaValidationException carries N; the send limit is SendThrottledError', () => {
    const sends = toSignInError(triggerError('CreateAuthChallenge', new SendRateExceededError(42)), 'start');
    expect(sends).toBeInstanceOf(SendThrottledError);
    expect((sends as SendThrottledError).retryAfterSeconds).toBe(42);
    const pacing = toSignInError(triggerError('VerifyAuthChallengeResponse', new GuessRateExceededError(7)), 'code');
    expect(pacing).toBeInstanceOf(RetryLaterError);
    expect(pacing).not.toBeInstanceOf(SendThrottledError);
    expect((pacing as RetryLaterError).retryAfterSeconds).toBe(7);
  });

  it('NotAuthorizedException means a wrong password, a finished sign-in or an expired session, by stage and message', () => {
    expect(toSignInError(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'password')).toBeInstanceOf(WrongPasswordError);
    expect(toSignInError(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'code')).toBeInstanceOf(TooManyAttemptsError);
    expect(toSignInError(cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.'), 'code')).toBeInstanceOf(SessionExpiredError);
    // Cognito words it both ways: neither is "too many wrong codes", which would give up on a code that works.
    expect(toSignInError(cognitoError('NotAuthorizedException', 'Invalid session for the user.'), 'code')).toBeInstanceOf(SessionExpiredError);
    expect(toSignInError(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'start')).toBeInstanceOf(SignInFailedError);
  });

  it('a disabled user is told so at every stage, never that the password or the code was wrong', () => {
    for (const stage of ['start', 'password', 'code'] as const) {
      const error = toSignInError(cognitoError('NotAuthorizedException', 'User is disabled.'), stage);
      expect(error).toBeInstanceOf(SignInFailedError);
      expect((error as SignInFailedError).errorName).toBe('UserDisabled');
    }
  });

  it('store and mailer failures, network failures and anything else each have their class', () => {
    expect(toSignInError(triggerError('CreateAuthChallenge', new MailerError(new Error('SES down'))), 'start')).toEqual(new ServiceUnavailableError(true));
    expect(toSignInError(triggerError('VerifyAuthChallengeResponse', new CodeStoreError('checked', new Error('DynamoDB down'))), 'code')).toEqual(new ServiceUnavailableError(false));
    expect(toSignInError(new TypeError('Failed to fetch'), 'start')).toBeInstanceOf(NetworkError);
    expect(toSignInError(cognitoError('NetworkError', 'A network error has occurred.'), 'start')).toBeInstanceOf(NetworkError);
    const other = toSignInError(cognitoError('UserNotConfirmedException', 'User is not confirmed.'), 'start');
    expect(other).toBeInstanceOf(SignInFailedError);
    expect((other as SignInFailedError).errorName).toBe('UserNotConfirmedException');
  });

  it('reads the public challenge parameters into a code step (seconds to epoch milliseconds)', () => {
    expect(codeStepFrom({ email: 'j***@e***.com', codeLength: '8', expiresAt: '1000', attemptsLeft: '2', resendAvailableAt: '900', signInLink: 'true' })).toEqual({
      type: 'code',
      maskedEmail: 'j***@e***.com',
      codeLength: 8,
      expiresAt: 1_000_000,
      attemptsLeft: 2,
      resendAvailableAt: 900_000,
      linkMailed: true,
    });
    expect(codeStepFrom({ email: 'j***@e***.com' }).linkMailed).toBe(false);
  });

  it('a new password the pool refuses is NewPasswordRejectedError with the pool\'s reason', () => {
    const error = toSignInError(cognitoError('InvalidPasswordException', 'Password does not conform to policy: Password not long enough'), 'newPassword');
    expect(error).toBeInstanceOf(NewPasswordRejectedError);
    expect(error.message).toBe('Password does not conform to policy: Password not long enough');
  });

  it('isSameCode: a reused code keeps its expiry, a new email has another', () => {
    const first = codeStepFrom({ expiresAt: '1000', resendAvailableAt: '900' });
    expect(isSameCode(first, codeStepFrom({ expiresAt: '1000', resendAvailableAt: '900', attemptsLeft: '2' }))).toBe(true);
    expect(isSameCode(first, codeStepFrom({ expiresAt: '1070', resendAvailableAt: '970' }))).toBe(false);
  });
});
