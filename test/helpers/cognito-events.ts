/**
 * Trigger events with the exact shapes Cognito sends (AWS developer guide, @types/aws-lambda):
 * the envelope, flat string user attributes, `session` entries with `challengeMetadata: null` for the
 * built-in challenges, and response fields that arrive as null.
 */
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';

export const POOL_ID = 'us-east-1_Test1';
export const CLIENT_ID = '3n4b5urk1ft4fl3mg5e62d9ado';

export interface SessionEntryShape {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

export const srpA = (): SessionEntryShape => ({ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null });
export const passwordVerifier = (ok: boolean): SessionEntryShape => ({
  challengeName: 'PASSWORD_VERIFIER',
  challengeResult: ok,
  challengeMetadata: null,
});
export const codeRound = (ok: boolean, metadata: string | null = 'EMAIL_CODE'): SessionEntryShape => ({
  challengeName: 'CUSTOM_CHALLENGE',
  challengeResult: ok,
  challengeMetadata: metadata,
});

export interface UserShape {
  /** The pool's canonical username (a UUID with email aliases). */
  userName: string;
  email?: string;
  userNotFound?: boolean;
}

let counter = 0;
/** A fresh user with a unique email, as a pool with email as an alias would present it. */
export function newUser(prefix = 'user'): Required<Omit<UserShape, 'userNotFound'>> {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return { userName: `0f1e2d3c-${id}`, email: `${prefix}.${id}@example.com` };
}

function userAttributes(user: UserShape): Record<string, string> {
  if (user.userNotFound) return {};
  const attributes: Record<string, string> = {
    sub: user.userName,
    'cognito:user_status': 'CONFIRMED',
    email_verified: 'true',
  };
  if (user.email) {
    attributes.email = user.email;
    attributes['cognito:email_alias'] = user.email;
  }
  return attributes;
}

function envelope<T extends string>(triggerSource: T, user: UserShape) {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: POOL_ID,
    userName: user.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT_ID },
    triggerSource,
  };
}

function optional(user: UserShape, clientMetadata?: Record<string, string>) {
  return {
    ...(user.userNotFound ? { userNotFound: true } : {}),
    ...(clientMetadata ? { clientMetadata } : {}),
  };
}

export function defineEvent(
  user: UserShape,
  session: SessionEntryShape[],
  clientMetadata?: Record<string, string>,
): DefineAuthChallengeTriggerEvent {
  return {
    ...envelope('DefineAuthChallenge_Authentication', user),
    request: { userAttributes: userAttributes(user), session, ...optional(user, clientMetadata) },
    response: { challengeName: null, issueTokens: null, failAuthentication: null },
  } as unknown as DefineAuthChallengeTriggerEvent;
}

export function createEvent(
  user: UserShape,
  session: SessionEntryShape[] = [],
  clientMetadata?: Record<string, string>,
): CreateAuthChallengeTriggerEvent {
  return {
    ...envelope('CreateAuthChallenge_Authentication', user),
    request: {
      userAttributes: userAttributes(user),
      challengeName: 'CUSTOM_CHALLENGE',
      session,
      ...optional(user, clientMetadata),
    },
    response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  } as unknown as CreateAuthChallengeTriggerEvent;
}

export function verifyEvent(
  user: UserShape,
  challengeAnswer: unknown,
  /** The session's private parameters; left out, the test helper answers in the user's latest session. */
  privateChallengeParameters?: Record<string, string>,
  clientMetadata?: Record<string, string>,
): VerifyAuthChallengeResponseTriggerEvent {
  return {
    ...envelope('VerifyAuthChallengeResponse_Authentication', user),
    request: {
      userAttributes: userAttributes(user),
      privateChallengeParameters,
      challengeAnswer,
      ...optional(user, clientMetadata),
    },
    response: { answerCorrect: null },
  } as unknown as VerifyAuthChallengeResponseTriggerEvent;
}
