import { EXPLICIT_AUTH_FLOW_VALUES } from './app-clients.ts';
import { CognitoServiceError, invalidParameter } from './errors.ts';

/**
 * The request shapes of the operations the local endpoint speaks, checked the way AWS's JSON protocol
 * does before an operation runs: a member of the wrong JSON type is a SerializationException, a missing
 * or out-of-range member an InvalidParameterException ("1 validation error detected: ..."). `null` is an
 * absent member, and a null value inside a map is dropped (amazon-cognito-identity-js sends
 * `DEVICE_KEY: null`). Messages never echo a value, so nothing a client sends comes back unbounded.
 */
type Rule =
  | { readonly type: 'string'; readonly required?: boolean; readonly min?: number; readonly max?: number; readonly pattern?: RegExp; readonly values?: readonly string[] }
  | { readonly type: 'boolean'; readonly required?: boolean }
  | { readonly type: 'integer'; readonly required?: boolean; readonly min: number; readonly max: number }
  | { readonly type: 'stringMap'; readonly required?: boolean }
  | { readonly type: 'attributeList'; readonly required?: boolean }
  | { readonly type: 'stringList'; readonly required?: boolean; readonly values?: readonly string[] };

type Shape = Readonly<Record<string, Rule>>;

const CLIENT_ID: Rule = { type: 'string', required: true, min: 1, max: 128, pattern: /^[\w+]+$/ };
const USER_POOL_ID: Rule = { type: 'string', required: true, min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ };
const USERNAME: Rule = { type: 'string', required: true, min: 1, max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u };
/** AWS constrains a group name exactly as a username. */
const GROUP_NAME: Rule = USERNAME;
const TOKEN: Rule = { type: 'string', required: true, min: 1, max: 16_384, pattern: /^[A-Za-z0-9\-_=.]+$/ };
const PASSWORD: Rule = { type: 'string', max: 256 };
const SESSION: Rule = { type: 'string', min: 20, max: 2048 };
const METADATA: Rule = { type: 'stringMap' };

const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;
const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

const adminUser: Shape = { UserPoolId: USER_POOL_ID, Username: USERNAME };

export const REQUEST_SHAPES: Readonly<Record<string, Shape>> = {
  InitiateAuth: {
    AuthFlow: { type: 'string', required: true, values: AUTH_FLOWS },
    ClientId: CLIENT_ID,
    AuthParameters: { type: 'stringMap' },
    ClientMetadata: METADATA,
  },
  RespondToAuthChallenge: {
    ChallengeName: { type: 'string', required: true, values: CHALLENGE_NAMES },
    ClientId: CLIENT_ID,
    Session: SESSION,
    ChallengeResponses: { type: 'stringMap' },
    ClientMetadata: METADATA,
  },
  GetTokensFromRefreshToken: { RefreshToken: TOKEN, ClientId: CLIENT_ID, ClientSecret: { type: 'string', max: 128 }, ClientMetadata: METADATA },
  GetUser: { AccessToken: TOKEN },
  UpdateUserAttributes: { AccessToken: TOKEN, UserAttributes: { type: 'attributeList', required: true }, ClientMetadata: METADATA },
  GlobalSignOut: { AccessToken: TOKEN },
  RevokeToken: { Token: TOKEN, ClientId: CLIENT_ID, ClientSecret: { type: 'string', max: 128 } },
  SignUp: {
    ClientId: CLIENT_ID,
    Username: USERNAME,
    Password: PASSWORD,
    UserAttributes: { type: 'attributeList' },
    ValidationData: { type: 'attributeList' },
    ClientMetadata: METADATA,
  },
  AdminCreateUser: {
    ...adminUser,
    UserAttributes: { type: 'attributeList' },
    ValidationData: { type: 'attributeList' },
    TemporaryPassword: PASSWORD,
    ForceAliasCreation: { type: 'boolean' },
    MessageAction: { type: 'string', values: ['RESEND', 'SUPPRESS'] },
    DesiredDeliveryMediums: { type: 'stringList' },
    ClientMetadata: METADATA,
  },
  CreateUserPoolClient: {
    UserPoolId: USER_POOL_ID,
    ClientName: { type: 'string', required: true, min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/ },
    GenerateSecret: { type: 'boolean' },
    ExplicitAuthFlows: { type: 'stringList', values: EXPLICIT_AUTH_FLOW_VALUES },
    PreventUserExistenceErrors: { type: 'string', values: ['LEGACY', 'ENABLED'] },
    AuthSessionValidity: { type: 'integer', min: 3, max: 15 },
    EnableTokenRevocation: { type: 'boolean' },
  },
  DescribeUserPoolClient: { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID },
  AdminGetUser: adminUser,
  AdminConfirmSignUp: { ...adminUser, ClientMetadata: METADATA },
  AdminUpdateUserAttributes: { ...adminUser, UserAttributes: { type: 'attributeList', required: true }, ClientMetadata: METADATA },
  AdminSetUserPassword: { ...adminUser, Password: { ...PASSWORD, required: true }, Permanent: { type: 'boolean' } },
  AdminDisableUser: adminUser,
  AdminEnableUser: adminUser,
  AdminDeleteUser: adminUser,
  AdminAddUserToGroup: { ...adminUser, GroupName: GROUP_NAME },
  AdminRemoveUserFromGroup: { ...adminUser, GroupName: GROUP_NAME },
  AdminListGroupsForUser: { ...adminUser, Limit: { type: 'string' }, NextToken: { type: 'string' } },
};

/** The member name as AWS spells it in validation messages (`clientId`). */
const memberPath = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function jsonKind(value: unknown): 'string' | 'number' | 'boolean' | 'list' | 'map' {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return typeof value as 'string' | 'number' | 'boolean';
}

function notExpected(value: unknown, expected: string): CognitoServiceError {
  const kind = jsonKind(value);
  const message =
    kind === 'map'
      ? 'Start of structure or map found where not expected.'
      : kind === 'list'
        ? 'Start of list found where not expected'
        : `${kind === 'string' ? 'STRING_VALUE' : kind === 'number' ? 'NUMBER_VALUE' : 'BOOLEAN_VALUE'} can not be converted to ${expected}`;
  return new CognitoServiceError('SerializationException', message);
}

const violation = (name: string, constraint: string) =>
  invalidParameter(`1 validation error detected: Value at '${memberPath(name)}' failed to satisfy constraint: ${constraint}`);

function checkString(name: string, value: string, rule: Extract<Rule, { type: 'string' }>): void {
  const length = [...value].length;
  if (rule.min !== undefined && length < rule.min) throw violation(name, `Member must have length greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && length > rule.max) throw violation(name, `Member must have length less than or equal to ${rule.max}`);
  if (rule.values && !rule.values.includes(value)) throw violation(name, `Member must satisfy enum value set: [${rule.values.join(', ')}]`);
  if (rule.pattern && !rule.pattern.test(value)) throw violation(name, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notExpected(value, 'a map');
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) continue;
    if (typeof entry !== 'string') throw notExpected(entry, 'String');
    result[key] = entry;
  }
  return result;
}

function attributeList(name: string, value: unknown): Array<{ Name: string; Value?: string }> {
  if (!Array.isArray(value)) throw notExpected(value, 'a list');
  return value.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw notExpected(item, 'an AttributeType');
    const { Name, Value } = item as Record<string, unknown>;
    if (Name !== undefined && Name !== null && typeof Name !== 'string') throw notExpected(Name, 'String');
    if (Value !== undefined && Value !== null && typeof Value !== 'string') throw notExpected(Value, 'String');
    const path = `${name}.${index + 1}.member.name`;
    if (typeof Name !== 'string') throw invalidParameter(`1 validation error detected: Value null at '${memberPath(path)}' failed to satisfy constraint: Member must not be null`);
    checkString(path, Name, { type: 'string', min: 1, max: 32 });
    if (typeof Value === 'string') checkString(`${name}.${index + 1}.member.value`, Value, { type: 'string', max: 2048 });
    return typeof Value === 'string' ? { Name, Value } : { Name };
  });
}

/**
 * Checks `body` against the operation's shape and returns it with members normalized (nulls dropped).
 * Members the shape does not name are ignored, as AWS ignores them.
 */
export function checkRequest(operation: string, body: Record<string, unknown>): Record<string, unknown> {
  const shape = REQUEST_SHAPES[operation];
  if (!shape) return body;
  const checked: Record<string, unknown> = { ...body };
  for (const [name, rule] of Object.entries(shape)) {
    const value = body[name];
    if (value === undefined || value === null) {
      delete checked[name];
      if (rule.required) {
        throw invalidParameter(`1 validation error detected: Value null at '${memberPath(name)}' failed to satisfy constraint: Member must not be null`);
      }
      continue;
    }
    switch (rule.type) {
      case 'string':
        if (typeof value !== 'string') throw notExpected(value, 'String');
        checkString(name, value, rule);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') throw notExpected(value, 'Boolean');
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw notExpected(value, 'Integer');
        if (value < rule.min) throw violation(name, `Member must have value greater than or equal to ${rule.min}`);
        if (value > rule.max) throw violation(name, `Member must have value less than or equal to ${rule.max}`);
        break;
      case 'stringMap':
        checked[name] = stringMap(value);
        break;
      case 'attributeList':
        checked[name] = attributeList(name, value);
        break;
      case 'stringList':
        if (!Array.isArray(value)) throw notExpected(value, 'a list');
        for (const item of value) if (typeof item !== 'string') throw notExpected(item, 'String');
        if (rule.values && value.some((item: string) => !rule.values!.includes(item))) {
          throw violation(name, `Member must satisfy constraint: [Member must satisfy enum value set: [${rule.values.join(', ')}]]`);
        }
        break;
    }
  }
  return checked;
}
