import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { Audit, AuditContext } from '../audit.ts';
import type { CodeStore, StoredCode } from '../code-store.ts';
import type { Config } from '../config.ts';
import { renderCodeEmail, minutesLeft } from '../email-template.ts';
import { MailerError, MalformedEventError, SendRateExceededError } from '../errors.ts';
import { issueCode } from '../issue-code.ts';
import type { Mailer } from '../mailer.ts';
import { maskEmail } from '../mask-email.ts';
import type { SendTiming } from '../send-timing.ts';
import { nextSendAllowedAt } from '../send-policy.ts';
import {
  CHALLENGE_METADATA,
  assertEnvelope,
  auditContext,
  customRounds,
  sessionOf,
  storeKey,
  userAttributesOf,
} from '../trigger-event.ts';

export interface CreateDeps {
  readonly config: Config;
  readonly store: CodeStore;
  readonly mailer: Mailer;
  readonly audit: Audit;
  readonly sendTiming: SendTiming;
  readonly now?: () => number;
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

export function createCreateAuthChallengeHandler(deps: CreateDeps) {
  const { config, store, audit } = deps;
  const now = deps.now ?? Date.now;
  const policy = config;

  /** What the client may show; all strings, nothing secret. Same keys for every user, known or not. */
  function publicParameters(address: string, code: StoredCode | undefined, sends: readonly number[]) {
    const at = now();
    return {
      email: maskEmail(address),
      codeLength: String(config.codeLength),
      expiresAt: seconds(code?.expiresAt ?? at),
      attemptsLeft: String(code ? Math.max(0, config.maxAttempts - code.attempts) : 0),
      resendAvailableAt: seconds(nextSendAllowedAt(sends, at, policy)),
    };
  }

  async function deliver(address: string, plain: string, unknown: boolean) {
    if (unknown) return deps.sendTiming.imitate();
    const email = renderCodeEmail({
      code: plain,
      appName: config.appName,
      minutes: minutesLeft(config.codeTtlSeconds),
      templates: config.emailTemplates,
    });
    const started = performance.now();
    await deps.mailer.send(address, email);
    deps.sendTiming.record(performance.now() - started);
  }

  return async (event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> => {
    assertEnvelope(event);
    const session = sessionOf(event.request);
    if (event.request.challengeName !== 'CUSTOM_CHALLENGE') {
      throw new MalformedEventError(`challengeName ${String(event.request.challengeName)} is not CUSTOM_CHALLENGE`);
    }
    const userNotFound = event.request.userNotFound === true;
    const email = userAttributesOf(event.request).email;
    // A user without an email address is treated like an unknown one: same answer, nothing sent, no success.
    const unknown = userNotFound || !email;
    const address = email || event.userName;
    const key = storeKey(event.userName, unknown);
    const round = customRounds(session) + 1;
    const context: AuditContext = { ...auditContext('create', event, round), ...(unknown ? { userNotFound: true } : {}) };

    let code: StoredCode | undefined;
    let sends: readonly number[];
    try {
      if (round > 1) {
        // A retry round inside one Cognito session never mails again.
        const state = await store.read(key);
        ({ code, sends } = state);
        audit('challenge_repeated', 'ok', context, { codeId: code?.id });
      } else {
        const result = await issueCode({
          store,
          key,
          policy,
          codeLength: config.codeLength,
          codeTtlSeconds: config.codeTtlSeconds,
          now,
          deliver: (plain) => deliver(address, plain, unknown),
        });
        ({ code, sends } = result);
        audit(result.kind === 'sent' ? 'code_sent' : 'code_reused', 'ok', context, { codeId: code.id });
      }
    } catch (error) {
      if (error instanceof SendRateExceededError) {
        audit('send_throttled', 'denied', context, { retryAfterSeconds: error.retryAfterSeconds });
      } else {
        const reason = error instanceof Error ? error.name : 'unknown';
        audit(error instanceof MailerError ? 'send_failed' : 'store_failed', 'error', context, { reason });
      }
      throw error;
    }

    event.response.publicChallengeParameters = publicParameters(address, code, sends);
    event.response.privateChallengeParameters = { codeId: code?.id ?? randomUUID(), round: String(round) };
    event.response.challengeMetadata = CHALLENGE_METADATA;
    return event;
  };
}
