import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLines } from '../helpers/captured-output.ts';
import { sesFeedbackEvent, snsEventOf } from '../../infra/local/ses-simulator.ts';
import { userItemKey } from '../../triggers/contracts/table-item.ts';
import { deliveryTags } from '../../triggers/domain/delivery.ts';
import { EmailCeilingError, UndeliverableEmailError } from '../../triggers/domain/errors.ts';
import { createSendTiming } from '../../triggers/domain/send-timing.ts';
import { codeRound, createEvent, newUser, passwordVerifier, srpA, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

type Triggers = Awaited<ReturnType<typeof triggersOn>>;

/** Triggers whose audit lines are written (the level is read when they are made). */
async function loggingTriggersOn(...args: Parameters<typeof triggersOn>): Promise<Triggers> {
  const level = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  try {
    return await triggersOn(...args);
  } finally {
    if (level === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = level;
  }
}

/** What SES would publish for a send to `user` that bounced (or drew a complaint), with the tags Create put on it. */
async function feedbackFor(t: Triggers, user: { userName: string; email: string }, to: string, kind: 'bounce' | 'complaint' | 'transient' = 'bounce') {
  const tags = Object.fromEntries(deliveryTags(userItemKey(user.userName), user.email, await t.loadKeys()).map((tag) => [tag.Name, tag.Value]));
  return snsEventOf(sesFeedbackEvent(kind, { messageId: 'm-1', source: 'no-reply@example.com', destination: to, tags, configurationSet: 'set' }));
}

/** Audit lines written while `run` runs, parsed. */
const auditLinesOf = async (run: () => Promise<unknown>) => (await auditLines(run)).lines;

/** The public parameters' keys and the parts that do not depend on time: what a stranger can compare. */
const shapeOf = (params: Record<string, string>) => ({ keys: Object.keys(params).sort(), codeLength: params.codeLength, linkMailed: params.linkMailed });

describe('delivery feedback: a permanent bounce or a complaint stops codes to that address', () => {
  it('code mode: after a bounce no email goes out and the answer has the shape an unknown address gets; the audit says why', async () => {
    let now = Date.now();
    const t = await loggingTriggersOn(aws, {}, { now: () => now });
    const user = { ...newUser(), email: `bounce+${Date.now()}@simulator.amazonses.com` };
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(1);

    const feedbackEvent = await feedbackFor(t, user, user.email);
    const recorded = await auditLinesOf(() => t.sesFeedback(feedbackEvent));
    expect(recorded.map((l) => l.event)).toEqual(['bounce_recorded']);

    now += 61_000;
    const lines = await auditLinesOf(async () => {
      const known = await t.create(createEvent(user));
      const unknown = await t.create(createEvent({ userName: `someone.${Date.now()}@example.com`, userNotFound: true }));
      expect(shapeOf(known.response.publicChallengeParameters)).toEqual(shapeOf(unknown.response.publicChallengeParameters));
      // Nothing can be answered right: no code reached anyone.
      const answer = await t.verify(verifyEvent(user, '000000'));
      expect(answer.response.answerCorrect).toBe(false);
    });
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    const skipped = lines.find((l) => l.event === 'send_skipped_undeliverable');
    expect(skipped).toMatchObject({ outcome: 'denied', userName: user.userName, reason: 'bounce' });
    expect(skipped?.UndeliverableRefusals).toBe(1);
    expect(JSON.stringify(lines)).not.toContain(user.email);

    // A retry round of that session stays on the unknown-like item.
    const retry = await t.create(createEvent(user, [codeRound(false)]));
    expect(retry.response.publicChallengeParameters.attemptsLeft).toBeDefined();
  });

  it("code mode: a bounced address's answer takes no longer than an unknown address's (its imitated send is shortened by the extra work)", async () => {
    // A typical send of 1 s, no jitter, sleeps recorded instead of taken: what each path would wait is exact.
    const sleeps: number[] = [];
    const timing = createSendTiming({ initialMs: 1_000, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) });
    const sendTiming = { record: () => undefined, imitate: timing.imitate };
    let now = Date.now();
    const t = await triggersOn(aws, {}, { now: () => now, sendTiming });
    const user = { ...newUser(), email: `bounce+timing.${Date.now()}@simulator.amazonses.com` };
    await t.create(createEvent(user));
    await t.sesFeedback(await feedbackFor(t, user, user.email));
    now += 61_000;
    await t.create(createEvent(user));
    await t.create(createEvent({ userName: `nobody.${Date.now()}@example.com`, userNotFound: true }));
    const [bounced, unknown] = sleeps;
    expect(unknown).toBe(1_000);
    // The bounced address's path first tried the known user's write and read (the block), then answered as unknown:
    // it waits that much less, so in all it takes what the unknown address takes.
    expect(bounced).toBeLessThan(1_000);
    expect(bounced).toBeGreaterThan(500);
  });

  it('two-step mode: after the right password a bounced address gets a distinct refusal with a way forward', async () => {
    const t = await triggersOn(aws, { SIGN_IN_MODE: 'password-and-code' });
    const user = newUser();
    await t.create(createEvent(user, [srpA(), passwordVerifier(true)]));
    await t.sesFeedback(await feedbackFor(t, user, user.email, 'complaint'));
    const refused = t.create(createEvent(user, [srpA(), passwordVerifier(true)]));
    await expect(refused).rejects.toBeInstanceOf(UndeliverableEmailError);
    await expect(refused).rejects.toThrow(/\[email-otp:undeliverable\]/);
    expect(await t.emailsTo(user.email)).toHaveLength(1);
  });

  it('a transient bounce stops nothing; a changed address and the end of the block let codes go again', async () => {
    let now = Date.now();
    const t = await triggersOn(aws, { DELIVERY_BLOCK_DAYS: '2' }, { now: () => now });
    const user = newUser();
    await t.create(createEvent(user));
    await t.sesFeedback(await feedbackFor(t, user, user.email, 'transient'));
    now += 181_000; // past the code and its link
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(2);

    await t.sesFeedback(await feedbackFor(t, user, user.email));
    now += 181_000; // past the code and its link
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(2);

    const moved = { ...user, email: `moved.${user.email}` };
    now += 181_000;
    await t.create(createEvent(moved));
    expect(await t.emailsTo(moved.email)).toHaveLength(1);

    await t.sesFeedback(await feedbackFor(t, moved, moved.email));
    now += 181_000; // past the code and its link
    await t.create(createEvent(moved));
    expect(await t.emailsTo(moved.email)).toHaveLength(1);
    now += 2 * 86_400_000;
    await t.create(createEvent(moved));
    expect(await t.emailsTo(moved.email)).toHaveLength(2);
  });

  it('a copy of the table lists no address: the record keeps only a keyed hash', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    await t.sesFeedback(await feedbackFor(t, user, user.email));
    const db = new DynamoDBClient({ endpoint: aws.dynamodbUrl, region: 'us-east-1' });
    const { Items = [] } = await db.send(new ScanCommand({ TableName: t.tableName }));
    const item = Items.find((i) => i.pk?.S === userItemKey(user.userName));
    expect(item?.undeliverableKind?.S).toBe('bounce');
    expect(JSON.stringify(Items).toLowerCase()).not.toContain(user.email.toLowerCase());
  });
});

describe('the pool-wide ceiling of emails per hour', () => {
  it('refuses known and unknown alike with the wait until the next hour, mails nothing, and lets mail go again then', async () => {
    const hour = 3_600_000;
    let now = Math.floor(Date.now() / hour) * hour + 10 * 60_000;
    const t = await loggingTriggersOn(aws, { MAX_EMAILS_PER_HOUR: '3' }, { now: () => now });
    for (let i = 0; i < 3; i++) await t.create(createEvent(newUser()));
    const late = newUser();
    const lines = await auditLinesOf(async () => {
      await expect(t.create(createEvent(late))).rejects.toThrow(/Try again in 3000 seconds \[email-otp:email-ceiling retry-after=3000\]/);
      await expect(t.create(createEvent({ userName: 'nobody@example.com', userNotFound: true }))).rejects.toBeInstanceOf(EmailCeilingError);
    });
    expect(await t.emailsTo(late.email)).toHaveLength(0);
    expect(lines.filter((l) => l.event === 'ceiling_reached')).toHaveLength(2);
    expect(lines.every((l) => l.event !== 'ceiling_reached' || l.ThrownRefusals === 1)).toBe(true);
    now += hour;
    await t.create(createEvent(late));
    expect(await t.emailsTo(late.email)).toHaveLength(1);
  });
});
