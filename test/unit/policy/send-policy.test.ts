import { describe, expect, it } from 'vitest';
import {
  decideSend,
  nextSendAllowedAt,
  PENDING_TIMEOUT_MS,
  sendableBounds,
  withinSendableBounds,
} from '../../../triggers/domain/send-policy.ts';
import { EMPTY_STATE, type StoredCode, type UserState } from '../../../triggers/domain/user-state.ts';
import { NO_LINKS, POLICY, T0 } from './fixtures.ts';

const code = (over: Partial<StoredCode> = {}): StoredCode => ({
  id: 'c1',
  hash: 'h',
  linkHash: 'l',
  keyId: 'k1',
  issuedAt: T0,
  expiresAt: T0 + 180_000,
  attempts: 0,
  used: false,
  ...over,
});
const sentAt = (at: number, over: Partial<UserState> = {}): UserState => ({ ...EMPTY_STATE, code: code({ issuedAt: at, expiresAt: at + 180_000 }), lastSentAt: at, sendTat: at + 720_000, version: 2, ...over });

describe('sends: a new sign-in inside the resend interval reuses the code already sent', () => {
  it('sends to a user with nothing stored', () => {
    expect(decideSend(EMPTY_STATE, T0, POLICY)).toEqual({ kind: 'send' });
  });
  it('without a link, reuses the live code inside the interval, and sends again after it', () => {
    const state = sentAt(T0, { code: code({ linkHash: undefined }) });
    expect(decideSend(state, T0 + 59_000, POLICY)).toEqual({ kind: 'reuse', code: state.code });
    expect(decideSend(state, T0 + 60_000, POLICY)).toEqual({ kind: 'send' });
  });
  it('with a link, reuses the code until it expires: opening the link starts a sign-in that must get its code', () => {
    const state = sentAt(T0);
    expect(decideSend(state, T0 + 179_999, POLICY)).toEqual({ kind: 'reuse', code: state.code });
    expect(nextSendAllowedAt(state, T0 + 60_000, POLICY)).toBe(T0 + 180_000);
    expect(decideSend(state, T0 + 180_000, POLICY)).toEqual({ kind: 'send' });
  });
  it('sends at once after a code was used to sign in', () => {
    const state = sentAt(T0, { code: code({ used: true }) });
    expect(decideSend(state, T0 + 1_000, POLICY)).toEqual({ kind: 'send' });
  });
  it('reuses a code whose typed guesses ran out while its link works, inside the interval', () => {
    const state = sentAt(T0, { code: code({ attempts: 3 }) });
    expect(decideSend(state, T0 + 10_000, POLICY)).toEqual({ kind: 'reuse', code: state.code });
  });
  it('refuses with the wait in whole seconds when the interval is on and the code cannot be used', () => {
    for (const spent of [code({ attempts: 3, linkHash: undefined }), code({ expiresAt: T0 + 5_000 })]) {
      const state = sentAt(T0, { code: spent });
      expect(decideSend(state, T0 + 10_000, POLICY)).toEqual({ kind: 'throttled', retryAfterSeconds: 50, reason: 'sends' });
    }
  });
});

describe('sends: capped per hour after a burst of 3', () => {
  it('allows three emails at once, then one per 12 minutes (5 an hour)', () => {
    let state: UserState = EMPTY_STATE;
    const policy = { ...POLICY, resendIntervalSeconds: 5 };
    const sends: number[] = [];
    for (let t = T0; t < T0 + 3_600_000; t += 5_000) {
      if (decideSend(state, t, policy).kind !== 'send') continue;
      sends.push(t);
      const allowedAfter = nextSendAllowedAt(state, t, policy); // the next send is charged from here
      expect(allowedAfter).toBe(t);
      const tat = Math.max(state.sendTat, t) + 720_000;
      state = { ...state, code: code({ issuedAt: t, expiresAt: t + 180_000, attempts: 3, linkHash: undefined }), lastSentAt: t, sendTat: tat };
    }
    expect(sends.length).toBeLessThanOrEqual(3 + 5);
    expect(sends.slice(0, 3)).toEqual([T0, T0 + 5_000, T0 + 10_000]);
  });
});

describe('sends: one email for parallel sign-ins; paced answers do not stop the email', () => {
  it('waits for a claim in flight, and takes over one older than the trigger budget', () => {
    const pending = { id: 'p', hash: 'h', linkHash: 'l', keyId: 'k1', issuedAt: T0, expiresAt: T0 + 180_000 };
    const state = { ...EMPTY_STATE, pending, version: 1 };
    expect(decideSend(state, T0 + PENDING_TIMEOUT_MS - 1, POLICY)).toEqual({ kind: 'wait' });
    expect(decideSend(state, T0 + PENDING_TIMEOUT_MS, POLICY)).toEqual({ kind: 'send' });
  });
  it('sends while the account\'s typed answers are paced: the link in the email is not paced', () => {
    const state = { ...EMPTY_STATE, guessTat: T0 + 10 * 3_600_000 };
    expect(decideSend(state, T0, POLICY)).toEqual({ kind: 'send' });
  });
  it('without links, refuses while the account is paced: the code could not be answered yet', () => {
    const state = { ...EMPTY_STATE, guessTat: T0 + 10 * 3_600_000 };
    expect(decideSend(state, T0, NO_LINKS)).toMatchObject({ kind: 'throttled', reason: 'guesses' });
  });
});

describe('the one-write claim: within its bounds, the policy always says send', () => {
  const states: UserState[] = [];
  for (const lastSent of [undefined, T0 - 120_000, T0 - 61_000, T0 - 60_000, T0 - 59_000, T0 - 1_000])
    for (const used of [false, true])
      for (const linkHash of [undefined, 'l'])
      for (const pendingAge of [undefined, 0, PENDING_TIMEOUT_MS - 1, PENDING_TIMEOUT_MS, 60_000])
        for (const sendTat of [0, T0, T0 + 1_440_000, T0 + 1_440_001, T0 + 3_000_000])
          for (const guessTat of [0, T0, T0 + 2_591_999, T0 + 2_600_000, T0 + 9_000_000])
            states.push({
              ...EMPTY_STATE,
              code: lastSent === undefined ? undefined : code({ issuedAt: lastSent, expiresAt: lastSent + 180_000, used, linkHash }),
              lastSentAt: lastSent,
              pending: pendingAge === undefined ? undefined : { id: 'p', hash: 'h', linkHash: 'l', keyId: 'k1', issuedAt: T0 - pendingAge, expiresAt: T0 + 1 },
              sendTat,
              guessTat,
              version: 3,
            });

  it.each([
    ['with links', POLICY],
    ['without links', NO_LINKS],
  ])(`%s, holds over ${states.length} stored states, and the bounds admit every send but the just-used code's`, (_name, policy) => {
    const bounds = sendableBounds(T0, policy);
    let admitted = 0;
    for (const state of states) {
      const send = decideSend(state, T0, policy).kind === 'send';
      if (withinSendableBounds(state, bounds)) {
        admitted += 1;
        expect(send, JSON.stringify(state)).toBe(true);
      } else if (send) {
        // The one case left to the read: a code used moments ago, inside the interval or its link's lifetime.
        const recent = state.lastSentAt! > bounds.lastSentBy || state.code!.expiresAt > bounds.linkedCodeExpiredBy;
        expect(state.code?.used && recent, JSON.stringify(state)).toBe(true);
      }
    }
    expect(admitted).toBeGreaterThan(0);
  });
});
