import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type CryptoKey } from 'jose';
import { readJsonFile, writeJsonFile } from '../json-file.ts';
import { notAuthorized } from './errors.ts';
import type { LocalUser } from './user-directory.ts';

const TOKEN_LIFETIME_SECONDS = 3600;
const REFRESH_LIFETIME_SECONDS = 30 * 24 * 3600;

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

interface StoredKeys {
  readonly id: JWK;
  readonly access: JWK;
}

/** Attributes that go into the ID token as JSON booleans or numbers rather than strings. */
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);
const NUMBER_ATTRIBUTES = new Set(['updated_at']);

/** The readable attributes as ID-token claims, typed as Cognito types them. */
function attributeClaims(attributes: Record<string, string>): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'sub' || name.startsWith('cognito:')) continue;
    if (BOOLEAN_ATTRIBUTES.has(name)) claims[name] = value === 'true';
    else if (NUMBER_ATTRIBUTES.has(name) && /^\d+$/.test(value)) claims[name] = Number(value);
    else claims[name] = value;
  }
  return claims;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What `sign-ins.json` holds: sign-ins with their state, and refresh tokens only as hashes. */
interface StoredSignIns {
  readonly families: SignInFamily[];
  /** sha256(refresh token) -> origin_jti */
  readonly refreshTokens: Record<string, string>;
}

/** One sign-in: the tokens of every refresh share its `origin_jti`, `event_id` and `auth_time`. */
interface SignInFamily {
  readonly originJti: string;
  readonly eventId: string;
  readonly username: string;
  readonly clientId: string;
  /** Epoch seconds. */
  readonly authTime: number;
  readonly refreshExpiresAt: number;
  revoked: boolean;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

async function loadOrCreateKey(stored: JWK | undefined): Promise<{ key: SigningKey; jwk: JWK }> {
  let jwk = stored;
  if (!jwk) {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  }
  const privateKey = (await importJWK(jwk, 'RS256')) as CryptoKey;
  const { kty, n, e, kid, alg, use } = jwk;
  return { key: { kid: kid!, privateKey, publicJwk: { kty, n, e, kid, alg, use } }, jwk };
}

/**
 * Signs Cognito-shaped RS256 ID and access tokens (each with its own key and `kid`), keeps the opaque
 * refresh tokens and the sign-out state. Signing keys persist in `keys.json` and sign-ins (with their
 * revocations, and refresh tokens as hashes) in `sign-ins.json`, so a restart neither signs anyone out
 * nor brings a revoked token back: an access token whose sign-in is not on record is refused.
 */
export class TokenIssuer {
  private readonly families = new Map<string, SignInFamily>();
  /** sha256(refresh token) -> origin_jti */
  private readonly refreshTokens = new Map<string, string>();

  private constructor(
    readonly issuer: string,
    private readonly idKey: SigningKey,
    private readonly accessKey: SigningKey,
    private readonly now: () => number,
    private readonly signInsFile: string | undefined,
  ) {
    const stored = signInsFile ? readJsonFile<StoredSignIns>(signInsFile) : undefined;
    for (const family of stored?.families ?? []) this.families.set(family.originJti, family);
    for (const [hash, originJti] of Object.entries(stored?.refreshTokens ?? {})) this.refreshTokens.set(hash, originJti);
  }

  static async create(issuer: string, dataDir: string | undefined, now: () => number = Date.now): Promise<TokenIssuer> {
    const file = dataDir ? join(dataDir, 'keys.json') : undefined;
    const stored = file ? readJsonFile<StoredKeys>(file) : undefined;
    const id = await loadOrCreateKey(stored?.id);
    const access = await loadOrCreateKey(stored?.access);
    if (file && !stored) writeJsonFile(file, { id: id.jwk, access: access.jwk } satisfies StoredKeys);
    return new TokenIssuer(issuer, id.key, access.key, now, dataDir ? join(dataDir, 'sign-ins.json') : undefined);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.idKey.publicJwk, this.accessKey.publicJwk] };
  }

  /** Tokens for a completed sign-in, with a new refresh token. */
  async signIn(user: LocalUser, clientId: string): Promise<AuthenticationResult> {
    const nowSeconds = Math.floor(this.now() / 1000);
    const family: SignInFamily = {
      originJti: randomUUID(),
      eventId: randomUUID(),
      username: user.username,
      clientId,
      authTime: nowSeconds,
      refreshExpiresAt: nowSeconds + REFRESH_LIFETIME_SECONDS,
      revoked: false,
    };
    this.families.set(family.originJti, family);
    const refreshToken = randomBytes(96).toString('base64url');
    this.refreshTokens.set(hashToken(refreshToken), family.originJti);
    this.save();
    return { ...(await this.sign(user, family)), RefreshToken: refreshToken };
  }

  /** New ID and access tokens for a refresh token; no new refresh token (as REFRESH_TOKEN_AUTH). */
  async refresh(refreshToken: unknown, clientId: unknown, findUser: (username: string) => LocalUser | undefined) {
    const family = this.familyOf(refreshToken);
    if (family.clientId !== clientId) throw notAuthorized('Invalid Refresh Token');
    const user = findUser(family.username);
    if (!user) throw notAuthorized('Refresh Token has been revoked');
    if (!user.enabled) throw notAuthorized('User is disabled.');
    return this.sign(user, family);
  }

  /** Verifies an access token from this pool: signature, expiry, use, and that it was not signed out. */
  async verifyAccessToken(token: unknown): Promise<{ username: string; originJti: string }> {
    if (typeof token !== 'string' || token === '') throw notAuthorized('Invalid Access Token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.accessKey.publicJwk, {
        issuer: this.issuer,
        algorithms: ['RS256'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw notAuthorized((error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'Access Token has expired' : 'Invalid Access Token');
    }
    if (payload.token_use !== 'access') throw notAuthorized('Invalid Access Token');
    const originJti = String(payload.origin_jti);
    const family = this.families.get(originJti);
    if (!family || family.revoked) throw notAuthorized('Access Token has been revoked');
    return { username: String(payload.username), originJti };
  }

  /** RevokeToken: ends the sign-in the refresh token belongs to. */
  revokeRefreshToken(refreshToken: unknown, clientId: unknown): void {
    const family = this.familyOf(refreshToken, true);
    if (family.clientId !== clientId) throw notAuthorized('Invalid Refresh Token');
    family.revoked = true;
    this.save();
  }

  /** GlobalSignOut: ends every sign-in of the user. */
  signOutEverywhere(username: string): void {
    for (const family of this.families.values()) if (family.username === username) family.revoked = true;
    this.save();
  }

  private familyOf(refreshToken: unknown, allowRevoked = false): SignInFamily {
    const originJti = typeof refreshToken === 'string' ? this.refreshTokens.get(hashToken(refreshToken)) : undefined;
    const family = originJti ? this.families.get(originJti) : undefined;
    if (!family || family.refreshExpiresAt * 1000 < this.now()) throw notAuthorized('Invalid Refresh Token');
    if (family.revoked && !allowRevoked) throw notAuthorized('Refresh Token has been revoked');
    return family;
  }

  private async sign(user: LocalUser, family: SignInFamily): Promise<AuthenticationResult> {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + TOKEN_LIFETIME_SECONDS;
    const common = {
      sub: user.username,
      iss: this.issuer,
      origin_jti: family.originJti,
      event_id: family.eventId,
      auth_time: family.authTime,
      iat,
      exp,
    };
    const groups = user.groups?.length ? { 'cognito:groups': [...user.groups] } : {};
    const idClaims = {
      ...attributeClaims(user.attributes),
      ...common,
      ...groups,
      aud: family.clientId,
      token_use: 'id',
      jti: randomUUID(),
      'cognito:username': user.username,
    };
    const accessClaims = {
      ...common,
      ...groups,
      client_id: family.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      jti: randomUUID(),
      username: user.username,
      version: 2,
    };
    const [IdToken, AccessToken] = await Promise.all([
      new SignJWT(idClaims).setProtectedHeader({ kid: this.idKey.kid, alg: 'RS256' }).sign(this.idKey.privateKey),
      new SignJWT(accessClaims).setProtectedHeader({ kid: this.accessKey.kid, alg: 'RS256' }).sign(this.accessKey.privateKey),
    ]);
    return { AccessToken, IdToken, ExpiresIn: TOKEN_LIFETIME_SECONDS, TokenType: 'Bearer' };
  }

  /** Keeps sign-ins whose refresh token still lives; a revoked one outlives its last access token. */
  private save(): void {
    if (!this.signInsFile) return;
    const nowSeconds = Math.floor(this.now() / 1000);
    for (const [originJti, family] of this.families) {
      if (family.refreshExpiresAt < nowSeconds) this.families.delete(originJti);
    }
    for (const [hash, originJti] of this.refreshTokens) if (!this.families.has(originJti)) this.refreshTokens.delete(hash);
    writeJsonFile(this.signInsFile, {
      families: [...this.families.values()],
      refreshTokens: Object.fromEntries(this.refreshTokens),
    } satisfies StoredSignIns);
  }
}
