/**
 * The pool-wide email ceiling under concurrency, on real dynalite: each shard's slots are taken by conditional
 * writes, so however many Creates run at once, no more than MAX_EMAILS_PER_HOUR codes are issued in a clock hour.
 * The scheme's tolerance: none above the ceiling; below it, a take that finds its 3 tried shards full is refused
 * while other shards may still have slots (so under light load a few slots can stay unused, never one too many).
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeTable } from '../../infra/local/dynamodb.ts';
import { CEILING_COUNT_ATTRIBUTE, TABLE_PARTITION_KEY } from '../../triggers/contracts/table-item.ts';
import { CEILING_SHARDS, CEILING_WINDOW_MS, createDynamoEmailCeiling } from '../../triggers/aws/email-ceiling.ts';
import { EmailCeilingError } from '../../triggers/domain/errors.ts';
import { createEvent, newUser } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

const dynamo = () => new DynamoDBClient({ endpoint: aws.dynamodbUrl, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** The ceiling's counter items of one table: `sent` per item key. */
async function counters(tableName: string): Promise<Map<string, number>> {
  const { Items = [] } = await dynamo().send(new ScanCommand({ TableName: tableName }));
  return new Map(
    Items.filter((item) => item[CEILING_COUNT_ATTRIBUTE]?.N !== undefined).map((item) => [item[TABLE_PARTITION_KEY]!.S!, Number(item[CEILING_COUNT_ATTRIBUTE]!.N)]),
  );
}

describe('the email ceiling under concurrency (dynalite)', () => {
  it('60 parallel Creates for 60 users with MAX_EMAILS_PER_HOUR=20: at most 20 emails, every other Create refused with the wait', async () => {
    const max = 20;
    // Mid-hour, so that the whole burst falls in one window.
    const now = Math.floor(Date.now() / CEILING_WINDOW_MS) * CEILING_WINDOW_MS + 600_000;
    const t = await triggersOn(aws, { MAX_EMAILS_PER_HOUR: String(max) }, { now: () => now });
    const users = Array.from({ length: 60 }, () => newUser('ceiling'));
    const results = await Promise.allSettled(users.map((user) => t.create(createEvent(user))));

    const sent = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof EmailCeilingError);
    expect(sent + refused.length).toBe(users.length);
    expect(sent).toBeLessThanOrEqual(max);
    expect(sent).toBeGreaterThan(0);
    expect((refused[0] as PromiseRejectedResult).reason.retryAfterSeconds).toBe(3000);
    // What SES was asked to mail: exactly the Creates that answered, never more than the ceiling.
    const mailed = (await Promise.all(users.map((user) => t.emailsTo(user.email)))).reduce((sum, emails) => sum + emails.length, 0);
    expect(mailed).toBe(sent);
    const slots = [...(await counters(t.tableName)).values()].reduce((a, b) => a + b, 0);
    expect(slots).toBe(sent);
  });

  it('the counter itself: 200 parallel takes for a ceiling of 50 fill every shard to its share and not one slot more', async () => {
    const tableName = `ceiling-${process.pid}-${Date.now()}`;
    await createCodeTable(aws.dynamodbUrl, tableName);
    const max = 50;
    // Starts spread over every shard in turn: with 200 takes each shard is tried far more often than it has slots.
    let turn = 0;
    const roundRobin = () => (turn++ % CEILING_SHARDS) / CEILING_SHARDS;
    const ceiling = createDynamoEmailCeiling(dynamo(), tableName, max, roundRobin);
    const now = Date.now();
    const verdicts = await Promise.all(Array.from({ length: 200 }, () => ceiling.take(now)));

    expect(verdicts.filter((v) => v.ok)).toHaveLength(max);
    const items = await counters(tableName);
    expect(items.size).toBe(CEILING_SHARDS);
    expect([...items.values()].reduce((a, b) => a + b, 0)).toBe(max);
    // No shard holds more than its share (50 over 16: 4 for the first 2, 3 for the rest).
    expect(Math.max(...items.values())).toBeLessThanOrEqual(Math.ceil(max / CEILING_SHARDS));
  });
});
