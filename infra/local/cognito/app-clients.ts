// The app clients of the local pool, each with the auth flows it allows, and the check InitiateAuth makes against them.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_CLIENT_AUTH_FLOWS } from '../../pool-settings.ts';
import { readJsonFile, writeJsonFile } from '../json-file.ts';
import { invalidParameter, resourceNotFound } from './errors.ts';

export interface AppClient {
  readonly clientId: string;
  readonly clientName: string;
  /** `ALLOW_*` values, as `DescribeUserPoolClient` returns them. */
  readonly explicitAuthFlows: readonly string[];
  readonly preventUserExistenceErrors: boolean;
  readonly authSessionValidityMinutes: number;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** The `ALLOW_*` value each `InitiateAuth` flow needs, and Cognito's words when the client does not list it. */
const FLOW_PERMISSIONS: Readonly<Record<string, { readonly allow: string; readonly refusal: string }>> = {
  CUSTOM_AUTH: { allow: 'ALLOW_CUSTOM_AUTH', refusal: 'CUSTOM_AUTH is not enabled for the client.' },
  USER_SRP_AUTH: { allow: 'ALLOW_USER_SRP_AUTH', refusal: 'USER_SRP_AUTH is not enabled for the client.' },
  USER_PASSWORD_AUTH: { allow: 'ALLOW_USER_PASSWORD_AUTH', refusal: 'USER_PASSWORD_AUTH flow not enabled for this client' },
  // No first-hand AWS text found for refresh; this follows the SRP and custom wording (see the docs notes).
  REFRESH_TOKEN_AUTH: { allow: 'ALLOW_REFRESH_TOKEN_AUTH', refusal: 'REFRESH_TOKEN_AUTH is not enabled for the client.' },
  REFRESH_TOKEN: { allow: 'ALLOW_REFRESH_TOKEN_AUTH', refusal: 'REFRESH_TOKEN_AUTH is not enabled for the client.' },
  USER_AUTH: { allow: 'ALLOW_USER_AUTH', refusal: 'USER_AUTH is not enabled for the client.' },
};

/** The `ALLOW_*` values the local endpoint accepts; the legacy names without the prefix are refused. */
export const ALLOW_FLOW_VALUES = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
] as const;
/** Legacy values AWS still takes (and cannot be mixed with ALLOW_*); the local endpoint does not model them. */
const LEGACY_FLOW_VALUES = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'] as const;
export const EXPLICIT_AUTH_FLOW_VALUES = [...LEGACY_FLOW_VALUES, ...ALLOW_FLOW_VALUES] as const;

/**
 * Checks an app client's flow list as CreateUserPoolClient does: refresh must stay allowed (the local endpoint has no
 * refresh-token rotation, the only setting AWS takes without it) and only `ALLOW_*` values are modelled.
 */
export function checkExplicitAuthFlows(flows: readonly string[]): readonly string[] {
  if (flows.some((flow) => (LEGACY_FLOW_VALUES as readonly string[]).includes(flow))) {
    throw invalidParameter('The local stack models only the ALLOW_* values of ExplicitAuthFlows; use them instead of the legacy names.');
  }
  if (!flows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw invalidParameter('REFRESH_TOKEN_AUTH should always be allowed.');
  return [...new Set(flows)];
}

/**
 * Refuses an `InitiateAuth` flow the client does not allow, before any user is looked up (as Cognito does:
 * the same answer for known and unknown users). The admin flows belong to AdminInitiateAuth.
 */
export function requireAuthFlow(client: AppClient, authFlow: string): void {
  const permission = FLOW_PERMISSIONS[authFlow];
  if (!permission) throw invalidParameter('Initiate Auth method not supported');
  if (!client.explicitAuthFlows.includes(permission.allow)) throw invalidParameter(permission.refusal);
}

const CLIENT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 26 lower-case letters and digits, the form of Cognito's client ids. */
function newClientId(): string {
  return [...randomBytes(26)].map((byte) => CLIENT_ID_ALPHABET[byte % CLIENT_ID_ALPHABET.length]).join('');
}

/**
 * The pool's app clients: the stack's own (rebuilt from its settings at every start) and those made with
 * CreateUserPoolClient, which are kept in `clients.json` in the data folder.
 */
export class AppClients {
  private readonly clients = new Map<string, AppClient>();
  private readonly file: string | undefined;
  private readonly ownClientId: string;

  constructor(own: AppClient, dataDir: string | undefined) {
    this.file = dataDir ? join(dataDir, 'clients.json') : undefined;
    for (const client of (this.file && readJsonFile<AppClient[]>(this.file)) || []) this.clients.set(client.clientId, client);
    this.ownClientId = own.clientId;
    this.clients.set(own.clientId, { ...own, explicitAuthFlows: checkExplicitAuthFlows(own.explicitAuthFlows) });
  }

  get(clientId: unknown): AppClient {
    const client = typeof clientId === 'string' ? this.clients.get(clientId) : undefined;
    if (!client) throw resourceNotFound(`User pool client ${String(clientId)} does not exist.`);
    return client;
  }

  create(options: {
    clientName: string;
    explicitAuthFlows: readonly string[] | undefined;
    preventUserExistenceErrors: boolean;
    authSessionValidityMinutes: number;
  }): AppClient {
    const client: AppClient = {
      clientId: newClientId(),
      clientName: options.clientName,
      explicitAuthFlows: options.explicitAuthFlows ? checkExplicitAuthFlows(options.explicitAuthFlows) : [...DEFAULT_CLIENT_AUTH_FLOWS],
      preventUserExistenceErrors: options.preventUserExistenceErrors,
      authSessionValidityMinutes: options.authSessionValidityMinutes,
      createdAt: Date.now(),
    };
    this.clients.set(client.clientId, client);
    if (this.file) writeJsonFile(this.file, [...this.clients.values()].filter((c) => c.clientId !== this.ownClientId));
    return client;
  }
}
