import { maskEmail } from '../../../triggers/mask-email.ts';
import { AuthFlow } from './auth-flow.ts';
import { invalidParameter, notAuthorized, resourceNotFound } from './errors.ts';
import { TokenIssuer } from './token-issuer.ts';
import type { AuthTriggers } from './trigger-runner.ts';
import { UserDirectory, attributeList, type AttributeType, type LocalUser } from './user-directory.ts';

export interface UserPoolOptions {
  readonly region: string;
  /** `<region>_<id>`, as Cognito forms them. */
  readonly userPoolId: string;
  readonly clientId: string;
  /** `http://127.0.0.1:<port>`; the issuer is `<endpoint>/<userPoolId>`. */
  readonly endpoint: string;
  readonly triggers: AuthTriggers | undefined;
  /** Users and signing keys are kept here across restarts; in memory only when undefined. */
  readonly dataDir: string | undefined;
  /** @default true, as the CDK construct creates the app client */
  readonly preventUserExistenceErrors?: boolean;
  /** @default 3 */
  readonly authSessionValidityMinutes?: number;
  readonly now?: () => number;
}

type Json = Record<string, unknown>;
export type Operation = (body: Json) => Promise<Json>;

const seconds = (ms: number) => ms / 1000;

function userRecord(user: LocalUser) {
  return {
    Username: user.username,
    Enabled: user.enabled,
    UserStatus: user.status,
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.updatedAt),
  };
}

/**
 * A Cognito user pool with one app client, answering the user-pool API operations the clients and the
 * tests use. Each operation takes and returns the JSON bodies of the wire protocol.
 */
export class LocalUserPool {
  readonly issuer: string;
  readonly operations: Readonly<Record<string, Operation>>;

  private constructor(
    private readonly options: UserPoolOptions,
    readonly users: UserDirectory,
    readonly tokens: TokenIssuer,
  ) {
    this.issuer = tokens.issuer;
    const flow = new AuthFlow({
      region: options.region,
      userPoolId: options.userPoolId,
      poolName: poolNameOf(options.userPoolId),
      preventUserExistenceErrors: options.preventUserExistenceErrors ?? true,
      authSessionValidityMinutes: options.authSessionValidityMinutes ?? 3,
      triggers: options.triggers,
      users,
      tokens,
      now: options.now ?? Date.now,
    });
    const findUser = (username: string) => users.find(username);

    this.operations = {
      InitiateAuth: async (body) => {
        const clientId = this.client(body.ClientId);
        const parameters = (typeof body.AuthParameters === 'object' && body.AuthParameters) || {};
        switch (body.AuthFlow) {
          case 'CUSTOM_AUTH':
            return flow.initiateCustomAuth(clientId, parameters as Json);
          case 'REFRESH_TOKEN_AUTH':
          case 'REFRESH_TOKEN': {
            const token = (parameters as Json).REFRESH_TOKEN;
            return { AuthenticationResult: await tokens.refresh(token, clientId, findUser), ChallengeParameters: {} };
          }
          case undefined:
            throw invalidParameter('Missing required parameter AuthFlow');
          default:
            throw invalidParameter(`${String(body.AuthFlow)} flow not enabled for this client`);
        }
      },
      RespondToAuthChallenge: async (body) => flow.respond(this.client(body.ClientId), body),
      GetTokensFromRefreshToken: async (body) => ({
        AuthenticationResult: await tokens.refresh(body.RefreshToken, this.client(body.ClientId), findUser),
      }),
      GetUser: async (body) => {
        const { username } = await tokens.verifyAccessToken(body.AccessToken);
        const user = users.get(username);
        return { Username: user.username, UserAttributes: attributeList(user) };
      },
      GlobalSignOut: async (body) => {
        const { username } = await tokens.verifyAccessToken(body.AccessToken);
        tokens.signOutEverywhere(username);
        return {};
      },
      RevokeToken: async (body) => {
        tokens.revokeRefreshToken(body.Token, this.client(body.ClientId));
        return {};
      },
      SignUp: async (body) => {
        this.client(body.ClientId);
        if (body.Password === undefined) throw invalidParameter('Missing required parameter Password');
        const user = users.create({
          email: body.Username,
          attributes: body.UserAttributes as AttributeType[] | undefined,
          password: body.Password,
          status: 'UNCONFIRMED',
        });
        return {
          UserConfirmed: false,
          UserSub: user.username,
          CodeDeliveryDetails: { Destination: maskEmail(user.attributes.email!), DeliveryMedium: 'EMAIL', AttributeName: 'email' },
        };
      },
      AdminCreateUser: async (body) => {
        this.pool(body.UserPoolId);
        const user = users.create({
          email: body.Username,
          attributes: body.UserAttributes as AttributeType[] | undefined,
          password: body.TemporaryPassword,
          status: 'FORCE_CHANGE_PASSWORD',
        });
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
        const changes = (Array.isArray(body.UserAttributes) ? body.UserAttributes : []) as AttributeType[];
        users.update(users.get(body.Username), (u) => {
          for (const { Name, Value } of changes) {
            if (typeof Name === 'string' && typeof Value === 'string' && Name !== 'sub') u.attributes[Name] = Value;
          }
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
    };
  }

  static async create(options: UserPoolOptions): Promise<LocalUserPool> {
    if (!/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/.test(options.userPoolId)) {
      throw new Error(`User pool id ${options.userPoolId} does not have Cognito's form <region>_<id>.`);
    }
    const users = new UserDirectory(poolNameOf(options.userPoolId), options.dataDir);
    const tokens = await TokenIssuer.create(`${options.endpoint}/${options.userPoolId}`, options.dataDir, options.now);
    return new LocalUserPool(options, users, tokens);
  }

  get userPoolId(): string {
    return this.options.userPoolId;
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

  private client(clientId: unknown): string {
    if (clientId !== this.options.clientId) {
      throw resourceNotFound(`User pool client ${String(clientId)} does not exist.`);
    }
    return clientId;
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

