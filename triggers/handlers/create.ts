import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import type { Audit, AuditContext } from '../audit.ts';
import { INVOCATION_BUDGET_MS, withDeadline } from '../aws-clients.ts';
import type { LoadCodeKeys } from '../code-key.ts';
import type { CodeStore } from '../code-store.ts';
import type { Config } from '../config.ts';
import { writeChallengeParameters } from '../contracts/challenge-parameters.ts';
import { signInLinkFor } from '../contracts/sign-in-link.ts';
import { templatesFor } from '../email-config.ts';
import { minutesLeft, renderCodeEmail } from '../email-template.ts';
import { GuessRateExceededError, MailerError, MalformedEventError, SendRateExceededError } from '../errors.ts';
import { issueCode, type MailedSecrets } from '../issue-code.ts';
import type { Mailer } from '../mailer.ts';
import { maskEmail } from '../mask-email.ts';
import type { SendTiming } from '../send-timing.ts';
import { nextSendAllowedAt } from '../send-policy.ts';
import type { StoredCode } from '../user-state.ts';
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
  readonly loadKeys: LoadCodeKeys;
  readonly mailer: Mailer;
  readonly audit: Audit;
  readonly sendTiming: SendTiming;
  readonly now?: () => number;
}

export function createCreateAuthChallengeHandler(deps: CreateDeps) {
  const { config, store, audit } = deps;
  const now = deps.now ?? Date.now;
  // Set only in code mode: loadConfig refuses a link in password-and-code mode (contracts/sign-in-link.ts decides the page).
  const linkUrl = config.signInLinkUrl;
  const policy = { ...config, linksMailed: linkUrl !== undefined };

  /** What the client may show; nothing secret. Same keys for every user, known or not. */
  function publicParameters(address: string, code: StoredCode | undefined, resendAt: number) {
    return writeChallengeParameters({
      maskedEmail: maskEmail(address),
      codeLength: config.codeLength,
      expiresAt: code?.expiresAt ?? now(),
      attemptsLeft: code ? Math.max(0, config.maxAttempts - code.attempts) : 0,
      resendAvailableAt: resendAt,
      linkMailed: linkUrl !== undefined,
    });
  }

  async function deliver(address: string, { code, linkSecret }: MailedSecrets, unknown: boolean, locale: string | undefined) {
    // Timed from the rendering on, and rendered for unknown users too: their wait imitates all of it, in any language.
    const started = performance.now();
    const { language, templates } = templatesFor(config.email, locale);
    const email = renderCodeEmail({
      code,
      link: linkUrl && linkSecret ? signInLinkFor(linkUrl, address, linkSecret) : undefined,
      appName: config.appName ?? templates.accountName,
      minutes: minutesLeft(config.codeTtlSeconds),
      templates,
      language,
    });
    if (unknown) return deps.sendTiming.imitate();
    await deps.mailer.send(address, email);
    deps.sendTiming.record(performance.now() - started);
  }

  /** The code for this round: a new or reused one for a new session, the current one for a retry round. */
  async function codeForRound(key: string, round: number, address: string, unknown: boolean, locale: string | undefined, context: AuditContext) {
    if (round > 1) {
      // A retry round inside one Cognito session never mails again.
      const state = await store.read(key);
      audit('challenge_repeated', 'ok', context, { codeId: state.code?.id });
      return { code: state.code, resendAt: nextSendAllowedAt(state, now(), policy) };
    }
    const result = await issueCode({
      store,
      key,
      policy,
      keys: await deps.loadKeys(),
      codeLength: config.codeLength,
      codeTtlSeconds: config.codeTtlSeconds,
      now,
      deliver: (secrets) => deliver(address, secrets, unknown, locale),
    });
    audit(result.kind === 'sent' ? 'code_sent' : 'code_reused', 'ok', context, { codeId: result.code.id });
    return { code: result.code, resendAt: result.resendAt };
  }

  return (event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> =>
    withDeadline(INVOCATION_BUDGET_MS, async () => {
      assertEnvelope(event);
      const session = sessionOf(event.request);
      if (event.request.challengeName !== 'CUSTOM_CHALLENGE') {
        throw new MalformedEventError(`challengeName ${String(event.request.challengeName)} is not CUSTOM_CHALLENGE`);
      }
      const { email, locale } = userAttributesOf(event.request);
      // A user without an email address is treated like an unknown one: same answer, nothing sent, no success.
      const unknown = event.request.userNotFound === true || !email;
      const address = email || event.userName;
      const key = storeKey(event.userName, unknown, await deps.loadKeys());
      const round = customRounds(session) + 1;
      const context = auditContext('create', event, round, unknown);

      let issued: { code: StoredCode | undefined; resendAt: number };
      try {
        issued = await codeForRound(key, round, address, unknown, locale, context);
      } catch (error) {
        if (error instanceof SendRateExceededError || error instanceof GuessRateExceededError) {
          const name = error instanceof SendRateExceededError ? 'send_throttled' : 'guess_throttled';
          audit(name, 'denied', context, { retryAfterSeconds: error.retryAfterSeconds });
        } else {
          const reason = error instanceof Error ? error.name : 'unknown';
          audit(error instanceof MailerError ? 'send_failed' : 'store_failed', 'error', context, { reason });
        }
        throw error;
      }

      const { code, resendAt } = issued;
      event.response.publicChallengeParameters = publicParameters(address, code, resendAt);
      // Binds the session to this code: its answers can only ever spend this code's guesses.
      event.response.privateChallengeParameters = { codeId: code?.id ?? '', keyId: code?.keyId ?? '', round: String(round) };
      event.response.challengeMetadata = CHALLENGE_METADATA;
      return event;
    });
}
