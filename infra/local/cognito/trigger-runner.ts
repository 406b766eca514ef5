import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import { CognitoServiceError } from './errors.ts';

type Handler<E> = (event: E) => Promise<E>;

export interface AuthTriggers {
  readonly define: Handler<DefineAuthChallengeTriggerEvent>;
  readonly create: Handler<CreateAuthChallengeTriggerEvent>;
  readonly verify: Handler<VerifyAuthChallengeResponseTriggerEvent>;
}

export interface SessionEntry {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

/** Who the triggers are called for. */
export interface TriggerSubject {
  readonly userName: string;
  readonly userAttributes: Record<string, string>;
  /** Set only when the app client prevents user-existence errors. */
  readonly userNotFound: boolean | undefined;
  readonly clientId: string;
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
 * Calls the auth triggers as Cognito does: events of Cognito's exact shape (deep copies, response fields
 * null), a 5-second limit with up to 3 attempts, thrown errors as UserLambdaValidationException naming
 * the trigger, and malformed output as InvalidLambdaResponseException.
 */
export class TriggerRunner {
  constructor(
    private readonly triggers: AuthTriggers,
    private readonly pool: { readonly region: string; readonly userPoolId: string },
    private readonly timeoutMs = TRIGGER_TIMEOUT_MS,
  ) {}

  async define(subject: TriggerSubject, session: SessionEntry[], clientMetadata?: Record<string, string>): Promise<DefineOutcome> {
    const event = {
      ...this.envelope('DefineAuthChallenge_Authentication', subject),
      request: { userAttributes: subject.userAttributes, session, ...this.optional(subject, clientMetadata) },
      response: { challengeName: null, issueTokens: null, failAuthentication: null },
    };
    const { response } = await this.invoke('DefineAuthChallenge', this.triggers.define, event);
    const { challengeName, issueTokens, failAuthentication } = response as Record<string, unknown>;
    if (!isBooleanOrNull(issueTokens) || !isBooleanOrNull(failAuthentication)) throw unrecognizable();
    if (challengeName !== null && challengeName !== undefined && typeof challengeName !== 'string') throw unrecognizable();
    if (failAuthentication === true) return { kind: 'fail' };
    if (issueTokens === true) return { kind: 'tokens' };
    if (typeof challengeName === 'string' && challengeName !== '') return { kind: 'challenge', challengeName };
    throw unrecognizable();
  }

  async create(subject: TriggerSubject, session: SessionEntry[], clientMetadata?: Record<string, string>): Promise<CreatedChallenge> {
    const event = {
      ...this.envelope('CreateAuthChallenge_Authentication', subject),
      request: {
        userAttributes: subject.userAttributes,
        challengeName: 'CUSTOM_CHALLENGE',
        session,
        ...this.optional(subject, clientMetadata),
      },
      response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    };
    const { response } = await this.invoke('CreateAuthChallenge', this.triggers.create, event);
    const { publicChallengeParameters, privateChallengeParameters, challengeMetadata } = response as Record<string, unknown>;
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
    const event = {
      ...this.envelope('VerifyAuthChallengeResponse_Authentication', subject),
      request: {
        userAttributes: subject.userAttributes,
        privateChallengeParameters,
        challengeAnswer,
        ...this.optional(subject, clientMetadata),
      },
      response: { answerCorrect: null },
    };
    const { response } = await this.invoke('VerifyAuthChallengeResponse', this.triggers.verify, event);
    const { answerCorrect } = response as Record<string, unknown>;
    if (!isBooleanOrNull(answerCorrect)) throw unrecognizable();
    return answerCorrect === true;
  }

  private envelope(triggerSource: string, subject: TriggerSubject) {
    return {
      version: '1',
      region: this.pool.region,
      userPoolId: this.pool.userPoolId,
      userName: subject.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: subject.clientId },
      triggerSource,
    };
  }

  private optional(subject: TriggerSubject, clientMetadata: Record<string, string> | undefined) {
    return {
      ...(subject.userNotFound === undefined ? {} : { userNotFound: subject.userNotFound }),
      ...(clientMetadata ? { clientMetadata } : {}),
    };
  }

  private async invoke<E extends { response: object }>(name: string, handler: (event: never) => Promise<unknown>, event: E): Promise<E> {
    for (let attempt = 1; ; attempt++) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
      });
      try {
        const result = await Promise.race([handler(structuredClone(event) as never) as Promise<unknown>, timeout]);
        if (result === 'timeout') {
          if (attempt < TRIGGER_ATTEMPTS) continue;
          throw new CognitoServiceError('UserLambdaValidationException', `${name} failed with error Task timed out after 5.00 seconds.`);
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
