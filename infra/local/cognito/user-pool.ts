import { randomUUID } from 'node:crypto';
import { maskEmail } from '../../../triggers/domain/mask-email.ts';
import { PRODUCT_AUTH_FLOWS, SIGN_IN_CASE_SENSITIVE } from '../../pool-settings.ts';
import { AppClients, requireAuthFlow, type AppClient } from './app-clients.ts';
import { checkAttributeWrites } from './attribute-policy.ts';
import { AuthFlow } from './auth-flow.ts';
import { invalidParameter, notAuthorized, resourceNotFound } from './errors.ts';
import { TokenIssuer } from './token-issuer.ts';
import { TriggerRunner, type AuthTriggers, type SignUpDecision } from './trigger-runner.ts';
import { UserDirectory, attributeList, type AttributeType, type LocalUser } from './user-directory.ts';

export interface UserPoolOptions {
  readonly region: string;
  /** `<region>_<id>`, as Cognito forms them. */
  readonly userPoolId: string;
  readonly clientId: string;
  /** `http://127.0.0.1:<port>`; the issuer is `<endpoint>/<userPoolId>`. */
  readonly endpoint: string;
  readonly triggers: AuthTriggers | undefined;
  /** Users, signing keys and sign-ins are kept here across restarts; in memory only when undefined. */
  readonly dataDir: string | undefined;
  /** The stack's own app client's `ExplicitAuthFlows`. @default PRODUCT_AUTH_FLOWS, as the CDK construct creates it */
  readonly clientAuthFlows?: readonly string[];
  /** @default true, as the CDK construct creates the app client */
  readonly preventUserExistenceErrors?: boolean;
  /** @default 3 */
  readonly authSessionValidityMinutes?: number;
  /** `UsernameConfiguration.CaseSensitive`. @default SIGN_IN_CASE_SENSITIVE, as the CDK construct creates the pool */
  readonly caseSensitive?: boolean;
  readonly now?: () => number;
}

type Json = Record<string, unknown>;
export type Operation = (body: Json) => Promise<Json>;

const seconds = (ms: number) => ms / 1000;
const NO_DECISION: SignUpDecision = { autoConfirmUser: false, autoVerifyEmail: false };

function userRecord(user: LocalUser) {
  return {
    Username: user.username,
    Enabled: user.enabled,
    UserStatus: user.status,
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.updatedAt),
  };
}

function flat(attributes: AttributeType[]): Record<string, string> {
  return Object.fromEntries(attributes.filter((a) => typeof a.Value === 'string').map((a) => [a.Name!, a.Value!]));
}

function appClientRecord(userPoolId: string, client: AppClient) {
  return {
    UserPoolId: userPoolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    CreationDate: seconds(client.createdAt),
    LastModifiedDate: seconds(client.createdAt),
    RefreshTokenValidity: 30,
    ExplicitAuthFlows: [...client.explicitAuthFlows],
    AllowedOAuthFlowsUserPoolClient: false,
    PreventUserExistenceErrors: client.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: client.authSessionValidityMinutes,
  };
}

/**
 * A Cognito user pool with its app clients (the stack's own and any made with CreateUserPoolClient, each
 * allowing its own auth flows), answering the user-pool API operations the clients and the tests use. Each operation takes the JSON body of the wire protocol, already checked against the
 * operation's shape (request-shapes.ts), and returns the response body.
 */
export class LocalUserPool {
  readonly issuer: string;
  readonly operations: Readonly<Record<string, Operation>>;
  private readonly flow: AuthFlow;

  private constructor(
    private readonly options: UserPoolOptions,
    readonly users: UserDirectory,
    readonly tokens: TokenIssuer,
    clients: AppClients,
  ) {
    this.issuer = tokens.issuer;
    const runner = options.triggers
      ? new TriggerRunner(options.triggers, { region: options.region, userPoolId: options.userPoolId })
      : undefined;
    const flow = new AuthFlow({
      poolName: poolNameOf(options.userPoolId),
      runner,
      users,
      tokens,
      now: options.now ?? Date.now,
    });
    this.flow = flow;
    const findUser = (username: string) => users.find(username);
    /** The user an access token speaks for; AdminDisableUser revokes a user's access tokens (API reference), deletion too. */
    const tokenUser = async (accessToken: unknown) => {
      const user = users.find((await tokens.verifyAccessToken(accessToken)).username);
      if (!user?.enabled) throw notAuthorized('Access Token has been revoked');
      return user;
    };

    /** Checks, pre sign-up, then the new user: the trigger sees the username the user will get. */
    const createUser = async (
      body: Json,
      source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser',
      clientId: string,
      password: unknown,
    ): Promise<{ user: LocalUser; decision: SignUpDecision }> => {
      const attributes = (body.UserAttributes ?? []) as AttributeType[];
      checkAttributeWrites(
        attributes.map((a) => a.Name!),
        source === 'PreSignUp_SignUp' ? 'client' : 'admin',
      );
      users.checkNew(body.Username, password);
      const username = randomUUID();
      const email = (body.Username as string).trim();
      const subject = { userName: username, userAttributes: { ...flat(attributes), email }, clientId };
      const decision = runner ? await runner.preSignUp(subject, source, body.ClientMetadata as Record<string, string> | undefined) : NO_DECISION;
      const verified = decision.autoVerifyEmail ? [{ Name: 'email_verified', Value: 'true' }] : [];
      const status = source === 'PreSignUp_AdminCreateUser' ? 'FORCE_CHANGE_PASSWORD' : decision.autoConfirmUser ? 'CONFIRMED' : 'UNCONFIRMED';
      const user = users.create({ username, email, attributes: [...attributes, ...verified], password, status });
      return { user, decision };
    };

    this.operations = {
      InitiateAuth: async (body) => {
        const client = clients.get(body.ClientId);
        // The client's flows are checked before any user is looked up.
        requireAuthFlow(client, body.AuthFlow as string);
        const parameters = (body.AuthParameters ?? {}) as Record<string, string>;
        const metadata = body.ClientMetadata as Record<string, string> | undefined;
        switch (body.AuthFlow) {
          case 'CUSTOM_AUTH':
            return flow.initiateCustomAuth(client, parameters);
          case 'USER_SRP_AUTH':
            return flow.initiateSrpAuth(client, parameters);
          case 'USER_PASSWORD_AUTH':
            return flow.initiatePasswordAuth(client, parameters, metadata);
          case 'REFRESH_TOKEN_AUTH':
          case 'REFRESH_TOKEN':
            return { AuthenticationResult: await tokens.refresh(parameters.REFRESH_TOKEN, client.clientId, findUser), ChallengeParameters: {} };
          default:
            throw invalidParameter(`The local stack does not support ${String(body.AuthFlow)}.`);
        }
      },
      RespondToAuthChallenge: async (body) => flow.respond(clients.get(body.ClientId), body),
      // Every local client allows refresh (CreateUserPoolClient insists, and there is no rotation).
      GetTokensFromRefreshToken: async (body) => ({
        AuthenticationResult: await tokens.refresh(body.RefreshToken, clients.get(body.ClientId).clientId, findUser),
      }),
      GetUser: async (body) => {
        const user = await tokenUser(body.AccessToken);
        return { Username: user.username, UserAttributes: attributeList(user) };
      },
      UpdateUserAttributes: async (body) => {
        const user = await tokenUser(body.AccessToken);
        const changes = body.UserAttributes as AttributeType[];
        checkAttributeWrites(
          changes.map((a) => a.Name!),
          'client',
        );
        // A new address needs Cognito's verification email, which this endpoint does not send: say so, change nothing.
        if (changes.some((a) => a.Name === 'email')) {
          throw invalidParameter('The local stack does not change the email address through UpdateUserAttributes; use AdminUpdateUserAttributes.');
        }
        users.update(user, (u) => {
          for (const { Name, Value } of changes) if (typeof Value === 'string') u.attributes[Name!] = Value;
        });
        return { CodeDeliveryDetailsList: [] };
      },
      GlobalSignOut: async (body) => {
        const { username } = await tokens.verifyAccessToken(body.AccessToken);
        tokens.signOutEverywhere(username);
        return {};
      },
      RevokeToken: async (body) => {
        tokens.revokeRefreshToken(body.Token, clients.get(body.ClientId).clientId);
        return {};
      },
      SignUp: async (body) => {
        const clientId = clients.get(body.ClientId).clientId;
        if (body.Password === undefined) throw invalidParameter('Missing required parameter Password');
        const { user } = await createUser(body, 'PreSignUp_SignUp', clientId, body.Password);
        return {
          UserConfirmed: user.status === 'CONFIRMED',
          UserSub: user.username,
          CodeDeliveryDetails: { Destination: maskEmail(user.attributes.email!), DeliveryMedium: 'EMAIL', AttributeName: 'email' },
        };
      },
      CreateUserPoolClient: async (body) => {
        this.pool(body.UserPoolId);
        if (body.GenerateSecret === true) throw invalidParameter('The local stack does not support app clients with a secret.');
        const rotation = body.RefreshTokenRotation as { Feature?: unknown } | undefined;
        if (rotation?.Feature === 'ENABLED') throw invalidParameter('The local stack does not support refresh token rotation.');
        const client = clients.create({
          clientName: body.ClientName as string,
          explicitAuthFlows: body.ExplicitAuthFlows as string[] | undefined,
          // The API's default (the console's is ENABLED).
          preventUserExistenceErrors: body.PreventUserExistenceErrors === 'ENABLED',
          authSessionValidityMinutes: (body.AuthSessionValidity as number | undefined) ?? 3,
        });
        return { UserPoolClient: appClientRecord(this.userPoolId, client) };
      },
      DescribeUserPoolClient: async (body) => {
        this.pool(body.UserPoolId);
        return { UserPoolClient: appClientRecord(this.userPoolId, clients.get(body.ClientId)) };
      },
      AdminCreateUser: async (body) => {
        this.pool(body.UserPoolId);
        const { user } = await createUser(body, 'PreSignUp_AdminCreateUser', 'CLIENT_ID_NOT_APPLICABLE', body.TemporaryPassword);
        return { User: { ...userRecord(user), Attributes: attributeList(user) } };
      },
      AdminGetUser: async (body) => {
        this.pool(body.UserPoolId);
        const user = users.get(body.Username);
        return { ...userRecord(user), UserAttributes: attributeList(user) };
      },
      AdminConfirmSignUp: async (body) => {
        this.pool(body.UserPoolId);
        const user = users.get(body.Username);
        if (user.status !== 'UNCONFIRMED') {
          throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
        }
        users.update(user, (u) => (u.status = 'CONFIRMED'));
        return {};
      },
      AdminUpdateUserAttributes: async (body) => {
        this.pool(body.UserPoolId);
        const changes = body.UserAttributes as AttributeType[];
        checkAttributeWrites(
          changes.map((a) => a.Name!),
          'admin',
        );
        users.update(users.get(body.Username), (u) => {
          for (const { Name, Value } of changes) if (typeof Value === 'string') u.attributes[Name!] = Value;
        });
        return {};
      },
      AdminSetUserPassword: async (body) => {
        this.pool(body.UserPoolId);
        users.setPassword(users.get(body.Username), body.Password, body.Permanent === true);
        return {};
      },
      AdminDisableUser: async (body) => {
        this.pool(body.UserPoolId);
        users.update(users.get(body.Username), (u) => (u.enabled = false));
        return {};
      },
      AdminEnableUser: async (body) => {
        this.pool(body.UserPoolId);
        users.update(users.get(body.Username), (u) => (u.enabled = true));
        return {};
      },
      AdminDeleteUser: async (body) => {
        this.pool(body.UserPoolId);
        const user = users.get(body.Username);
        tokens.signOutEverywhere(user.username);
        users.delete(user);
        return {};
      },
      AdminAddUserToGroup: async (body) => {
        this.pool(body.UserPoolId);
        const group = body.GroupName as string;
        users.update(users.get(body.Username), (u) => (u.groups = [...new Set([...(u.groups ?? []), group])]));
        return {};
      },
      AdminRemoveUserFromGroup: async (body) => {
        this.pool(body.UserPoolId);
        users.update(users.get(body.Username), (u) => (u.groups = (u.groups ?? []).filter((g) => g !== body.GroupName)));
        return {};
      },
      AdminListGroupsForUser: async (body) => {
        this.pool(body.UserPoolId);
        const user = users.get(body.Username);
        return { Groups: (user.groups ?? []).map((GroupName) => ({ GroupName, UserPoolId: this.userPoolId })) };
      },
    };
  }

  static async create(options: UserPoolOptions): Promise<LocalUserPool> {
    if (!/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/.test(options.userPoolId)) {
      throw new Error(`User pool id ${options.userPoolId} does not have Cognito's form <region>_<id>.`);
    }
    const users = new UserDirectory(poolNameOf(options.userPoolId), options.dataDir, options.caseSensitive ?? SIGN_IN_CASE_SENSITIVE);
    const tokens = await TokenIssuer.create(`${options.endpoint}/${options.userPoolId}`, options.dataDir, options.now);
    const clients = new AppClients(
      {
        clientId: options.clientId,
        clientName: 'email-otp-local',
        explicitAuthFlows: options.clientAuthFlows ?? PRODUCT_AUTH_FLOWS,
        preventUserExistenceErrors: options.preventUserExistenceErrors ?? true,
        authSessionValidityMinutes: options.authSessionValidityMinutes ?? 3,
        createdAt: Date.now(),
      },
      options.dataDir,
    );
    return new LocalUserPool(options, users, tokens, clients);
  }

  get userPoolId(): string {
    return this.options.userPoolId;
  }

  get region(): string {
    return this.options.region;
  }

  /** Auth sessions held right now (bounded; see auth-sessions.ts). */
  get openAuthSessions(): number {
    return this.flow.openSessions;
  }

  /** Creates a confirmed user (with a password when given) unless one with that email exists. */
  ensureUser(email: string, password?: string): LocalUser {
    const existing = this.users.find(email);
    if (existing) return existing;
    return this.users.create({
      email,
      attributes: [{ Name: 'email_verified', Value: 'true' }],
      password,
      status: 'CONFIRMED',
    });
  }

  private pool(userPoolId: unknown): void {
    if (userPoolId !== this.options.userPoolId) {
      throw resourceNotFound(`User pool ${String(userPoolId)} does not exist.`);
    }
  }
}

export function poolNameOf(userPoolId: string): string {
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}
