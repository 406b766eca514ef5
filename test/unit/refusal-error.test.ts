/** A refusal is raised only as a RefusalError, whose message always tells the client the refusal it carries. */
import { describe, expect, it } from 'vitest';
import { readRefusal } from '../../triggers/contracts/refusal.ts';
import { ConfigError, EmailOtpError, RefusalError, SendRateExceededError } from '../../triggers/index.ts';

describe('errors and their refusals', () => {
  it("a refusal error's message carries the token of its refusal, also for a subclass of the package's user", () => {
    class PolicyRefusal extends RefusalError {
      constructor() {
        super('Not now. Try again in 30 seconds', { kind: 'send-throttled', retryAfterSeconds: 30 });
      }
    }
    for (const error of [new PolicyRefusal(), new SendRateExceededError(30)]) {
      expect(error).toBeInstanceOf(EmailOtpError);
      expect(readRefusal(error.message)).toEqual({ kind: 'send-throttled', retryAfterSeconds: 30 });
      expect(error.refusal).toEqual(readRefusal(error.message));
    }
  });

  it('an error that is no refusal carries none, in its message or its fields', () => {
    // @ts-expect-error A refusal comes only through RefusalError, which writes its token into the message.
    const untold = new EmailOtpError('Not now', { kind: 'send-throttled', retryAfterSeconds: 30 });
    for (const error of [untold, new ConfigError('MAX_ATTEMPTS', 'must be at most 10')]) {
      expect(error.refusal).toBeUndefined();
      expect(readRefusal(error.message)).toBeUndefined();
    }
  });
});
