import { describe, expect, it } from 'vitest';
import { hashCode, hashLinkSecret } from '../../../triggers/domain/code.ts';
import { GuessRateExceededError, SendRateExceededError } from '../../../triggers/domain/errors.ts';
import { issueCode, type MailedSecrets } from '../../../triggers/domain/issue-code.ts';
import { KEYS, NO_LINKS, world } from './fixtures.ts';

describe('issuing: a code is offered only once SES accepted it', () => {
  it('mails a new code, stores only its keyed hash, and offers it', async () => {
    const w = world();
    const result = await issueCode(w.request());
    expect(result.kind).toBe('sent');
    expect(w.inbox).toHaveLength(1);
    const stored = w.state()!.code!;
    expect(stored).toEqual(result.code);
    expect(stored.hash).toBe(hashCode(KEYS.key('k1')!, stored.id, w.inbox[0]!));
    expect(stored.linkHash).toBe(hashLinkSecret(KEYS.key('k1')!, stored.id, w.links[0]!));
    expect(w.links[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(w.state())).not.toContain(w.inbox[0]);
    expect(JSON.stringify(w.state())).not.toContain(w.links[0]);
    expect(w.state()!.pending).toBeUndefined();
  });

  it('offers nothing and charges nothing when SES refuses, and the previous code stays valid', async () => {
    const w = world();
    const first = await issueCode(w.request());
    w.clock.now += 181_000; // past its link's lifetime: a new code may replace it
    w.failNextSend();
    await expect(issueCode(w.request())).rejects.toThrow('SES refused');
    expect(w.state()!.code).toEqual(first.code);
    expect(w.state()!.pending).toBeUndefined();
    expect(w.state()!.lastSentAt).toBe(first.code.issuedAt);
  });

  it('takes over a claim whose Create died mid-send once the trigger budget is past', async () => {
    const w = world();
    await w.store.claim('user#u', 0, { id: 'dead', hash: 'ab', linkHash: undefined, keyId: 'k1', issuedAt: w.clock.now, expiresAt: w.clock.now + 180_000 });
    const result = await issueCode(w.request()); // waits (the fixture's sleep moves the clock), then mails its own
    expect(result.kind).toBe('sent');
    expect(result.code.id).not.toBe('dead');
    expect(w.inbox).toHaveLength(1);
  });
});

describe('issuing: a new sign-in inside the interval reuses the code; limits say how long to wait', () => {
  it('reuses the live code for a second sign-in, without mailing', async () => {
    const w = world();
    const first = await issueCode(w.request());
    w.clock.now += 10_000;
    const second = await issueCode(w.request());
    // Until its link expires, not only the resend interval: opening the link must find this code.
    expect(second).toMatchObject({ kind: 'reused', code: first.code, resendAt: first.code.expiresAt });
    expect(w.inbox).toHaveLength(1);
  });

  it('mails a new code at once after the last one was used', async () => {
    const w = world();
    await issueCode(w.request());
    const state = w.state()!;
    w.store.items.set('user#u', { ...state, code: { ...state.code!, used: true } });
    w.clock.now += 1_000;
    expect((await issueCode(w.request())).kind).toBe('sent');
    expect(w.inbox).toHaveLength(2);
  });

  it('without links, refuses another email inside the interval once the code has no guesses left, in whole seconds', async () => {
    const w = world(NO_LINKS);
    await issueCode(w.request());
    const state = w.state()!;
    w.store.items.set('user#u', { ...state, code: { ...state.code!, attempts: 3 } });
    w.clock.now += 20_000;
    const refused = await issueCode(w.request()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SendRateExceededError);
    expect((refused as SendRateExceededError).retryAfterSeconds).toBe(40);
  });

  it('with links, still offers a code whose typed guesses ran out (its link works), without mailing', async () => {
    const w = world();
    const first = await issueCode(w.request());
    const state = w.state()!;
    w.store.items.set('user#u', { ...state, code: { ...state.code!, attempts: 3 } });
    w.clock.now += 20_000;
    const second = await issueCode(w.request());
    expect(second).toMatchObject({ kind: 'reused', code: { id: first.code.id, attempts: 3 } });
    expect(w.inbox).toHaveLength(1);
  });

  it('without links, mails nothing while the account is paced after many answers', async () => {
    const w = world(NO_LINKS);
    w.store.items.set('user#u', { ...(await w.store.read('user#u')), guessTat: w.clock.now + 86_400_000, version: 1 });
    await expect(issueCode(w.request())).rejects.toBeInstanceOf(GuessRateExceededError);
    expect(w.inbox).toHaveLength(0);
  });

  it('mails a code while the account\'s typed answers are paced: the inbox gets a link that pacing does not stop', async () => {
    const w = world();
    w.store.items.set('user#u', { ...(await w.store.read('user#u')), guessTat: w.clock.now + 86_400_000, version: 1 });
    expect((await issueCode(w.request())).kind).toBe('sent');
    expect(w.inbox).toHaveLength(1);
    expect(w.links[0]).toBeDefined();
  });
});

describe('issuing: parallel sign-ins get one email', () => {
  it('twenty Creates at once mail one code and all offer it', async () => {
    const w = world();
    // SES takes a while: every other Create sees the claim in flight and waits for it.
    let release!: () => void;
    const accepted = new Promise<void>((resolve) => (release = resolve));
    const base = w.request();
    const slow = { ...base, deliver: async (secrets: MailedSecrets) => (await accepted, base.deliver(secrets)), sleep: () => new Promise<void>((r) => setTimeout(r, 1)) };
    const results = Promise.all(Array.from({ length: 20 }, () => issueCode(slow)));
    setTimeout(release, 20);
    const issued = await results;
    expect(w.inbox).toHaveLength(1);
    expect(new Set(issued.map((r) => r.code.id)).size).toBe(1);
    expect(issued.filter((r) => r.kind === 'sent')).toHaveLength(1);
  });
});
