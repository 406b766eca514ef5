// The local pool's UsernameConfiguration.CaseSensitive: addresses match whatever their capitals only on a case-insensitive pool.
import { describe, expect, it } from 'vitest';
import { SIGN_IN_CASE_SENSITIVE } from '../../infra/pool-settings.ts';
import { UserDirectory } from '../../infra/local/cognito/user-directory.ts';

const newUser = (users: UserDirectory, email: string) => users.create({ email, status: 'CONFIRMED' });

describe('letter case of sign-in addresses follows the pool setting', () => {
  it("by default the pool is as the construct's: case-insensitive", () => {
    const users = new UserDirectory('Local1', undefined);
    expect(users.caseSensitive).toBe(SIGN_IN_CASE_SENSITIVE);
    expect(SIGN_IN_CASE_SENSITIVE).toBe(false);
    const user = newUser(users, 'alice@example.com');
    expect(users.find('Alice@Example.com')).toBe(user);
    expect(() => newUser(users, 'ALICE@example.com')).toThrow('An account with the given email already exists.');
  });

  it('on a case-sensitive pool another spelling of the capitals is an unknown user', () => {
    const users = new UserDirectory('Local1', undefined, true);
    const user = newUser(users, 'alice@example.com');
    expect(users.find('alice@example.com')).toBe(user);
    expect(users.find('Alice@Example.com')).toBeUndefined();
    expect(() => users.get('ALICE@EXAMPLE.COM')).toThrow('User does not exist.');
  });

  it('on a case-sensitive pool two addresses that differ only in capitals are two users', () => {
    const users = new UserDirectory('Local1', undefined, true);
    const lower = newUser(users, 'bob@example.com');
    const mixed = newUser(users, 'Bob@Example.com');
    expect(users.find('bob@example.com')).toBe(lower);
    expect(users.find('Bob@Example.com')).toBe(mixed);
    // The lookup cache cannot hand out one for the other.
    expect(users.find('bob@example.com')).toBe(lower);
  });

  it('names compare as the pool compares them', () => {
    expect(new UserDirectory('Local1', undefined, true).nameKey('Alice@Example.com')).toBe('Alice@Example.com');
    expect(new UserDirectory('Local1', undefined, false).nameKey('Alice@Example.com')).toBe('alice@example.com');
  });
});
