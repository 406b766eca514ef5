import { judgeAnswer, judgeLink, type CodeStore } from './code-store.ts';
import { withinSendableBounds } from './send-policy.ts';
import { EMPTY_STATE, type UserState } from './user-state.ts';

/** The store's semantics in memory, for fast tests of the policy. Every method is atomic (no await inside). */
export function createMemoryCodeStore(): CodeStore & { readonly items: Map<string, UserState> } {
  const items = new Map<string, UserState>();
  const get = (key: string) => items.get(key) ?? EMPTY_STATE;
  const put = (key: string, state: Omit<UserState, 'version'>) => items.set(key, { ...state, version: get(key).version + 1 });
  return {
    items,
    async read(key) {
      return get(key);
    },
    async claimIfSendable(key, bounds, pending) {
      const state = get(key);
      if (!withinSendableBounds(state, bounds)) return undefined;
      put(key, { ...state, pending });
      return state;
    },
    async claim(key, expectedVersion, pending) {
      const state = get(key);
      if (state.version !== expectedVersion) return false;
      put(key, { ...state, pending, undeliverable: undefined });
      return true;
    },
    async promote(key, pending, sentAt, sendTat) {
      const state = get(key);
      if (state.pending?.id !== pending.id) return false;
      put(key, {
        ...state,
        pending: undefined,
        code: { ...pending, attempts: 0, used: false },
        lastSentAt: sentAt,
        sendTat,
      });
      return true;
    },
    async abandon(key, pendingId) {
      const state = get(key);
      if (state.pending?.id === pendingId) put(key, { ...state, pending: undefined });
    },
    async answer(key, attempt) {
      const state = get(key);
      const verdict = judgeAnswer(state, attempt);
      if (verdict.kind !== 'admit') return verdict;
      const before = state.code!;
      const used = before.used || before.hash === attempt.guessHash;
      put(key, { ...state, guessTat: verdict.guessTat, code: { ...before, attempts: before.attempts + 1, used } });
      return { kind: 'counted', code: before };
    },
    async redeemLink(key, attempt) {
      const state = get(key);
      const verdict = judgeLink(state, attempt);
      if (verdict.kind === 'redeemed') put(key, { ...state, code: { ...state.code!, used: true } });
      return verdict;
    },
    async recordUndeliverable(key, record) {
      const state = get(key);
      if (state.undeliverable && state.undeliverable.at > record.at) return false;
      put(key, { ...state, undeliverable: record });
      return true;
    },
  };
}
