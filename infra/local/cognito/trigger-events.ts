/**
 * The trigger events Cognito sends, built in one place for the local endpoint, the test fixtures and the
 * bench: the common envelope, flat string user attributes, `session` entries, `userNotFound` and
 * `clientMetadata` only when Cognito sets them, and response fields that arrive as null.
 */
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PostAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import type { SessionEntry as SessionEntryRead } from '../../../triggers/domain/trigger-event.ts';

/** One completed round of a CUSTOM_AUTH session, as Cognito sends it: the triggers' shape, metadata always present. */
export interface SessionEntry extends SessionEntryRead {
  readonly challengeMetadata: string | null;
}

/** The one builder of session entries (endpoint, test fixtures, bench). */
export const sessionEntry = (challengeName: string, challengeResult: boolean, challengeMetadata: string | null = null): SessionEntry => ({
  challengeName,
  challengeResult,
  challengeMetadata,
});

/** Who a trigger is called for, and from where. */
export interface TriggerSubject {
  /** The pool's canonical username (a UUID with email sign-in); for unknown users, what was typed. */
  readonly userName: string;
  readonly userAttributes: Record<string, string>;
  /** Set only when the app client prevents user-existence errors. */
  readonly userNotFound?: boolean | undefined;
  readonly clientId: string;
}

export interface PoolRef {
  readonly region: string;
  readonly userPoolId: string;
}

export const srpASession = (): SessionEntry => sessionEntry('SRP_A', true);

/** A pool user as the triggers get them: the pool's username, flat string attributes and the user's status. */
export function userSubject(
  user: { readonly username: string; readonly status: string; readonly attributes: Readonly<Record<string, string>> },
  clientId: string,
  userNotFound?: false,
): TriggerSubject {
  return { userName: user.username, userAttributes: { ...user.attributes, 'cognito:user_status': user.status }, userNotFound, clientId };
}

export function triggerEnvelope<T extends string>(pool: PoolRef, subject: TriggerSubject, triggerSource: T) {
  return {
    version: '1',
    region: pool.region,
    userPoolId: pool.userPoolId,
    userName: subject.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: subject.clientId },
    triggerSource,
  };
}

function optional(subject: TriggerSubject, clientMetadata: Record<string, string> | undefined) {
  return {
    ...(subject.userNotFound === undefined ? {} : { userNotFound: subject.userNotFound }),
    ...(clientMetadata ? { clientMetadata } : {}),
  };
}

export function defineAuthChallengeEvent(
  pool: PoolRef,
  subject: TriggerSubject,
  session: SessionEntry[],
  clientMetadata?: Record<string, string>,
): DefineAuthChallengeTriggerEvent {
  return {
    ...triggerEnvelope(pool, subject, 'DefineAuthChallenge_Authentication'),
    request: { userAttributes: subject.userAttributes, session, ...optional(subject, clientMetadata) },
    response: { challengeName: null, issueTokens: null, failAuthentication: null },
  } as unknown as DefineAuthChallengeTriggerEvent;
}

export function createAuthChallengeEvent(
  pool: PoolRef,
  subject: TriggerSubject,
  session: SessionEntry[],
  clientMetadata?: Record<string, string>,
): CreateAuthChallengeTriggerEvent {
  return {
    ...triggerEnvelope(pool, subject, 'CreateAuthChallenge_Authentication'),
    request: { userAttributes: subject.userAttributes, challengeName: 'CUSTOM_CHALLENGE', session, ...optional(subject, clientMetadata) },
    response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  } as unknown as CreateAuthChallengeTriggerEvent;
}

export function verifyAuthChallengeResponseEvent(
  pool: PoolRef,
  subject: TriggerSubject,
  challengeAnswer: unknown,
  privateChallengeParameters: Record<string, string>,
  clientMetadata?: Record<string, string>,
): VerifyAuthChallengeResponseTriggerEvent {
  return {
    ...triggerEnvelope(pool, subject, 'VerifyAuthChallengeResponse_Authentication'),
    request: { userAttributes: subject.userAttributes, privateChallengeParameters, challengeAnswer, ...optional(subject, clientMetadata) },
    response: { answerCorrect: null },
  } as unknown as VerifyAuthChallengeResponseTriggerEvent;
}

export function preSignUpEvent(
  pool: PoolRef,
  subject: TriggerSubject,
  triggerSource: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser',
  clientMetadata?: Record<string, string>,
): PreSignUpTriggerEvent {
  return {
    ...triggerEnvelope(pool, subject, triggerSource),
    request: { userAttributes: subject.userAttributes, validationData: null, ...(clientMetadata ? { clientMetadata } : {}) },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  } as unknown as PreSignUpTriggerEvent;
}

export function postAuthenticationEvent(
  pool: PoolRef,
  subject: TriggerSubject,
  clientMetadata?: Record<string, string>,
): PostAuthenticationTriggerEvent {
  return {
    ...triggerEnvelope(pool, subject, 'PostAuthentication_Authentication'),
    request: { userAttributes: subject.userAttributes, newDeviceUsed: false, ...(clientMetadata ? { clientMetadata } : {}) },
    response: {},
  } as unknown as PostAuthenticationTriggerEvent;
}
