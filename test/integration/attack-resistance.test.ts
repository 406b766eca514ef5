import { createHmac, createHash } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awsClientOptions } from '../../triggers/aws/aws-clients.ts';
import type { Config } from '../../triggers/domain/config.ts';
import { hashCode, hashLinkSecret } from '../../triggers/domain/code.ts';
import { CodeStoreError, GuessRateExceededError, MailerError, SendRateExceededError } from '../../triggers/domain/errors.ts';
import { createSesMailer } from '../../triggers/aws/mailer.ts';
import { createDynamoSharedSendTime } from '../../triggers/aws/dynamo-code-store.ts';
import { createSendTiming, type SendTiming } from '../../triggers/domain/send-timing.ts';
import { createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { testClock, wrongFor } from '../helpers/test-clock.ts';
import { ITEM_KEY_PREFIX, TABLE_PARTITION_KEY, absentUserItemKey, userItemKey } from '../../triggers/contracts/table-item.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());



const keyFile = (t: { config: Config }) => (t.config.codeKeySource as { path: string }).path;
const keyOf = (t: { config: Config }) => JSON.parse(readFileSync(keyFile(t), 'utf8')) as Record<string, string>;

describe('a copy of the table does not tell which addresses were tried for unknown users', () => {
  it('the unknown user\'s item key is keyed by the server key: a dictionary of addresses finds nothing without it', async () => {
    const t = await triggersOn(aws);
    const tried = `Stranger.${Date.now()}@Example.com`;
    await t.create(createEvent({ userName: tried, userNotFound: true }));
    const { Items = [] } = await new DynamoDBClient({ endpoint: aws.dynamodbUrl }).send(new ScanCommand({ TableName: t.tableName }));
    const keys = Items.map((item) => String(item[TABLE_PARTITION_KEY]?.S));
    const absent = keys.filter((k) => k.startsWith(ITEM_KEY_PREFIX.absentUser));
    expect(absent.length).toBeGreaterThan(0);
    expect(JSON.stringify(Items).toLowerCase()).not.toContain(tried.toLowerCase());
    // The attacker's dictionary: the address in every spelling, hashed bare (as before) or with anything in the table as key.
    const spellings = [tried, tried.toLowerCase(), tried.trim().toLowerCase()];
    for (const spelling of spellings) {
      expect(absent).not.toContain(absentUserItemKey(createHash('sha256').update(spelling).digest('hex')));
    }
    // With the server key the address is found: the key, not the table, is what tells.
    const secret = keyOf(t);
    const key = Buffer.from(secret[secret.current!]!, 'utf8');
    expect(absent).toContain(absentUserItemKey(createHmac('sha256', key).update(`unknown-user:${tried.toLowerCase()}`).digest('hex')));
  });
});

describe('a copy of the table yields no code: hashes are keyed by a secret that is not in it', () => {
  it('no attribute of the stored item lets a candidate be checked; the server-side key does', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const { Item } = await new DynamoDBClient({ endpoint: aws.dynamodbUrl }).send(
      new GetItemCommand({ TableName: t.tableName, Key: { [TABLE_PARTITION_KEY]: { S: userItemKey(user.userName) } } }),
    );
    const item = Object.fromEntries(Object.entries(Item!).map(([name, value]) => [name, Object.values(value)[0]]));
    const stored = String(item.codeHash);
    const codeId = String(item.codeId);
    expect(JSON.stringify(Item)).not.toContain(code);

    // Everything in the item, tried as the key (or no key at all), with the true code: never the stored hash.
    const materials = Object.values(item).flatMap((v) => (Array.isArray(v) ? v : [v])).map(String);
    const messages = [code, `${codeId}:${code}`, `${code}:${codeId}`];
    for (const message of messages) {
      expect(createHash('sha256').update(message).digest('hex')).not.toBe(stored);
      for (const material of materials) {
        for (const key of [Buffer.from(material, 'utf8'), Buffer.from(material, 'hex')]) {
          expect(createHmac('sha256', key).update(message).digest('hex')).not.toBe(stored);
        }
      }
    }

    // With the key, every candidate can be checked and exactly the mailed code matches.
    const secret = keyOf(t);
    const key = Buffer.from(secret[String(item.keyId)]!, 'utf8');
    const matches: string[] = [];
    for (let n = 0; n < 1_000_000; n++) {
      const candidate = String(n).padStart(6, '0');
      if (hashCode(key, codeId, candidate) === stored) matches.push(candidate);
    }
    expect(matches).toEqual([code]);
  }, 60_000);

  it('a code issued under the previous key still verifies after a rotation', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const secret = keyOf(t);
    writeFileSync(keyFile(t), JSON.stringify({ ...secret, current: 'k2', k2: 'r'.repeat(64) }));
    try {
      expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
      const other = newUser();
      await t.create(createEvent(other));
      expect((await t.store.read(userItemKey(other.userName))).code?.keyId).toBe('k2');
      expect((await t.verify(verifyEvent(other, await t.codeFor(other.email)))).response.answerCorrect).toBe(true);
    } finally {
      writeFileSync(keyFile(t), JSON.stringify(secret));
    }
  });
});

describe("a session only spends the guesses of the code it was given: a stranger's old sessions cannot burn a newer code", () => {
  it("answers in a session whose code was replaced spend nothing, and its right answer is still refused", async () => {
    const clock = testClock();
    // Without links, a new email may replace a live code after the resend interval (with links, only once it expired).
    const t = await triggersOn(aws, { SIGN_IN_LINK_URL: '' }, { now: clock.now });
    const user = newUser();
    const strangerSession = (await t.create(createEvent(user))).response.privateChallengeParameters;
    const old = await t.codeFor(user.email);
    clock.advance(61);
    await t.create(createEvent(user)); // the user's own sign-in mails a new code
    const fresh = await t.codeFor(user.email);
    for (let i = 0; i < 3; i++) {
      const answer = verifyEvent(user, wrongFor(fresh), { ...strangerSession, round: String(i + 1) });
      expect((await t.verify(answer)).response.answerCorrect).toBe(false);
    }
    expect((await t.verify(verifyEvent(user, old, strangerSession))).response.answerCorrect).toBe(false);
    expect((await t.store.read(userItemKey(user.userName))).code?.attempts).toBe(0);
    expect((await t.verify(verifyEvent(user, fresh))).response.answerCorrect).toBe(true);
  });
});

describe('answers are paced per account: at most MAX_GUESSES_PER_DAY evaluated in any 24 hours', () => {
  it('after the burst, answers are refused unevaluated with the wait in seconds, the right code included', async () => {
    const clock = testClock();
    const t = await triggersOn(aws, { MAX_ATTEMPTS: '10' }, { now: clock.now });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    for (let i = 0; i < 4; i++) expect((await t.verify(verifyEvent(user, wrongFor(code)))).response.answerCorrect).toBe(false);

    const refused = await t.verify(verifyEvent(user, code)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GuessRateExceededError);
    expect((refused as Error).message).toMatch(/^Too many sign-in attempts for this account\. Try again in (\d+) seconds \[email-otp:guess-throttled retry-after=\1\]$/);
    const wait = (refused as GuessRateExceededError).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect((await t.store.read(userItemKey(user.userName))).code?.attempts).toBe(4);

    // A new sign-in is not refused: it gets the same code, and the link in its email is not paced.
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect((await t.verify(verifyEvent(user, await t.linkSecretFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('without links, nothing is mailed while paced, and the typed code works again once the wait is over', async () => {
    const clock = testClock();
    const t = await triggersOn(aws, { MAX_ATTEMPTS: '10', SIGN_IN_LINK_URL: '' }, { now: clock.now });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    for (let i = 0; i < 4; i++) await t.verify(verifyEvent(user, wrongFor(code)));
    const refused = await t.verify(verifyEvent(user, code)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GuessRateExceededError);
    // Without a link, a new sign-in is refused the same way and mails nothing it could not yet accept an answer for.
    await expect(t.create(createEvent(user))).rejects.toBeInstanceOf(GuessRateExceededError);
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    clock.advance((refused as GuessRateExceededError).retryAfterSeconds);
    await t.create(createEvent(user));
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('a stranger hammering for a simulated day gets at most 100 evaluated answers (the defaults)', async () => {
    const clock = testClock();
    const t = await triggersOn(aws, {}, { now: clock.now });
    const user = newUser();
    const start = clock.now();
    let evaluated = 0;
    for (let step = 0; step < 2_000 && clock.now() - start < 86_400_000; step++) {
      try {
        await t.create(createEvent(user));
        for (let round = 0; round < 3; round++) {
          const before = (await t.store.read(userItemKey(user.userName))).code?.attempts ?? 0;
          await t.verify(verifyEvent(user, '000000'));
          const after = (await t.store.read(userItemKey(user.userName))).code?.attempts ?? 0;
          evaluated += after - before;
        }
        clock.advance(1);
      } catch (error) {
        if (error instanceof GuessRateExceededError || error instanceof SendRateExceededError) clock.advance(error.retryAfterSeconds);
        else throw error;
      }
    }
    expect(clock.now() - start).toBeGreaterThanOrEqual(86_400_000);
    expect(evaluated).toBeGreaterThan(90);
    expect(evaluated).toBeLessThanOrEqual(100);
  }, 120_000);
});

describe('no lock-out: the inbox signs in with the link however a stranger hammers', () => {
  it('twenty parallel wrong answers and the victim\'s link at once: the victim is in, the code is spent once', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const victim = (await t.create(createEvent(user))).response.privateChallengeParameters;
    const stranger = (await t.create(createEvent(user))).response.privateChallengeParameters;
    expect(stranger.codeId).toBe(victim.codeId); // one email for both sign-ins
    const secret = await t.linkSecretFor(user.email);
    const attempts = [
      ...Array.from({ length: 20 }, () => t.verify(verifyEvent(user, '000000', stranger)).then((e) => e.response.answerCorrect, () => false)),
      t.verify(verifyEvent(user, secret, victim)).then((e) => e.response.answerCorrect),
    ];
    const results = await Promise.all(attempts);
    expect(results.at(-1)).toBe(true);
    expect(results.slice(0, -1).filter(Boolean)).toHaveLength(0);
    const state = await t.store.read(userItemKey(user.userName));
    expect(state.code?.used).toBe(true);
    expect(state.code?.attempts).toBeLessThanOrEqual(3);
    expect((await t.verify(verifyEvent(user, secret, victim))).response.answerCorrect).toBe(false); // replay
  });

  it('a wrong link counts nothing and leaves the code working; the table holds no link secret', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const secret = await t.linkSecretFor(user.email);
    const forged = (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1);
    for (let i = 0; i < 30; i++) expect((await t.verify(verifyEvent(user, forged))).response.answerCorrect).toBe(false);
    const state = await t.store.read(userItemKey(user.userName));
    expect(state.code?.attempts).toBe(0);
    expect(state.guessTat).toBe(0);
    const { Item } = await new DynamoDBClient({ endpoint: aws.dynamodbUrl }).send(
      new GetItemCommand({ TableName: t.tableName, Key: { [TABLE_PARTITION_KEY]: { S: userItemKey(user.userName) } } }),
    );
    expect(JSON.stringify(Item)).not.toContain(secret);
    // As for codes: nothing in the item lets even the true secret be checked against linkHash; the key does.
    const item = Object.fromEntries(Object.entries(Item!).map(([name, value]) => [name, Object.values(value)[0]]));
    const message = `${String(item.codeId)}:link:${secret}`;
    for (const material of Object.values(item).flatMap((v) => (Array.isArray(v) ? v : [v])).map(String)) {
      for (const key of [Buffer.from(material, 'utf8'), Buffer.from(material, 'hex')]) {
        expect(createHmac('sha256', key).update(message).digest('hex')).not.toBe(item.linkHash);
      }
    }
    expect(hashLinkSecret(Buffer.from(keyOf(t)[String(item.keyId)]!, 'utf8'), String(item.codeId), secret)).toBe(item.linkHash);
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('a stranger taking every send and answer slot for 8 simulated hours: the victim always signs in within 15 minutes', async () => {
    const clock = testClock();
    const t = await triggersOn(aws, {}, { now: clock.now });
    const user = newUser();
    const start = clock.now();
    const end = start + 8 * 3_600_000;
    const throttled = (error: unknown) =>
      error instanceof GuessRateExceededError || error instanceof SendRateExceededError ? error.retryAfterSeconds * 1000 : undefined;

    // The stranger acts again the moment a refusal says it may; the victim starts a sign-in every 7 to 19 minutes.
    let strangerAt = start;
    let victimAt = start + 60_000;
    let victimSince = victimAt;
    let strangerEvaluated = 0;
    let linkFailures = 0;
    const waits: number[] = [];
    for (let step = 0; step < 5_000 && Math.min(strangerAt, victimAt) < end; step++) {
      const at = Math.min(strangerAt, victimAt);
      clock.advance(Math.max(0, at - clock.now()) / 1000);
      if (strangerAt <= victimAt) {
        try {
          const session = (await t.create(createEvent(user))).response.privateChallengeParameters;
          const before = (await t.store.read(userItemKey(user.userName))).code?.attempts ?? 0;
          await t.verify(verifyEvent(user, '000000', session));
          strangerEvaluated += ((await t.store.read(userItemKey(user.userName))).code?.attempts ?? 0) - before;
          strangerAt = clock.now() + 1_000;
        } catch (error) {
          const wait = throttled(error);
          if (wait === undefined) throw error;
          strangerAt = clock.now() + Math.max(wait, 1_000);
        }
        continue;
      }
      try {
        const session = (await t.create(createEvent(user))).response.privateChallengeParameters;
        const signedIn = (await t.verify(verifyEvent(user, await t.linkSecretFor(user.email), session))).response.answerCorrect;
        if (!signedIn) {
          // The code offered expired in the moment between the offer and the click: start again.
          const code = (await t.store.read(userItemKey(user.userName))).code;
          console.info(`victim's link refused: code ${code?.id === session.codeId ? 'same' : 'replaced'}, expired ${clock.now() - (code?.expiresAt ?? 0)} ms ago, used ${code?.used}`);
          linkFailures += 1;
          victimAt = clock.now() + 1_000;
          continue;
        }
        waits.push(clock.now() - victimSince);
        victimAt = victimSince = clock.now() + (7 + (waits.length * 5) % 13) * 60_000;
      } catch (error) {
        const wait = throttled(error);
        if (wait === undefined) throw error;
        victimAt = clock.now() + wait; // the page's countdown, then the person tries again
      }
    }
    console.info(
      `Sustained attack, 8 simulated hours: victim signed in ${waits.length} times, longest wait ${Math.round(Math.max(...waits) / 1000)} s; ` +
        `stranger's evaluated answers ${strangerEvaluated}; emails ${(await t.emailsTo(user.email)).length}; links that expired as they were opened ${linkFailures}`,
    );
    expect(waits.length).toBeGreaterThanOrEqual(20);
    expect(linkFailures).toBeLessThanOrEqual(2);
    expect(Math.max(...waits)).toBeLessThanOrEqual(15 * 60_000);
    expect(strangerEvaluated).toBeLessThanOrEqual(4 + Math.ceil((8 / 24) * 96));
  }, 120_000);
});

describe('a used code allows a new email at once: signing out and in again does not wait for the resend interval', () => {
  it('mails a new code right after a successful sign-in', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(2);
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });
});

/** An SES endpoint that accepts connections and never answers, or answers only after `delayMs`. */
async function slowSes(kind: 'silent' | 'late', delayMs = 6_000): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<{ destroy(): void }>();
  const server: Server =
    kind === 'silent'
      ? createTcpServer((socket) => void sockets.add(socket))
      : (createHttpServer((_req, res) => {
          const timer = setTimeout(() => res.end('<SendEmailResponse/>'), delayMs);
          res.on('close', () => clearTimeout(timer));
        }) as unknown as Server);
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('every AWS call has a time limit inside Cognito\'s 5 seconds', () => {
  it('DynamoDB that accepts the connection and never answers: Verify fails closed in time, counting nothing', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const session = (await t.create(createEvent(user))).response.privateChallengeParameters;
    const hung = await slowSes('silent'); // any endpoint that never answers
    try {
      const db = new DynamoDBClient({ ...awsClientOptions('dynamodb'), endpoint: hung.url });
      const { createVerifyAuthChallengeResponseHandler } = await import('../../triggers/handlers/verify.ts');
      const { createDynamoCodeStore } = await import('../../triggers/aws/dynamo-code-store.ts');
      const { createAudit, createLogger } = await import('../../triggers/domain/audit.ts');
      const verify = createVerifyAuthChallengeResponseHandler({
        config: t.config,
        store: createDynamoCodeStore(db, t.tableName),
        loadKeys: t.loadKeys,
        audit: createAudit(createLogger()),
      });
      const started = Date.now();
      await expect(verify(verifyEvent(user, await t.codeFor(user.email), session))).rejects.toBeInstanceOf(CodeStoreError);
      // Reported, not asserted (shared machine): the trigger gave up inside Cognito's limit.
      console.info(`Verify against DynamoDB that never answers: failed after ${Date.now() - started} ms`);
    } finally {
      await hung.close();
    }
    // Nothing was counted: the code still works once DynamoDB answers again.
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email), session))).response.answerCorrect).toBe(true);
  }, 30_000);
});

describe('no phantom challenge: a code is offered only once SES accepted its email', () => {
  it.each([
    ['accepts the connection and never answers', 'silent'],
    ['answers after 6 seconds', 'late'],
  ] as const)('SES that %s: Create fails in time, nothing is offered or charged, the retry mails a code', async (_name, kind) => {
    const ses = await slowSes(kind);
    try {
      const mailer = createSesMailer(new SESClient({ ...awsClientOptions('ses'), endpoint: ses.url }), { from: 'no-reply@example.com' });
      const broken = await triggersOn(aws, {}, { mailer });
      const user = newUser();
      const event = createEvent(user);
      const started = Date.now();
      const failed = await broken.create(structuredClone(event)).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(MailerError);
      const elapsed = Date.now() - started;
      const state = await broken.store.read(userItemKey(user.userName));
      expect(state.code).toBeUndefined();
      expect(state.pending).toBeUndefined();
      expect(state.lastSentAt).toBeUndefined();
      // Reported, not asserted (shared machine): the trigger gave up inside Cognito's 5-second limit.
      console.info(`Create against SES that ${kind === 'silent' ? 'never answers' : 'answers after 6 s'}: failed after ${elapsed} ms`);

      // Cognito's retry of the same round, once SES answers again, mails a code that works.
      const healthy = createSesMailer(new SESClient({ ...awsClientOptions('ses') }), { from: 'no-reply@example.com' });
      const retried = await (await triggersOnSameTable(broken, healthy)).create(structuredClone(event));
      expect(retried.response.publicChallengeParameters.attemptsLeft).toBe('3');
      expect(await broken.emailsTo(user.email)).toHaveLength(1);
      expect((await broken.verify(verifyEvent(user, await broken.codeFor(user.email), retried.response.privateChallengeParameters))).response.answerCorrect).toBe(true);
    } finally {
      await ses.close();
    }
  }, 30_000);

  it('a Create killed mid-send leaves a claim that the next sign-in takes over and mails', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const key = userItemKey(user.userName);
    const killedAt = Date.now() - 4_800; // claimed, then the invocation died before SES answered
    await t.store.claim(key, 0, { id: 'killed', hash: 'ab'.repeat(32), linkHash: 'cd'.repeat(32), keyId: 'local1', issuedAt: killedAt, expiresAt: killedAt + 180_000 });
    const challenge = await t.create(createEvent(user)); // waits out the claim, then mails its own code
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect(challenge.response.privateChallengeParameters.codeId).not.toBe('killed');
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });
});

/** Another container's Create on the same table: its own clients, its own in-memory state. */
async function triggersOnSameTable(
  t: Awaited<ReturnType<typeof triggersOn>>,
  mailer: ReturnType<typeof createSesMailer>,
  sendTiming?: SendTiming,
) {
  const { createCreateAuthChallengeHandler } = await import('../../triggers/handlers/create.ts');
  const { createAudit, createLogger } = await import('../../triggers/domain/audit.ts');
  return {
    create: createCreateAuthChallengeHandler({
      config: t.config,
      store: t.store,
      loadKeys: t.loadKeys,
      mailer,
      audit: createAudit(createLogger()),
      sendTiming: sendTiming ?? createSendTiming(),
    }),
  };
}

describe('unknown users cannot be told apart by timing, from the first invocation of a fresh container', () => {
  it("waits about as long as a real send took, measured by another container and shared through the table", async () => {
    const t = await triggersOn(aws);
    const started = performance.now();
    await t.create(createEvent(newUser())); // container A: a real send, its time shared
    const knownMs = performance.now() - started;
    const shared = createDynamoSharedSendTime(new DynamoDBClient({}), t.tableName);
    // Container A shares its figure without making the sign-in wait for that write.
    let stored: number | undefined;
    for (let i = 0; i < 50 && stored === undefined; i++) {
      stored = await shared.load();
      if (stored === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stored).toBeGreaterThan(0);
    expect(stored!).toBeLessThanOrEqual(knownMs + 1);

    const sleeps: number[] = [];
    const fresh = createSendTiming({ shared, initialMs: 10_000, sleep: async (ms) => void sleeps.push(ms) });
    const containerB = await triggersOnSameTable(t, createSesMailer(new SESClient({}), { from: 'no-reply@example.com' }), fresh);
    await containerB.create(createEvent({ userName: 'nobody@example.com', userNotFound: true }));
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]!).toBeGreaterThanOrEqual(stored! * 0.75);
    expect(sleeps[0]!).toBeLessThanOrEqual(stored! * 1.25);
  });
});

describe('unknown users cannot be told apart by the masked address or the logs', () => {
  it('masks the typed address in lower case, as a stored one is', async () => {
    const t = await triggersOn(aws);
    const ghost = { userName: 'Alice.Smith@Example.COM', userNotFound: true };
    const real = { userName: newUser().userName, email: 'alice.smith@example.com' };
    const a = await t.create(createEvent(ghost));
    const b = await t.create(createEvent(real));
    expect(a.response.publicChallengeParameters.email).toBe('a***@e***.com');
    expect(b.response.publicChallengeParameters.email).toBe(a.response.publicChallengeParameters.email);
  });

  it("logs a capped, masked name for an unknown user, never the raw address", async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const t = await triggersOn(aws);
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    try {
      await t.create(createEvent({ userName: 'private.person@example.org', userNotFound: true }));
      await t.create(createEvent({ userName: `${'x'.repeat(300)}@example.org`, userNotFound: true }));
    } finally {
      spy.mockRestore();
    }
    const text = lines.join('');
    expect(text).toContain('p***@e***.org');
    expect(text).not.toContain('private.person');
    for (const line of text.split('\n').filter(Boolean)) expect(JSON.parse(line).userName.length).toBeLessThanOrEqual(128);
  });
});
