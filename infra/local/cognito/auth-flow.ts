import { createHmac, randomBytes } from 'node:crypto';
import type { AppClient } from './app-clients.ts';
import { AuthSessions, type AuthSession, type PasswordFlow } from './auth-sessions.ts';
import { CognitoServiceError, invalidParameter, invalidSession, notAuthorized, userNotFound } from './errors.ts';
import { SRP_TIMESTAMP, createPasswordVerifier, passwordMatches, startServerRound, verifyPasswordClaim } from './srp.ts';
import type { TokenIssuer } from './token-issuer.ts';
import { sessionEntry, srpASession, userSubject, type SessionEntry, type TriggerSubject } from './trigger-events.ts';
import type { TriggerRunner } from './trigger-runner.ts';
import type { LocalUser, UserDirectory } from './user-directory.ts';

export interface AuthFlowOptions {
  /** The part of the pool id after `_`, which SRP hashes in. */
  readonly poolName: string;
  /** Undefined when the pool has no auth triggers. */
  readonly runner: TriggerRunner | undefined;
  readonly users: UserDirectory;
  readonly tokens: TokenIssuer;
  readonly now: () => number;
}

type Json = Record<string, unknown>;

function required(parameters: Record<string, unknown>, name: string): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/**
 * CUSTOM_AUTH as Cognito runs it: InitiateAuth builds the session history (with SRP_A when sent), calls
 * Define, then Create or the built-in PASSWORD_VERIFIER (and NEW_PASSWORD_REQUIRED for a user who must
 * change a temporary password); RespondToAuthChallenge verifies the answer, appends the round and asks
 * Define again, with a new single-use Session each time. Post authentication runs before tokens go out.
 * USER_SRP_AUTH and USER_PASSWORD_AUTH check the password alone and never call Define, Create or Verify.
 */
export class AuthFlow {
  private readonly sessions: AuthSessions;
  /** Keeps unknown users' SRP answers the same shape as real ones. */
  private readonly decoyVerifier = createPasswordVerifier('decoy', 'decoy', randomBytes(16).toString('hex'));
  /** Derives unknown users' stand-in usernames; a new key each start. */
  private readonly standInKey = randomBytes(32);

  constructor(private readonly options: AuthFlowOptions) {
    this.sessions = new AuthSessions(options.now);
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  async initiateCustomAuth(client: AppClient, authParameters: Record<string, string>): Promise<Json> {
    if (!this.options.runner) throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
    const username = required(authParameters, 'USERNAME');
    const srpA = authParameters.SRP_A || undefined;
    const subject = this.subjectFor(username, client);
    const history: SessionEntry[] = srpA ? [srpASession()] : [];
    // Cognito does not pass InitiateAuth's ClientMetadata to Define or Create.
    return this.advance(client, subject, history, srpA, undefined);
  }

  /** USER_SRP_AUTH: the PASSWORD_VERIFIER challenge straight away; a right answer gets tokens. */
  async initiateSrpAuth(client: AppClient, authParameters: Record<string, string>): Promise<Json> {
    const username = required(authParameters, 'USERNAME');
    const srpA = required(authParameters, 'SRP_A');
    const subject = this.subjectFor(username, client);
    return this.passwordVerifier(client, subject, [], srpA, 'USER_SRP_AUTH');
  }

  /** USER_PASSWORD_AUTH: the password itself, checked against the stored SRP verifier. */
  async initiatePasswordAuth(client: AppClient, authParameters: Record<string, string>, clientMetadata: Record<string, string> | undefined): Promise<Json> {
    const username = required(authParameters, 'USERNAME');
    const password = required(authParameters, 'PASSWORD');
    const subject = this.subjectFor(username, client);
    const user = subject.userNotFound ? undefined : this.options.users.find(subject.userName);
    const stored = user?.password ?? this.decoyVerifier;
    // Unknown users cost the same work as known ones.
    const ok = passwordMatches(this.options.poolName, user?.username ?? 'decoy', password, stored) && user?.password !== undefined;
    if (!ok || !user) throw notAuthorized();
    if (user.status === 'FORCE_CHANGE_PASSWORD') return this.newPasswordRequired(client, subject, [], undefined, user, 'USER_PASSWORD_AUTH');
    return this.issueTokens(client, user, clientMetadata);
  }

  async respond(client: AppClient, body: Json): Promise<Json> {
    const challengeName = body.ChallengeName as string;
    const responses = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const clientMetadata = body.ClientMetadata as Record<string, string> | undefined;
    // A request that cannot be answered leaves the session usable: only a real answer uses it up.
    const username = required(responses, 'USERNAME');
    if (challengeName === 'CUSTOM_CHALLENGE') required(responses, 'ANSWER');
    const session = this.sessions.take(body.Session, (candidate) => {
      if (candidate.subject.clientId !== client.clientId) throw invalidSession();
      this.checkUsername(candidate, username);
      if (challengeName !== candidate.pending.name) throw invalidParameter(`Invalid challenge name: expected ${candidate.pending.name}.`);
      if (challengeName === 'NEW_PASSWORD_REQUIRED') this.options.users.checkPassword(required(responses, 'NEW_PASSWORD'));
    });
    if (session.pending.name === 'NEW_PASSWORD_REQUIRED') {
      const user = this.options.users.get(session.subject.userName);
      this.options.users.setPassword(user, responses.NEW_PASSWORD, true);
      if (session.flow) return this.issueTokens(client, user, clientMetadata);
      return this.advance(client, this.knownSubject(user, client), session.history, session.srpA, clientMetadata);
    }
    const result = await this.answer(session, responses, clientMetadata);
    const history = [...session.history, result];
    const user = session.subject.userNotFound ? undefined : this.options.users.find(session.subject.userName);
    if (result.challengeName === 'PASSWORD_VERIFIER' && result.challengeResult && user?.status === 'FORCE_CHANGE_PASSWORD') {
      return this.newPasswordRequired(client, session.subject, history, session.srpA, user, session.flow);
    }
    if (session.flow) {
      if (!result.challengeResult || !user) throw notAuthorized();
      return this.issueTokens(client, user, clientMetadata);
    }
    return this.advance(client, session.subject, history, session.srpA, clientMetadata);
  }

  private async answer(session: AuthSession, responses: Record<string, string>, clientMetadata: Record<string, string> | undefined): Promise<SessionEntry> {
    const { pending, subject } = session;
    if (pending.name === 'CUSTOM_CHALLENGE') {
      const correct = await this.options.runner!.verify(subject, pending.privateParameters, required(responses, 'ANSWER'), clientMetadata);
      return sessionEntry('CUSTOM_CHALLENGE', correct, pending.metadata);
    }
    if (pending.name !== 'PASSWORD_VERIFIER') throw invalidParameter('Unexpected challenge.');
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
    return sessionEntry('PASSWORD_VERIFIER', ok);
  }

  /** A temporary password was right: the user sets a new one before Define decides what follows. */
  private newPasswordRequired(
    client: AppClient,
    subject: TriggerSubject,
    history: SessionEntry[],
    srpA: string | undefined,
    user: LocalUser,
    flow: PasswordFlow | undefined,
  ): Json {
    const Session = this.sessions.open({ subject, history, srpA, flow, pending: { name: 'NEW_PASSWORD_REQUIRED' } }, client.authSessionValidityMinutes);
    const { sub: _sub, email_verified: _verified, ...attributes } = user.attributes;
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session,
      ChallengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]', userAttributes: JSON.stringify(attributes) },
    };
  }

  private async advance(
    client: AppClient,
    subject: TriggerSubject,
    history: SessionEntry[],
    srpA: string | undefined,
    clientMetadata: Record<string, string> | undefined,
  ): Promise<Json> {
    const runner = this.options.runner!;
    const decision = await runner.define(subject, history, clientMetadata);
    if (decision.kind === 'fail') throw notAuthorized();
    if (decision.kind === 'tokens') {
      const user = subject.userNotFound ? undefined : this.options.users.find(subject.userName);
      if (!user) throw notAuthorized();
      return this.issueTokens(client, user, clientMetadata);
    }
    if (decision.challengeName === 'CUSTOM_CHALLENGE') {
      const created = await runner.create(subject, history, clientMetadata);
      const Session = this.sessions.open(
        {
          subject,
          history,
          srpA,
          pending: { name: 'CUSTOM_CHALLENGE', privateParameters: created.privateParameters, metadata: created.metadata },
        },
        client.authSessionValidityMinutes,
      );
      return { ChallengeName: 'CUSTOM_CHALLENGE', Session, ChallengeParameters: { ...created.publicParameters, USERNAME: this.publicUsername(subject) } };
    }
    if (decision.challengeName === 'PASSWORD_VERIFIER') {
      if (!srpA) throw invalidParameter('SRP_A is required for PASSWORD_VERIFIER.');
      return this.passwordVerifier(client, subject, history, srpA, undefined);
    }
    throw new CognitoServiceError(
      'InvalidLambdaResponseException',
      `DefineAuthChallenge returned ${decision.challengeName}, which the local stack does not support.`,
    );
  }

  /** Post authentication (when the pool has it), then tokens: in every flow, as on AWS. */
  private async issueTokens(client: AppClient, user: LocalUser, clientMetadata: Record<string, string> | undefined): Promise<Json> {
    await this.options.runner?.postAuthentication(this.knownSubject(user, client), clientMetadata);
    // Post authentication may have changed the user (email_verified): the tokens show the result.
    const after = this.options.users.find(user.username);
    if (!after) throw notAuthorized();
    return { AuthenticationResult: await this.options.tokens.signIn(after, client.clientId), ChallengeParameters: {} };
  }

  /** The built-in PASSWORD_VERIFIER round: in CUSTOM_AUTH when Define asks for it, in USER_SRP_AUTH at once. */
  private passwordVerifier(client: AppClient, subject: TriggerSubject, history: SessionEntry[], srpA: string, flow: PasswordFlow | undefined): Json {
    const user = subject.userNotFound ? undefined : this.options.users.find(subject.userName);
    const password = user?.password ?? this.decoyVerifier;
    let round;
    try {
      round = startServerRound(password.verifier, srpA);
    } catch {
      throw invalidParameter('SRP_A is not valid.');
    }
    const secretBlock = randomBytes(64).toString('base64');
    const Session = this.sessions.open(
      { subject, history, srpA, flow, pending: { name: 'PASSWORD_VERIFIER', A: srpA, round, secretBlock } },
      client.authSessionValidityMinutes,
    );
    const publicUsername = this.publicUsername(subject);
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session,
      ChallengeParameters: {
        SALT: password.salt,
        SRP_B: round.B,
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: publicUsername,
        USERNAME: publicUsername,
      },
    };
  }

  private subjectFor(username: string, client: AppClient): TriggerSubject {
    const user = this.options.users.find(username);
    if (!user) {
      if (!client.preventUserExistenceErrors) throw userNotFound();
      return { userName: username, userAttributes: {}, userNotFound: true, clientId: client.clientId };
    }
    checkCanSignIn(user);
    return this.knownSubject(user, client);
  }

  private knownSubject(user: LocalUser, client: AppClient): TriggerSubject {
    return userSubject(user, client.clientId, client.preventUserExistenceErrors ? false : undefined);
  }

  /**
   * The USERNAME the client sees: the pool's UUID username for a known user and, for an unknown one, a
   * UUID-shaped stand-in that stays the same for the same typed name, so the two cannot be told apart by
   * shape. (What Cognito itself returns here for unknown users is not documented.)
   */
  private publicUsername(subject: TriggerSubject): string {
    if (!subject.userNotFound) return subject.userName;
    const hex = createHmac('sha256', this.standInKey).update(this.options.users.nameKey(subject.userName)).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private checkUsername(session: AuthSession, username: string): void {
    const { subject } = session;
    if (username === subject.userName || username === this.publicUsername(subject)) return;
    if (!subject.userNotFound && this.options.users.find(username)?.username === subject.userName) return;
    throw invalidSession();
  }
}

/**
 * Cognito checks these before any trigger runs, and answers them distinctly even when user-existence
 * errors are prevented (README: "Local vs AWS").
 */
function checkCanSignIn(user: LocalUser): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'UNCONFIRMED') throw new CognitoServiceError('UserNotConfirmedException', 'User is not confirmed.');
}
