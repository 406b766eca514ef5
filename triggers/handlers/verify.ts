import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import type { Audit, AuditEvent } from '../domain/audit.ts';
import { INVOCATION_BUDGET_MS, withDeadline } from '../domain/deadline.ts';
import type { LoadCodeKeys } from '../domain/code-key.ts';
import type { CodeStore } from '../domain/code-store.ts';
import type { Config } from '../domain/config.ts';
import { ANSWERED_AS_UNKNOWN } from '../domain/delivery.ts';
import { GuessRateExceededError, MalformedEventError } from '../domain/errors.ts';
import { assertEnvelope, auditContext, storeKey, userAttributesOf } from '../domain/trigger-event.ts';
import { verifyAnswer, type VerifyOutcome } from '../domain/verify-code.ts';

export interface VerifyDeps {
  readonly config: Pick<Config, 'codeLength' | 'maxAttempts' | 'maxGuessesPerWindow' | 'guessWindowSeconds'>;
  readonly store: CodeStore;
  readonly loadKeys: LoadCodeKeys;
  readonly audit: Audit;
  readonly now?: () => number;
}

const AUDIT_EVENT: Record<VerifyOutcome, AuditEvent> = {
  correct: 'answer_correct',
  wrong: 'answer_wrong',
  malformed: 'answer_malformed',
  expired: 'code_expired',
  locked_out: 'locked_out',
  no_code: 'no_code',
  code_replaced: 'code_replaced',
  used: 'code_used',
};

export function createVerifyAuthChallengeResponseHandler(deps: VerifyDeps) {
  const { config, store, audit } = deps;
  const now = deps.now ?? Date.now;

  return (event: VerifyAuthChallengeResponseTriggerEvent): Promise<VerifyAuthChallengeResponseTriggerEvent> =>
    withDeadline(INVOCATION_BUDGET_MS, async () => {
      try {
        assertEnvelope(event);
      } catch (error) {
        if (!(error instanceof MalformedEventError) || typeof event?.response !== 'object' || !event.response) throw error;
        event.response.answerCorrect = false;
        return event;
      }
      const email = userAttributesOf(event.request).email;
      const session = event.request.privateChallengeParameters ?? {};
      // Create answered this session as for an unknown address (SES reported the user's): verify it the same way.
      const asUnknown = session[ANSWERED_AS_UNKNOWN] === 'true' && Boolean(email);
      const unknown = event.request.userNotFound === true || !email || asUnknown;
      const round = Number(session.round) || undefined;
      const context = auditContext('verify', event, round, unknown);
      const codeId = typeof session.codeId === 'string' ? session.codeId : '';
      const keyId = typeof session.keyId === 'string' ? session.keyId : '';

      // Unknown users take the same path, against a code nobody was sent, and never succeed.
      let result;
      try {
        result =
          codeId && keyId
            ? await verifyAnswer({
                store,
                key: storeKey(asUnknown ? email! : event.userName, unknown, await deps.loadKeys()),
                answer: event.request.challengeAnswer,
                codeId,
                keyId,
                loadKeys: deps.loadKeys,
                codeLength: config.codeLength,
                maxAttempts: config.maxAttempts,
                guessPolicy: config,
                now: now(),
              })
            : { outcome: 'no_code' as const };
      } catch (error) {
        if (error instanceof GuessRateExceededError) {
          audit('guess_throttled', 'denied', context, { retryAfterSeconds: error.retryAfterSeconds });
        } else {
          // Fail closed: Cognito turns the error into UserLambdaValidationException and issues no tokens.
          audit('store_failed', 'error', context, { reason: error instanceof Error ? error.name : 'unknown' });
        }
        throw error;
      }
      const correct = result.outcome === 'correct' && !unknown;
      audit(unknown ? 'unknown_user' : AUDIT_EVENT[result.outcome], correct ? 'ok' : 'denied', context, {
        codeId: codeId || undefined,
        method: result.method,
        attemptsLeft: result.attemptsLeft,
        ...(unknown ? { reason: result.outcome } : {}),
      });
      event.response.answerCorrect = correct;
      return event;
    });
}
