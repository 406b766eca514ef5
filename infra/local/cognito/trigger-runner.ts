import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PostAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import { CognitoServiceError } from './errors.ts';
import {
  createAuthChallengeEvent,
  defineAuthChallengeEvent,
  postAuthenticationEvent,
  preSignUpEvent,
  verifyAuthChallengeResponseEvent,
  type PoolRef,
  type SessionEntry,
  type TriggerSubject,
} from './trigger-events.ts';

export type { SessionEntry, TriggerSubject } from './trigger-events.ts';

type Handler<E> = (event: E) => Promise<E>;

export interface AuthTriggers {
  readonly define: Handler<DefineAuthChallengeTriggerEvent>;
  readonly create: Handler<CreateAuthChallengeTriggerEvent>;
  readonly verify: Handler<VerifyAuthChallengeResponseTriggerEvent>;
  /** Optional, as on a pool: run at SignUp and AdminCreateUser. */
  readonly preSignUp?: Handler<PreSignUpTriggerEvent> | undefined;
  /** Optional, as on a pool: run after a successful sign-in, before the tokens are returned. */
  readonly postAuthentication?: Handler<PostAuthenticationTriggerEvent> | undefined;
}

export type DefineOutcome =
  | { readonly kind: 'tokens' }
  | { readonly kind: 'fail' }
  | { readonly kind: 'challenge'; readonly challengeName: string };

export interface CreatedChallenge {
  readonly publicParameters: Record<string, string>;
  readonly privateParameters: Record<string, string>;
  readonly metadata: string | null;
}

export interface SignUpDecision {
  readonly autoConfirmUser: boolean;
  readonly autoVerifyEmail: boolean;
}

const TRIGGER_TIMEOUT_MS = 5_000;
const TRIGGER_ATTEMPTS = 3;

const unrecognizable = () => new CognitoServiceError('InvalidLambdaResponseException', 'Unrecognizable lambda output');

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
  );
}

/** The handler must return the whole event: every envelope field as sent, and a response object. */
function checkEnvelope<E extends { response: object }>(sent: E, output: unknown): E {
  if (typeof output !== 'object' || output === null) throw unrecognizable();
  const returned = output as Record<string, unknown>;
  for (const field of ['version', 'region', 'userPoolId', 'userName', 'triggerSource'] as const) {
    if (returned[field] !== (sent as Record<string, unknown>)[field]) throw unrecognizable();
  }
  if (typeof returned.request !== 'object' || returned.request === null) throw unrecognizable();
  if (typeof returned.response !== 'object' || returned.response === null) throw unrecognizable();
  return output as E;
}

const isBooleanOrNull = (value: unknown) => value === null || value === undefined || typeof value === 'boolean';

/**
 * Calls the triggers as Cognito does: events of Cognito's exact shape (deep copies, response fields
 * null), a 5-second limit with up to 3 attempts (then UnexpectedLambdaException, as Cognito's socket
 * time-out), thrown errors as UserLambdaValidationException naming the trigger, and malformed output as
 * InvalidLambdaResponseException.
 */
export class TriggerRunner {
  constructor(
    private readonly triggers: AuthTriggers,
    private readonly pool: PoolRef,
    private readonly timeoutMs = TRIGGER_TIMEOUT_MS,
  ) {}

  async define(subject: TriggerSubject, session: SessionEntry[], clientMetadata?: Record<string, string>): Promise<DefineOutcome> {
    const event = defineAuthChallengeEvent(this.pool, subject, session, clientMetadata);
    const { response } = await this.invoke('DefineAuthChallenge', this.triggers.define, event);
    const { challengeName, issueTokens, failAuthentication } = response as unknown as Record<string, unknown>;
    if (!isBooleanOrNull(issueTokens) || !isBooleanOrNull(failAuthentication)) throw unrecognizable();
    if (challengeName !== null && challengeName !== undefined && typeof challengeName !== 'string') throw unrecognizable();
    if (failAuthentication === true) return { kind: 'fail' };
    if (issueTokens === true) return { kind: 'tokens' };
    if (typeof challengeName === 'string' && challengeName !== '') return { kind: 'challenge', challengeName };
    throw unrecognizable();
  }

  async create(subject: TriggerSubject, session: SessionEntry[], clientMetadata?: Record<string, string>): Promise<CreatedChallenge> {
    const event = createAuthChallengeEvent(this.pool, subject, session, clientMetadata);
    const { response } = await this.invoke('CreateAuthChallenge', this.triggers.create, event);
    const { publicChallengeParameters, privateChallengeParameters, challengeMetadata } = response as unknown as Record<string, unknown>;
    const publicParameters = publicChallengeParameters ?? {};
    const privateParameters = privateChallengeParameters ?? {};
    if (!isStringMap(publicParameters) || !isStringMap(privateParameters)) throw unrecognizable();
    if (challengeMetadata !== null && challengeMetadata !== undefined && typeof challengeMetadata !== 'string') {
      throw unrecognizable();
    }
    return { publicParameters, privateParameters, metadata: (challengeMetadata as string | null | undefined) ?? null };
  }

  async verify(
    subject: TriggerSubject,
    privateChallengeParameters: Record<string, string>,
    challengeAnswer: string,
    clientMetadata?: Record<string, string>,
  ): Promise<boolean> {
    const event = verifyAuthChallengeResponseEvent(this.pool, subject, challengeAnswer, privateChallengeParameters, clientMetadata);
    const { response } = await this.invoke('VerifyAuthChallengeResponse', this.triggers.verify, event);
    const { answerCorrect } = response as unknown as Record<string, unknown>;
    if (!isBooleanOrNull(answerCorrect)) throw unrecognizable();
    return answerCorrect === true;
  }

  /** Pre sign-up, when the pool has it; without it nothing is confirmed or verified automatically. */
  async preSignUp(
    subject: TriggerSubject,
    source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser',
    clientMetadata?: Record<string, string>,
  ): Promise<SignUpDecision> {
    if (!this.triggers.preSignUp) return { autoConfirmUser: false, autoVerifyEmail: false };
    const event = preSignUpEvent(this.pool, subject, source, clientMetadata);
    const { response } = await this.invoke('PreSignUp', this.triggers.preSignUp, event);
    const { autoConfirmUser, autoVerifyEmail } = response as unknown as Record<string, unknown>;
    if (!isBooleanOrNull(autoConfirmUser) || !isBooleanOrNull(autoVerifyEmail)) throw unrecognizable();
    return { autoConfirmUser: autoConfirmUser === true, autoVerifyEmail: autoVerifyEmail === true };
  }

  async postAuthentication(subject: TriggerSubject, clientMetadata?: Record<string, string>): Promise<void> {
    if (!this.triggers.postAuthentication) return;
    await this.invoke('PostAuthentication', this.triggers.postAuthentication, postAuthenticationEvent(this.pool, subject, clientMetadata));
  }

  private async invoke<E extends { response: object }>(name: string, handler: (event: E) => Promise<unknown>, event: E): Promise<E> {
    for (let attempt = 1; ; attempt++) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
      });
      try {
        const result = await Promise.race([handler(structuredClone(event)), timeout]);
        if (result === 'timeout') {
          if (attempt < TRIGGER_ATTEMPTS) continue;
          throw new CognitoServiceError(
            'UnexpectedLambdaException',
            `${name} invocation failed due to error Socket timeout while invoking Lambda function.`,
          );
        }
        return checkEnvelope(event, result);
      } catch (error) {
        if (error instanceof CognitoServiceError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new CognitoServiceError('UserLambdaValidationException', `${name} failed with error ${message}.`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
