/** Fixtures for the pure policy tests: the in-memory store, a fixed key, a settable clock, a recording mailer. */
import { parseCodeKeys } from '../../../triggers/domain/code-key.ts';
import { createMemoryCodeStore } from '../../../triggers/domain/memory-code-store.ts';
import type { IssueRequest } from '../../../triggers/domain/issue-code.ts';
import type { SendPolicy } from '../../../triggers/domain/send-policy.ts';

export const KEYS = parseCodeKeys(JSON.stringify({ current: 'k1', k1: 'a'.repeat(32), k0: 'b'.repeat(32) }), 'test');

/** The defaults of config.ts. */
export const POLICY: SendPolicy = {
  resendIntervalSeconds: 60,
  maxSendsPerHour: 5,
  sendWindowSeconds: 3_600,
  maxAttempts: 3,
  maxGuessesPerWindow: 100,
  guessWindowSeconds: 86_400,
  linksMailed: true,
};

/** The same without sign-in links (no SIGN_IN_LINK_URL, or two-step mode). */
export const NO_LINKS: SendPolicy = { ...POLICY, linksMailed: false };

export const T0 = Date.UTC(2026, 0, 1);

/** A store, a clock and an inbox for one user; `issue()` runs issueCode as Create does. */
export function world(policy: SendPolicy = POLICY) {
  const store = createMemoryCodeStore();
  const clock = { now: T0 };
  /** Codes mailed, and the sign-in link secret mailed with each. */
  const inbox: string[] = [];
  const links: (string | undefined)[] = [];
  let failNext = false;
  const request = (overrides: Partial<IssueRequest> = {}): IssueRequest => ({
    store,
    key: 'user#u',
    policy,
    keys: KEYS,
    codeLength: 6,
    codeTtlSeconds: 180,
    now: () => clock.now,
    deliver: async ({ code, linkSecret }) => {
      if (failNext) {
        failNext = false;
        throw new Error('SES refused');
      }
      inbox.push(code);
      links.push(linkSecret);
    },
    sleep: async (ms) => {
      clock.now += ms;
    },
    ...overrides,
  });
  return {
    store,
    clock,
    inbox,
    links,
    request,
    failNextSend() {
      failNext = true;
    },
    state: () => store.items.get('user#u'),
  };
}
