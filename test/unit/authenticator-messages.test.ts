/** The sentences the Authenticator shows for each SignInError: readable, never Cognito's text, waits in seconds. */
import { describe, expect, it } from 'vitest';
import { refusalMessage } from '../../triggers/contracts/refusal.ts';
import { authenticatorLinkMessage, authenticatorMessage } from '../../web/client/authenticator-messages.ts';
import {
  codeStepFrom,
  CodeExpiredError,
  NetworkError,
  RetryLaterError,
  SendThrottledError,
  ServiceUnavailableError,
  SessionExpiredError,
  SignInFailedError,
  SignInLinkRefusedError,
  TooManyAttemptsError,
  toSignInError,
  WrongCodeError,
  WrongPasswordError,
} from '../../web/client/core.ts';

const step = (attemptsLeft: number) => codeStepFrom({ attemptsLeft: String(attemptsLeft) }, 0);
const passwordless = { passwordUsed: false, linkMailed: false };
const twoStep = { passwordUsed: true, linkMailed: false };

describe('authenticatorMessage', () => {
  it('a wrong code: the attempts left, singular and plural', () => {
    expect(authenticatorMessage(new WrongCodeError(step(2)), passwordless)).toBe('That code is wrong. 2 attempts left.');
    expect(authenticatorMessage(new WrongCodeError(step(1)), passwordless)).toBe('That code is wrong. 1 attempt left.');
  });

  it('an expired or spent code says how to get a new one: Resend Code without a password, back to sign in with one', () => {
    expect(authenticatorMessage(new CodeExpiredError(), passwordless)).toBe('This code has expired. Choose Resend Code for a new one.');
    expect(authenticatorMessage(new CodeExpiredError(), twoStep)).toBe('This code has expired. Go back to sign in for a new code.');
    expect(authenticatorMessage(new TooManyAttemptsError(), passwordless)).toBe('Too many wrong codes: this code no longer works. Choose Resend Code for a new one.');
    expect(authenticatorMessage(new TooManyAttemptsError(), { passwordUsed: false, linkMailed: true, newCodeInSeconds: 42 })).toBe(
      'Too many wrong codes: this code no longer works, but the link in the same email still does. Try again in 42 seconds for a new code.',
    );
  });

  it('waits say "Try again in N seconds"', () => {
    expect(authenticatorMessage(new SendThrottledError(42), passwordless)).toBe('No more codes can be sent to this address for now. Try again in 42 seconds.');
    expect(authenticatorMessage(new RetryLaterError(1), passwordless)).toBe('Too many sign-in attempts for this account for now. Try again in 1 second.');
    // From the trigger's refusal as Cognito wraps it.
    const wrapped = toSignInError(
      {
        name: 'UserLambdaValidationException',
        message: `CreateAuthChallenge failed with error ${refusalMessage({ kind: 'send-throttled', retryAfterSeconds: 30 }, 'Too many codes requested. Try again in 30 seconds')}.`,
      },
      'start',
    );
    expect(authenticatorMessage(wrapped, passwordless)).toBe('No more codes can be sent to this address for now. Try again in 30 seconds.');
  });

  it('the refusals of the delivery rules: an address that bounced (two-step mode) and the pool-wide email ceiling', () => {
    const refused = (refusal: Parameters<typeof refusalMessage>[0], text: string) =>
      toSignInError({ name: 'UserLambdaValidationException', message: `CreateAuthChallenge failed with error ${refusalMessage(refusal, text)}.` }, 'start');
    expect(authenticatorMessage(refused({ kind: 'undeliverable' }, 'Sign-in codes cannot be sent to the email address of this account'), twoStep)).toBe(
      'Codes cannot be sent to this email address. Check it, use another one, or contact support.',
    );
    expect(authenticatorMessage(refused({ kind: 'email-ceiling', retryAfterSeconds: 120 }, 'Too many sign-in emails are being sent right now'), passwordless)).toBe(
      'Too many sign-in emails are being sent right now. Try again in 120 seconds.',
    );
  });

  it('no exception name, no "failed with error", whatever arrives', () => {
    const errors = [
      new SessionExpiredError(),
      new NetworkError(new TypeError('Failed to fetch')),
      new ServiceUnavailableError(true),
      new WrongPasswordError(),
      new SignInLinkRefusedError(step(3)),
      new SignInFailedError('UserDisabled', undefined),
      new SignInFailedError('SignInException', undefined),
      toSignInError({ name: 'UserLambdaValidationException', message: 'DefineAuthChallenge failed with error Something odd.' }, 'code'),
      toSignInError({ name: 'InternalErrorException', message: 'Internal error' }, 'start'),
      toSignInError({ name: 'UserLambdaValidationException', message: `CreateAuthChallenge failed with error ${refusalMessage({ kind: 'email-not-sent' }, 'The email could not be sent')}.` }, 'start'),
      toSignInError({ name: 'UserLambdaValidationException', message: `DefineAuthChallenge failed with error ${refusalMessage({ kind: 'malformed-event' }, 'Bad event')}.` }, 'code'),
      toSignInError({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' }, 'start'),
    ];
    for (const error of errors) {
      for (const context of [passwordless, twoStep]) {
        const message = authenticatorMessage(error, context);
        expect(message).toMatch(/^[A-Z].*\.$/);
        expect(message).not.toMatch(/Exception|failed with error|Error\b|\(|\[email-otp:/);
      }
    }
  });

  it("a link whose code is gone while no email may be sent says both, and when; other link failures read as on the code screen", () => {
    const link = { passwordUsed: false, linkMailed: true };
    expect(authenticatorLinkMessage(new SendThrottledError(1), link)).toBe(
      'This sign-in link no longer works (its code expired or was used), and no new email can be sent yet. Try again in 1 second.',
    );
    expect(authenticatorLinkMessage(new SignInLinkRefusedError(step(3)), link)).toBe(authenticatorMessage(new SignInLinkRefusedError(step(3)), link));
  });
});
