import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { readFileSync } from 'node:fs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/captured-output.ts';
import { codeRound, createEvent, defineEvent, newUser, verifyEvent, POOL_ID, CLIENT_ID } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { linkInEmail } from '../../infra/local/mailbox-client.ts';
import { readSignInLink } from '../../web/client/sign-in-link.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

/** Everything the process writes to stdout and stderr while `run` runs. */
const outputOf = async (run: () => Promise<void>) => (await captureOutput(run)).lines;

describe('audit: one structured line per event, never the code', () => {
  it('logs every outcome with pool, user, client, round and outcome, and no code anywhere', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    let now = Date.now();
    const t = await triggersOn(aws, { MAX_SENDS_PER_HOUR: '2' }, { now: () => now });
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const user = newUser();
    const codes: string[] = [];

    const lines = await outputOf(async () => {
      await t.create(createEvent(user)); // code_sent
      codes.push(await t.codeFor(user.email));
      await t.create(createEvent(user)); // code_reused
      await t.verify(verifyEvent(user, codes[0] === '111111' ? '222222' : '111111')); // answer_wrong
      await t.verify(verifyEvent(user, 'abc')); // answer_malformed
      await t.create(createEvent(user, [codeRound(false)])); // challenge_repeated
      await t.verify(verifyEvent(user, codes[0])); // answer_correct
      await t.define(defineEvent(user, [codeRound(false), codeRound(true)])); // tokens_issued
      now += 61_000;
      const ses = mockClient(SESClient);
      ses.on(SendRawEmailCommand).rejects(new Error('down'));
      await t.create(createEvent(user)).catch(() => undefined); // send_failed
      ses.restore();
      await t.create(createEvent(user)); // code_sent
      codes.push(await t.codeFor(user.email));
      await t.verify(verifyEvent(user, codes[1])); // answer_correct
      await t.create(createEvent(user)).catch(() => undefined); // send_throttled
      await t.create(createEvent({ userName: 'ghost@example.com', userNotFound: true })); // code_sent (unknown)
      await t.verify(verifyEvent({ userName: 'ghost@example.com', userNotFound: true }, '123456')); // unknown_user
    });

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.event)).toEqual([
      'code_sent',
      'code_reused',
      'answer_wrong',
      'answer_malformed',
      'challenge_repeated',
      'answer_correct',
      'tokens_issued',
      'send_failed',
      'code_sent',
      'answer_correct',
      'send_throttled',
      'code_sent',
      'unknown_user',
    ]);
    for (const record of records) {
      expect(record).toMatchObject({ userPoolId: POOL_ID, clientId: CLIENT_ID, outcome: expect.any(String) });
      expect(record.userName).toEqual(expect.any(String));
      expect(record.round).toEqual(expect.any(Number));
    }
    expect(records.at(-1)).toMatchObject({ userNotFound: true, outcome: 'denied' });
    const everything = lines.join('\n');
    for (const code of codes) expect(everything).not.toContain(code);
    expect(everything).not.toMatch(/codeHash|"salt"/);
    // Nor any secret by value, whatever a field would be named: the links' secrets, every hash the table holds
    // (codes, links, counted answers) and the keys.
    const linkSecrets = (await t.emailsTo(user.email)).map((email) => readSignInLink(linkInEmail(email) ?? '')?.secret);
    const { Items = [] } = await new DynamoDBClient({ endpoint: aws.dynamodbUrl }).send(new ScanCommand({ TableName: t.tableName }));
    const hashes = Items.flatMap((item) => [
      ...['codeHash', 'linkHash', 'pendingHash', 'pendingLinkHash'].map((name) => item[name]?.S),
      ...(item.guesses?.SS ?? []),
    ]);
    const keyFile = JSON.parse(readFileSync((t.config.codeKeySource as { path: string }).path, 'utf8')) as Record<string, string>;
    const keys = Object.entries(keyFile).filter(([id]) => id !== 'current').map(([, key]) => key);
    const secrets = [...linkSecrets, ...hashes, ...keys].filter((value): value is string => typeof value === 'string');
    expect(linkSecrets.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(hashes.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('logs expired codes and lock-outs with the round from the challenge', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    let now = Date.now();
    const t = await triggersOn(aws, { MAX_ATTEMPTS: '1', CODE_TTL_SECONDS: '60' }, { now: () => now });
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const expiring = newUser();
    const locking = newUser();
    const lines = await outputOf(async () => {
      const expiringSession = (await t.create(createEvent(expiring))).response.privateChallengeParameters;
      now += 61_000;
      await t.verify(verifyEvent(expiring, '123456', { ...expiringSession, round: '1' }));
      const lockingSession = (await t.create(createEvent(locking))).response.privateChallengeParameters;
      await t.verify(verifyEvent(locking, '000000', { ...lockingSession, round: '1' }));
      await t.verify(verifyEvent(locking, '000000', { ...lockingSession, round: '2' }));
      await t.define(defineEvent(locking, [codeRound(false)]));
    });
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => [r.event, r.outcome, r.round])).toEqual([
      ['code_sent', 'ok', 1],
      ['code_expired', 'denied', 1],
      ['code_sent', 'ok', 1],
      ['answer_wrong', 'denied', 1],
      ['locked_out', 'denied', 2],
      ['sign_in_failed', 'denied', 1],
    ]);
  });
});
