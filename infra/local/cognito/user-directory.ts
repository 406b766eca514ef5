import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from '../json-file.ts';
import { CognitoServiceError, invalidParameter, userNotFound } from './errors.ts';
import { SIGN_IN_CASE_SENSITIVE } from '../../pool-settings.ts';
import { createPasswordVerifier, type PasswordVerifier } from './srp.ts';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';

export interface LocalUser {
  /** Canonical username: a UUID, as in a pool whose sign-in name is the email address. */
  readonly username: string;
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  /** SRP salt and verifier; the password itself is never kept. */
  password?: PasswordVerifier;
  /** Group names, as AdminAddUserToGroup sets them. */
  groups?: string[];
  readonly createdAt: number;
  updatedAt: number;
}

export interface AttributeType {
  Name?: string;
  Value?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Cognito's default password policy: 8+ characters with lower and upper case, a digit and a symbol. */
export function checkPassword(password: unknown): string {
  if (typeof password !== 'string') throw invalidParameter('Missing required parameter Password');
  const problems: string[] = [];
  if (password.length < 8) problems.push('Password not long enough');
  if (!/[a-z]/.test(password)) problems.push('Password must have lowercase characters');
  if (!/[A-Z]/.test(password)) problems.push('Password must have uppercase characters');
  if (!/[0-9]/.test(password)) problems.push('Password must have numeric characters');
  if (!/[^a-zA-Z0-9]/.test(password)) problems.push('Password must have symbol characters');
  if (problems.length) {
    throw new CognitoServiceError('InvalidPasswordException', `Password did not conform with policy: ${problems[0]}`);
  }
  return password;
}

/**
 * The users of the local pool, kept in memory and saved to `users.json` in the data folder after every
 * change. Users sign in with their email address; the pool's username is a UUID (`sub`).
 */
export class UserDirectory {
  private readonly users = new Map<string, LocalUser>();
  /**
   * Email (lower-cased unless the pool is case-sensitive) -> the user last found by it: every request of a sign-in looks its user up by address, and
   * scanning the whole pool each time made the endpoint slower the more users it held. An entry counts only while
   * that user is still in the pool with that address, so a change made anywhere needs no bookkeeping here.
   */
  private readonly byEmail = new Map<string, LocalUser>();
  private readonly file: string | undefined;

  constructor(
    private readonly poolName: string,
    dataDir: string | undefined,
    /** `UsernameConfiguration.CaseSensitive`: when true, `Alice@x.com` does not find `alice@x.com` (as on AWS). */
    readonly caseSensitive: boolean = SIGN_IN_CASE_SENSITIVE,
  ) {
    this.file = dataDir ? join(dataDir, 'users.json') : undefined;
    for (const user of (this.file && readJsonFile<LocalUser[]>(this.file)) || []) {
      // Earlier versions kept groups as a `cognito:groups` attribute, which no request may write.
      const legacyGroups = user.attributes['cognito:groups'];
      if (legacyGroups !== undefined) {
        user.groups = [...new Set([...(user.groups ?? []), ...legacyGroups.split(',').filter(Boolean)])];
        delete user.attributes['cognito:groups'];
      }
      this.users.set(user.username, user);
      this.remember(user);
    }
  }

  /** Notes a user under its address (the first user wins, as a scan of the pool would find it). */
  private remember(user: LocalUser): void {
    const email = user.attributes.email;
    if (email !== undefined && !this.byEmail.has(this.nameKey(email))) this.byEmail.set(this.nameKey(email), user);
  }

  get size(): number {
    return this.users.size;
  }

  checkPassword(password: unknown): string {
    return checkPassword(password);
  }

  /** The form two sign-in names are compared in: as typed on a case-sensitive pool, else lower-cased. */
  nameKey(name: string): string {
    return this.caseSensitive ? name : name.toLowerCase();
  }

  /** By username or, as Cognito allows with email sign-in, by email address (letter case as the pool's setting). */
  find(name: unknown): LocalUser | undefined {
    if (typeof name !== 'string' || name === '') return undefined;
    const direct = this.users.get(name);
    if (direct) return direct;
    const email = this.nameKey(name);
    const matches = (user: LocalUser) => user.attributes.email !== undefined && this.nameKey(user.attributes.email) === email;
    const known = this.byEmail.get(email);
    if (known && this.users.get(known.username) === known && matches(known)) return known;
    this.byEmail.delete(email);
    for (const user of this.users.values()) {
      if (matches(user)) {
        this.byEmail.set(email, user);
        return user;
      }
    }
    return undefined;
  }

  get(name: unknown): LocalUser {
    const user = this.find(name);
    if (!user) throw userNotFound();
    return user;
  }

  /** The checks `create` makes, for callers that run a trigger between checking and creating. */
  checkNew(email: unknown, password: unknown): void {
    const address = typeof email === 'string' ? email.trim() : '';
    if (!EMAIL.test(address)) throw invalidParameter('Username should be an email.');
    if (this.find(address)) throw new CognitoServiceError('UsernameExistsException', 'An account with the given email already exists.');
    if (password !== undefined) checkPassword(password);
  }

  create(options: {
    email: unknown;
    attributes?: AttributeType[] | undefined;
    password?: unknown;
    status: UserStatus;
    /** A UUID chosen before a pre sign-up trigger saw it; a new one by default. */
    username?: string;
  }): LocalUser {
    this.checkNew(options.email, options.password);
    const email = (options.email as string).trim();
    const password = options.password === undefined ? undefined : (options.password as string);
    const username = options.username ?? randomUUID();
    const attributes: Record<string, string> = {};
    for (const { Name, Value } of options.attributes ?? []) {
      if (typeof Name === 'string' && typeof Value === 'string' && Name !== 'sub') attributes[Name] = Value;
    }
    Object.assign(attributes, { sub: username, email, email_verified: attributes.email_verified ?? 'false' });
    const now = Date.now();
    const user: LocalUser = { username, attributes, status: options.status, enabled: true, createdAt: now, updatedAt: now };
    if (password !== undefined) user.password = createPasswordVerifier(this.poolName, username, password);
    this.users.set(username, user);
    this.remember(user);
    this.save();
    return user;
  }

  update(user: LocalUser, change: (user: LocalUser) => void): LocalUser {
    change(user);
    user.updatedAt = Date.now();
    this.save();
    return user;
  }

  setPassword(user: LocalUser, password: unknown, permanent: boolean): LocalUser {
    const checked = checkPassword(password);
    return this.update(user, (u) => {
      u.password = createPasswordVerifier(this.poolName, u.username, checked);
      if (permanent) u.status = 'CONFIRMED';
    });
  }

  delete(user: LocalUser): void {
    this.users.delete(user.username);
    this.save();
  }

  private save(): void {
    if (this.file) writeJsonFile(this.file, [...this.users.values()]);
  }
}

export function attributeList(user: LocalUser): Array<{ Name: string; Value: string }> {
  return Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));
}

