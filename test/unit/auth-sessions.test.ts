import { describe, expect, it } from 'vitest';
import { AuthSessions } from '../../infra/local/cognito/auth-sessions.ts';

const subject = { userName: 'u-1', userAttributes: {}, userNotFound: true, clientId: 'c' };
const open = (sessions: AuthSessions) =>
  sessions.open({ subject, history: [], srpA: undefined, pending: { name: 'CUSTOM_CHALLENGE', privateParameters: {}, metadata: null } }, 3);

describe('auth sessions of the local endpoint', () => {
  it('keep at most their capacity: a flood of sign-ins drops the oldest, not memory', () => {
    const sessions = new AuthSessions(Date.now, 100);
    const tokens = Array.from({ length: 250 }, () => open(sessions));
    expect(sessions.size).toBe(100);
    expect(() => sessions.take(tokens[0], () => undefined)).toThrow('Invalid session for the user.');
    expect(sessions.take(tokens.at(-1), () => undefined).subject).toEqual(subject);
  });

  it('a rejected presentation leaves the session usable; an accepted one uses it up', () => {
    const sessions = new AuthSessions(Date.now);
    const token = open(sessions);
    expect(() =>
      sessions.take(token, () => {
        throw new Error('wrong user');
      }),
    ).toThrow('wrong user');
    sessions.take(token, () => undefined);
    expect(() => sessions.take(token, () => undefined)).toThrow('Invalid session for the user.');
  });

  it('an expired session reads as expired', () => {
    let now = 0;
    const sessions = new AuthSessions(() => now);
    const token = open(sessions);
    now = 3 * 60_000;
    expect(() => sessions.take(token, () => undefined)).toThrow('Invalid session for the user, session is expired.');
  });
});
