import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import type { Audit, AuditContext } from '../domain/audit.ts';
import { INVOCATION_BUDGET_MS, withDeadline } from '../domain/deadline.ts';
import type { CodeKeys, LoadCodeKeys } from '../domain/code-key.ts';
import type { CodeStore } from '../domain/code-store.ts';
import type { Config } from '../domain/config.ts';
import { writeChallengeParameters } from '../contracts/challenge-parameters.ts';
import { signInLinkFor } from '../contracts/sign-in-link.ts';
import { templatesFor } from '../domain/email-config.ts';
import { minutesLeft, renderCodeEmail } from '../domain/email-template.ts';
import { ANSWERED_AS_UNKNOWN, blocksAddress, deliveryTags } from '../domain/delivery.ts';
import type { EmailCeiling } from '../aws/email-ceiling.ts';
import {
  EmailCeilingError,
  GuessRateExceededError,
  MailerError,
  MalformedEventError,
  SendRateExceededError,
  UndeliverableEmailError,
} from '../domain/errors.ts';
import { AddressUndeliverable, issueCode, type MailedSecrets } from '../domain/issue-code.ts';
import type { Mailer } from '../aws/mailer.ts';
import { maskEmail } from '../domain/mask-email.ts';
import type { SendTiming } from '../domain/send-timing.ts';
import { nextSendAllowedAt } from '../domain/send-policy.ts';
import type { StoredCode } from '../domain/user-state.ts';
import {
  CHALLENGE_METADATA,
  assertEnvelope,
  auditContext,
  customRounds,
  sessionOf,
  storeKey,
  userAttributesOf,
} from '../domain/trigger-event.ts';

export interface CreateDeps {
  readonly config: Config;
  readonly store: CodeStore;
  readonly loadKeys: LoadCodeKeys;
  readonly mailer: Mailer;
  readonly audit: Audit;
  readonly sendTiming: SendTiming;
  /** The pool-wide ceiling of emails per hour (MAX_EMAILS_PER_HOUR); none when unset. */
  readonly ceiling?: EmailCeiling | undefined;
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

  /** How long SES took to accept this invocation's email, for the audit line (the SendTime metric). */
  async function deliver(address: string, { code, linkSecret }: MailedSecrets, unknown: boolean, locale: string | undefined, key: string, keys: CodeKeys, timed: { ms?: number }, spentMs = 0) {
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
    if (unknown) return deps.sendTiming.imitate(spentMs);
    await deps.mailer.send(address, email, deliveryTags(key, address, keys));
    timed.ms = performance.now() - started;
    deps.sendTiming.record(timed.ms);
  }

  /** The code for this round: a new or reused one for a new session, the current one for a retry round. */
  async function codeForRound(key: string, keys: CodeKeys, round: number, address: string, unknown: boolean, locale: string | undefined, context: AuditContext, spentMs = 0) {
    if (round > 1) {
      // A retry round inside one Cognito session never mails again.
      let state = await store.read(key);
      // Code mode: a session answered as for an unknown address stays on that address's item.
      const asUnknown = !unknown && config.signInMode === 'code' && blocksAddress(state.undeliverable, address, keys, now());
      if (asUnknown) state = await store.read(storeKey(address, true, keys));
      audit('challenge_repeated', 'ok', context, { codeId: state.code?.id });
      return { code: state.code, resendAt: nextSendAllowedAt(state, now(), policy), asUnknown };
    }
    const timed: { ms?: number } = {};
    const result = await issueCode({
      store,
      key,
      policy,
      keys,
      codeLength: config.codeLength,
      codeTtlSeconds: config.codeTtlSeconds,
      now,
      ceiling: deps.ceiling,
      undeliverable: unknown ? undefined : (state, at) => blocksAddress(state.undeliverable, address, keys, at),
      deliver: (secrets) => deliver(address, secrets, unknown, locale, key, keys, timed, spentMs),
    });
    audit(result.kind === 'sent' ? 'code_sent' : 'code_reused', 'ok', context, { codeId: result.code.id, sendMs: timed.ms });
    return { code: result.code, resendAt: result.resendAt, asUnknown: false };
  }

  /**
   * SES reported the user's address (delivery.ts). Two-step mode: the right password was given, so the person is
   * told (a refusal with a way forward). Code mode: anyone may type any address, so the answer is the one an unknown
   * address gets: a challenge of the same shape, its code on that address's own item, nothing mailed.
   */
  async function undeliverable(error: AddressUndeliverable, keys: CodeKeys, round: number, address: string, locale: string | undefined, context: AuditContext, startedAt: number) {
    const reason = error.state.undeliverable?.kind ?? 'bounce';
    if (config.signInMode !== 'code') {
      audit('send_refused_undeliverable', 'denied', context, { reason });
      throw new UndeliverableEmailError(reason);
    }
    audit('send_skipped_undeliverable', 'denied', context, { reason });
    // The known path's failed write and read are work an unknown address never causes: its imitated send is shortened
    // by what they took, so this answer takes as long as an unknown address's (and no longer than a real send).
    const spentMs = performance.now() - startedAt;
    const issued = await codeForRound(storeKey(address, true, keys), keys, round, address, true, locale, { ...context, userNotFound: true }, spentMs);
    return { ...issued, asUnknown: true };
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
      // Read once per invocation: the file source stats its file on every call.
      const keys = await deps.loadKeys();
      const key = storeKey(event.userName, unknown, keys);
      const round = customRounds(session) + 1;
      const context = auditContext('create', event, round, unknown);

      let issued: { code: StoredCode | undefined; resendAt: number; asUnknown: boolean };
      try {
        const startedAt = performance.now();
        issued = await codeForRound(key, keys, round, address, unknown, locale, context).catch((error: unknown) => {
          if (error instanceof AddressUndeliverable) return undeliverable(error, keys, round, address, locale, context, startedAt);
          throw error;
        });
      } catch (error) {
        if (error instanceof UndeliverableEmailError) throw error;
        if (error instanceof SendRateExceededError || error instanceof GuessRateExceededError) {
          const name = error instanceof SendRateExceededError ? 'send_throttled' : 'guess_throttled';
          audit(name, 'denied', context, { retryAfterSeconds: error.retryAfterSeconds });
        } else if (error instanceof EmailCeilingError) {
          audit('ceiling_reached', 'denied', context, { retryAfterSeconds: error.retryAfterSeconds });
        } else {
          const reason = error instanceof Error ? error.name : 'unknown';
          audit(error instanceof MailerError ? 'send_failed' : 'store_failed', 'error', context, { reason });
        }
        throw error;
      }

      const { code, resendAt } = issued;
      event.response.publicChallengeParameters = publicParameters(address, code, resendAt);
      // Binds the session to this code: its answers can only ever spend this code's guesses.
      event.response.privateChallengeParameters = {
        codeId: code?.id ?? '',
        keyId: code?.keyId ?? '',
        round: String(round),
        ...(issued.asUnknown ? { [ANSWERED_AS_UNKNOWN]: 'true' } : {}),
      };
      event.response.challengeMetadata = CHALLENGE_METADATA;
      return event;
    });
}
