/**
 * Errors the triggers raise. Each carries the data a caller needs, so the local endpoint and tests
 * branch on the class, not on message text. A thrown error becomes Cognito's
 * UserLambdaValidationException "<Trigger> failed with error <message>.", so messages are written
 * for the person signing in, never contain a code, and end without a full stop (Cognito adds one).
 * A refusal the client acts on also carries its machine-readable token (contracts/refusal.ts), which is
 * all a client reads of it.
 */
import { refusalMessage, type Refusal } from '../contracts/refusal.ts';

export class EmailOtpError extends Error {
  /** What a client reads of this error: its kind and data, as the message's token carries them (RefusalError's). */
  readonly refusal: Refusal | undefined;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A refusal told to the client: the sentence, then the refusal's token. Its own class so that code that raises
 * only ConfigError (Define) leaves the token's writer out of its bundle; the only way to a refusal, so that no
 * error carries one its message does not tell.
 */
export class RefusalError extends EmailOtpError {
  declare readonly refusal: Refusal;

  constructor(text: string, refusal: Refusal) {
    super(refusalMessage(refusal, text));
    this.refusal = refusal;
  }
}

/** An environment variable is missing or out of range; raised at cold start. */
export class ConfigError extends EmailOtpError {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

/** The user asked for more codes than the send policy allows. */
export class SendRateExceededError extends RefusalError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many codes requested. Try again in ${retryAfterSeconds} seconds`, { kind: 'send-throttled', retryAfterSeconds });
  }
}

/** The account's answers are paced after many wrong ones (by anyone who knows the address). */
export class GuessRateExceededError extends RefusalError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts for this account. Try again in ${retryAfterSeconds} seconds`, { kind: 'guess-throttled', retryAfterSeconds });
  }
}

/**
 * SES reported a permanent bounce or a complaint for the user's address (triggers/domain/delivery.ts). Told to the person
 * only in two-step mode, after the right password; in code mode the sign-in is answered as for an unknown address.
 */
export class UndeliverableEmailError extends RefusalError {
  constructor(readonly reported: 'bounce' | 'complaint') {
    super(
      'Sign-in codes cannot be sent to the email address of this account: mail to it bounced or was reported as spam. Check the address, change it, or contact support',
      { kind: 'undeliverable' },
    );
  }
}

/** The pool's ceiling of emails per hour is reached (email-ceiling.ts): everyone waits for the next hour. */
export class EmailCeilingError extends RefusalError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in emails are being sent right now. Try again in ${retryAfterSeconds} seconds`, { kind: 'email-ceiling', retryAfterSeconds });
  }
}

/** DynamoDB could not be read or written; the sign-in fails closed. */
export class CodeStoreError extends RefusalError {
  constructor(operation: string, override readonly cause: unknown) {
    super(`The sign-in code could not be ${operation}. Please try again`, { kind: 'store-unavailable' });
  }
}

/** SES did not accept the email; nothing was charged to the send window. */
export class MailerError extends RefusalError {
  constructor(override readonly cause: unknown) {
    super('The sign-in code could not be sent. Please try again', { kind: 'email-not-sent' });
  }
}

/** The trigger event does not have the shape Cognito sends. */
export class MalformedEventError extends RefusalError {
  constructor(readonly detail: string) {
    super(`Malformed trigger event: ${detail}`, { kind: 'malformed-event' });
  }
}
