import { randomBytes } from 'node:crypto';
import { AuthSessions, type AuthSession } from './auth-sessions.ts';
import { CognitoServiceError, invalidParameter, invalidSession, notAuthorized, userNotFound } from './errors.ts';
import { SRP_TIMESTAMP, createPasswordVerifier, startServerRound, verifyPasswordClaim } from './srp.ts';
import type { TokenIssuer } from './token-issuer.ts';
import { TriggerRunner, type AuthTriggers, type SessionEntry, type TriggerSubject } from './trigger-runner.ts';
import type { LocalUser, UserDirectory } from './user-directory.ts';

export interface AuthFlowOptions {
  readonly region: string;
  readonly userPoolId: string;
  /** The part of the pool id after `_`, which SRP hashes in. */
  readonly poolName: string;
  readonly preventUserExistenceErrors: boolean;
  readonly authSessionValidityMinutes: number;
  readonly triggers: AuthTriggers | undefined;
  readonly users: UserDirectory;
  readonly tokens: TokenIssuer;
  readonly now: () => number;
}

type Json = Record<string, unknown>;

function stringMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
  return Object.fromEntries(entries);
}

function required(parameters: Record<string, unknown>, name: string): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/**
 * CUSTOM_AUTH as Cognito runs it: InitiateAuth builds the session history (with SRP_A when sent), calls
 * Define, then Create or the built-in PASSWORD_VERIFIER; RespondToAuthChallenge verifies the answer,
 * appends the round and asks Define again, with a new single-use Session each time.
 */
export class AuthFlow {
  private readonly sessions: AuthSessions;
  private readonly runner: TriggerRunner | undefined;
  /** Keeps unknown users' SRP answers the same shape as real ones. */
  private readonly decoyVerifier = createPasswordVerifier('decoy', 'decoy', randomBytes(16).toString('hex'));

  constructor(private readonly options: AuthFlowOptions) {
    this.sessions = new AuthSessions(options.authSessionValidityMinutes, options.now);
    this.runner = options.triggers
      ? new TriggerRunner(options.triggers, { region: options.region, userPoolId: options.userPoolId })
      : undefined;
  }

  async initiateCustomAuth(clientId: string, authParameters: Record<string, unknown>): Promise<Json> {
    if (!this.runner) throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
    const username = required(authParameters, 'USERNAME');
    const srpA = typeof authParameters.SRP_A === 'string' && authParameters.SRP_A !== '' ? authParameters.SRP_A : undefined;
    const subject = this.subjectFor(username, clientId);
    const history: SessionEntry[] = srpA ? [{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }] : [];
    // Cognito does not pass InitiateAuth's ClientMetadata to Define or Create.
    return this.advance(subject, history, srpA, undefined);
  }

  async respond(clientId: string, body: Json): Promise<Json> {
    const challengeName = typeof body.ChallengeName === 'string' ? body.ChallengeName : undefined;
    if (!challengeName) throw invalidParameter('Missing required parameter ChallengeName');
    const responses = ((typeof body.ChallengeResponses === 'object' && body.ChallengeResponses) || {}) as Record<string, unknown>;
    // A request missing its parameters is rejected before it can use up the session.
    const username = required(responses, 'USERNAME');
    if (challengeName === 'CUSTOM_CHALLENGE') required(responses, 'ANSWER');
    const session = this.sessions.take(body.Session);
    if (session.subject.clientId !== clientId) throw invalidSession();
    this.checkUsername(session, username);
    if (challengeName !== session.pending.name) throw invalidParameter(`Invalid challenge name: expected ${session.pending.name}.`);
    const clientMetadata = stringMap(body.ClientMetadata);
    const result = await this.answer(session, responses, clientMetadata);
    const history = [...session.history, result];
    return this.advance(session.subject, history, session.srpA, clientMetadata);
  }

  private async answer(
    session: AuthSession,
    responses: Record<string, unknown>,
    clientMetadata: Record<string, string> | undefined,
  ): Promise<SessionEntry> {
    const { pending, subject } = session;
    if (pending.name === 'CUSTOM_CHALLENGE') {
      const answer = required(responses, 'ANSWER');
      const correct = await this.runner!.verify(subject, pending.privateParameters, answer, clientMetadata);
      return { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, challengeMetadata: pending.metadata };
    }
    const signature = required(responses, 'PASSWORD_CLAIM_SIGNATURE');
    const secretBlock = required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
    const timestamp = required(responses, 'TIMESTAMP');
    if (!SRP_TIMESTAMP.test(timestamp)) throw invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
    const user = subject.userNotFound ? undefined : this.options.users.find(subject.userName);
    const ok =
      secretBlock === pending.secretBlock &&
      user?.password !== undefined &&
      verifyPasswordClaim({
        poolName: this.options.poolName,
        userIdForSrp: user.username,
        verifier: user.password.verifier,
        A: pending.A,
        round: pending.round,
        secretBlock,
        timestamp,
        signature,
      });
    return { challengeName: 'PASSWORD_VERIFIER', challengeResult: ok, challengeMetadata: null };
  }

  private async advance(
    subject: TriggerSubject,
    history: SessionEntry[],
    srpA: string | undefined,
    clientMetadata: Record<string, string> | undefined,
  ): Promise<Json> {
    const runner = this.runner!;
    const decision = await runner.define(subject, history, clientMetadata);
    if (decision.kind === 'fail') throw notAuthorized();
    if (decision.kind === 'tokens') {
      const user = subject.userNotFound ? undefined : this.options.users.find(subject.userName);
      if (!user) throw notAuthorized();
      return { AuthenticationResult: await this.options.tokens.signIn(user, subject.clientId), ChallengeParameters: {} };
    }
    if (decision.challengeName === 'CUSTOM_CHALLENGE') {
      const created = await runner.create(subject, history, clientMetadata);
      const Session = this.sessions.open({
        subject,
        history,
        srpA,
        pending: { name: 'CUSTOM_CHALLENGE', privateParameters: created.privateParameters, metadata: created.metadata },
      });
      return {
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session,
        ChallengeParameters: { ...created.publicParameters, USERNAME: subject.userName },
      };
    }
    if (decision.challengeName === 'PASSWORD_VERIFIER') {
      if (!srpA) throw invalidParameter('SRP_A is required for PASSWORD_VERIFIER.');
      const user = subject.userNotFound ? undefined : this.options.users.find(subject.userName);
      const password = user?.password ?? this.decoyVerifier;
      let round;
      try {
        round = startServerRound(password.verifier, srpA);
      } catch {
        throw invalidParameter('SRP_A is not valid.');
      }
      const secretBlock = randomBytes(64).toString('base64');
      const Session = this.sessions.open({ subject, history, srpA, pending: { name: 'PASSWORD_VERIFIER', A: srpA, round, secretBlock } });
      return {
        ChallengeName: 'PASSWORD_VERIFIER',
        Session,
        ChallengeParameters: {
          SALT: password.salt,
          SRP_B: round.B,
          SECRET_BLOCK: secretBlock,
          USER_ID_FOR_SRP: subject.userName,
          USERNAME: subject.userName,
        },
      };
    }
    throw new CognitoServiceError(
      'InvalidLambdaResponseException',
      `DefineAuthChallenge returned ${decision.challengeName}, which the local stack does not support.`,
    );
  }

  private subjectFor(username: string, clientId: string): TriggerSubject {
    const user = this.options.users.find(username);
    const prevent = this.options.preventUserExistenceErrors;
    if (!user) {
      if (!prevent) throw userNotFound();
      return { userName: username, userAttributes: {}, userNotFound: true, clientId };
    }
    checkCanSignIn(user);
    return {
      userName: user.username,
      userAttributes: { ...user.attributes, 'cognito:user_status': user.status },
      userNotFound: prevent ? false : undefined,
      clientId,
    };
  }

  private checkUsername(session: AuthSession, username: string): void {
    const { subject } = session;
    if (username === subject.userName) return;
    if (!subject.userNotFound && this.options.users.find(username)?.username === subject.userName) return;
    throw invalidSession();
  }
}

function checkCanSignIn(user: LocalUser): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'UNCONFIRMED') throw new CognitoServiceError('UserNotConfirmedException', 'User is not confirmed.');
}
