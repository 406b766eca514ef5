import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import type { Audit } from '../domain/audit.ts';
import type { Config } from '../domain/config.ts';
import {
  CHALLENGE_METADATA,
  auditContext,
  customRounds,
  envelopeProblem,
  isRecord,
  sessionEntries,
  type SessionEntry,
} from '../domain/trigger-event.ts';

export type DefineDecision = 'PASSWORD_VERIFIER' | 'CUSTOM_CHALLENGE' | 'ISSUE_TOKENS' | 'FAIL';

export interface DefineOptions {
  readonly signInMode: Config['signInMode'];
  /** Custom rounds one session may take before it fails. */
  readonly maxRounds: number;
}

function isOurRound(entry: SessionEntry): boolean {
  return entry.challengeName === 'CUSTOM_CHALLENGE' && entry.challengeMetadata === CHALLENGE_METADATA;
}

/** Code rounds: tokens after a correct answer, another round while rounds are left, else fail. */
function decideCodeRounds(rounds: readonly SessionEntry[], options: DefineOptions, userNotFound: boolean): DefineDecision {
  if (!rounds.every(isOurRound)) return 'FAIL';
  const last = rounds.at(-1);
  if (!last) return 'CUSTOM_CHALLENGE';
  // A correct answer must end the session: no earlier round may have succeeded.
  if (rounds.slice(0, -1).some((entry) => entry.challengeResult)) return 'FAIL';
  if (last.challengeResult) return userNotFound ? 'FAIL' : 'ISSUE_TOKENS';
  return rounds.length < options.maxRounds ? 'CUSTOM_CHALLENGE' : 'FAIL';
}

/** Pure decision of the Define Auth Challenge trigger from the session history. */
export function decide(session: readonly SessionEntry[], options: DefineOptions, userNotFound: boolean): DefineDecision {
  if (options.signInMode === 'code') return decideCodeRounds(session, options, userNotFound);

  // password-and-code: SRP_A, then a correct PASSWORD_VERIFIER, and only then the code.
  const [srp, password, ...rounds] = session;
  if (!srp || srp.challengeName !== 'SRP_A' || !srp.challengeResult) return 'FAIL';
  if (!password) return 'PASSWORD_VERIFIER';
  if (password.challengeName !== 'PASSWORD_VERIFIER' || !password.challengeResult) return 'FAIL';
  return decideCodeRounds(rounds, options, userNotFound);
}

/** Define's options from the configuration: it decides from the session alone. */
export function defineOptions(config: Pick<Config, 'signInMode' | 'maxAttempts'>): DefineOptions {
  return { signInMode: config.signInMode, maxRounds: config.maxAttempts };
}

export function createDefineAuthChallengeHandler(options: DefineOptions, audit: Audit) {
  return async (event: DefineAuthChallengeTriggerEvent): Promise<DefineAuthChallengeTriggerEvent> => {
    // An event with nowhere to put the answer is rejected; one whose session cannot be read fails closed.
    const response = (event as Partial<DefineAuthChallengeTriggerEvent> | undefined)?.response;
    if (!isRecord(response)) throw new TypeError('Malformed trigger event: response missing');
    const session = envelopeProblem(event) ? undefined : sessionEntries(event.request);
    let decision: DefineDecision = 'FAIL';
    if (Array.isArray(session)) {
      decision = decide(session, options, event.request.userNotFound === true);
      const context = auditContext('define', event, customRounds(session));
      if (decision === 'FAIL') audit('sign_in_failed', 'denied', context);
      if (decision === 'ISSUE_TOKENS') audit('tokens_issued', 'ok', context);
    }
    response.issueTokens = decision === 'ISSUE_TOKENS';
    response.failAuthentication = decision === 'FAIL';
    if (decision !== 'ISSUE_TOKENS' && decision !== 'FAIL') response.challengeName = decision;
    return event;
  };
}
