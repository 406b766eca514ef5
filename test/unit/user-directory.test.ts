import { describe, expect, it } from 'vitest';
import { UserDirectory } from '../../infra/local/cognito/user-directory.ts';

const newUser = (users: UserDirectory, email: string) => users.create({ email, status: 'CONFIRMED' });

describe('users of the local pool are found by their current email address, case-insensitively', () => {
  it('by username or address, however the address is cased', () => {
    const users = new UserDirectory('Local1', undefined);
    const user = newUser(users, 'Someone@Example.com');
    newUser(users, 'other@example.com');
    expect(users.find(user.username)).toBe(user);
    expect(users.find('someone@example.com')).toBe(user);
    expect(users.find('SOMEONE@EXAMPLE.COM')).toBe(user);
  });

  it('by the new address after a change, no longer by the old one', () => {
    const users = new UserDirectory('Local1', undefined);
    const user = newUser(users, 'before@example.com');
    expect(users.find('before@example.com')).toBe(user);
    users.update(user, (u) => (u.attributes.email = 'after@example.com'));
    expect(users.find('before@example.com')).toBeUndefined();
    expect(users.find('after@example.com')).toBe(user);
  });

  it('not after deletion; a new account with the address is found instead', () => {
    const users = new UserDirectory('Local1', undefined);
    const first = newUser(users, 'again@example.com');
    expect(users.find('again@example.com')).toBe(first);
    users.delete(first);
    expect(users.find('again@example.com')).toBeUndefined();
    const second = newUser(users, 'again@example.com');
    expect(users.find('again@example.com')).toBe(second);
  });
});
