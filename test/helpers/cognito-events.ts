/**
 * Test fixtures: users as a pool with email sign-in presents them, and trigger events built by the same
 * builder the local endpoint uses (infra/local/cognito/trigger-events.ts).
 */
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import {
  createAuthChallengeEvent,
  defineAuthChallengeEvent,
  sessionEntry,
  srpASession,
  verifyAuthChallengeResponseEvent,
  type SessionEntry,
  type TriggerSubject,
} from '../../infra/local/cognito/trigger-events.ts';
import { CHALLENGE_METADATA } from '../../triggers/domain/trigger-event.ts';

export const POOL_ID = 'us-east-1_Test1';
export const CLIENT_ID = '3n4b5urk1ft4fl3mg5e62d9ado';

const POOL = { region: 'us-east-1', userPoolId: POOL_ID };

export type { SessionEntry };

export const srpA = srpASession;
export const passwordVerifier = (ok: boolean): SessionEntry => sessionEntry('PASSWORD_VERIFIER', ok);
export const codeRound = (ok: boolean, metadata: string | null = CHALLENGE_METADATA): SessionEntry =>
  sessionEntry('CUSTOM_CHALLENGE', ok, metadata);

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

function subjectOf(user: UserShape, clientId = CLIENT_ID): TriggerSubject {
  return { userName: user.userName, userAttributes: userAttributes(user), userNotFound: user.userNotFound ? true : undefined, clientId };
}

export function defineEvent(
  user: UserShape,
  session: SessionEntry[],
  clientMetadata?: Record<string, string>,
): DefineAuthChallengeTriggerEvent {
  return defineAuthChallengeEvent(POOL, subjectOf(user), session, clientMetadata);
}

export function createEvent(
  user: UserShape,
  session: SessionEntry[] = [],
  clientMetadata?: Record<string, string>,
): CreateAuthChallengeTriggerEvent {
  return createAuthChallengeEvent(POOL, subjectOf(user), session, clientMetadata);
}

export function verifyEvent(
  user: UserShape,
  challengeAnswer: unknown,
  /** The session's private parameters; left out, the test helper answers in the user's latest session. */
  privateChallengeParameters?: Record<string, string>,
  clientMetadata?: Record<string, string>,
): VerifyAuthChallengeResponseTriggerEvent {
  // Left undefined on purpose: triggersOn fills in the user's latest session, as Cognito would.
  const session = privateChallengeParameters as Record<string, string>;
  return verifyAuthChallengeResponseEvent(POOL, subjectOf(user), challengeAnswer, session, clientMetadata);
}
