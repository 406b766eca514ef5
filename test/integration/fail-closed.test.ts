import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CodeStoreError, MailerError } from '../../triggers/domain/errors.ts';
import { createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { ITEM_KEY_PREFIX, TABLE_PARTITION_KEY, userItemKey } from '../../triggers/contracts/table-item.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

const realDynamoSend = DynamoDBClient.prototype.send;
const serviceDown = () => Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable', $fault: 'server' });

/** Real DynamoDB for every call, except the ones a test makes fail. */
function dynamoWithFaults() {
  const mock = mockClient(DynamoDBClient);
  // The mock sees only each command's input: rebuild the command and send it for real.
  const passThrough = (Command: new (input: any) => any) => (input: unknown, getClient: () => unknown) =>
    (realDynamoSend as (this: unknown, command: unknown) => Promise<unknown>).call(getClient(), new Command(input));
  mock.on(GetItemCommand).callsFake(passThrough(GetItemCommand));
  mock.on(PutItemCommand).callsFake(passThrough(PutItemCommand));
  mock.on(UpdateItemCommand).callsFake(passThrough(UpdateItemCommand));
  mock.on(DeleteItemCommand).callsFake(passThrough(DeleteItemCommand));
  return mock;
}

let restore: Array<() => void> = [];
afterEach(() => {
  for (const undo of restore) undo();
  restore = [];
});

describe('fail closed: if SES fails, no code is valid and nothing blocks the next try', () => {
  it('raises a clear error, charges no send, and the next try mails a code that works', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const ses = mockClient(SESClient);
    ses.on(SendRawEmailCommand).rejects(serviceDown());
    const failed = await t.create(createEvent(user)).catch((e: unknown) => e);
    ses.restore();
    expect(failed).toBeInstanceOf(MailerError);
    expect((failed as Error).message).toBe('The sign-in code could not be sent. Please try again [email-otp:email-not-sent]');
    expect(await t.emailsTo(user.email)).toHaveLength(0);
    const state = await t.store.read(userItemKey(user.userName));
    expect(state.lastSentAt).toBeUndefined();
    expect(state.sendTat).toBe(0);
    expect(state.code).toBeUndefined();
    expect(state.pending).toBeUndefined();

    await t.create(createEvent(user)); // immediately: the failed send did not start the resend interval
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('keeps the previous code valid when the replacement could not be sent', async () => {
    let now = Date.now();
    // Without links a live code may be replaced after the resend interval (with links, only once it expired).
    const t = await triggersOn(aws, { SIGN_IN_LINK_URL: '' }, { now: () => now });
    const user = newUser();
    await t.create(createEvent(user));
    const first = await t.codeFor(user.email);
    const before = await t.store.read(userItemKey(user.userName));
    now += 61_000;
    const ses = mockClient(SESClient);
    restore.push(() => ses.restore());
    ses.on(SendRawEmailCommand).rejects(serviceDown());
    await expect(t.create(createEvent(user))).rejects.toBeInstanceOf(MailerError);
    ses.restore();
    const after = await t.store.read(userItemKey(user.userName));
    expect(after.code).toEqual(before.code);
    expect([after.lastSentAt, after.sendTat]).toEqual([before.lastSentAt, before.sendTat]);
    expect(after.pending).toBeUndefined();
    expect((await t.verify(verifyEvent(user, first))).response.answerCorrect).toBe(true);
  });
});

describe('fail closed: if DynamoDB fails, no tokens and no email', () => {
  it('Create raises a clear error and sends nothing when the store cannot be written', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const ddb = dynamoWithFaults();
    restore.push(() => ddb.restore());
    ddb.on(UpdateItemCommand).rejects(serviceDown());
    ddb.on(GetItemCommand).rejects(serviceDown());
    const failed = await t.create(createEvent(user)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CodeStoreError);
    expect((failed as Error).message).toBe('The sign-in code could not be saved. Please try again [email-otp:store-unavailable]');
    expect(await t.emailsTo(user.email)).toHaveLength(0);
    ddb.restore();
    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
  });

  it('Create raises a clear error and sends nothing when it must read the store and cannot', async () => {
    let now = Date.now();
    const t = await triggersOn(aws, {}, { now: () => now });
    const user = newUser();
    await t.create(createEvent(user));
    now += 1_000; // inside the resend interval: the claim's condition fails, so Create reads to decide
    const ddb = dynamoWithFaults();
    restore.push(() => ddb.restore());
    ddb.on(GetItemCommand).rejects(serviceDown());
    const failed = await t.create(createEvent(user)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CodeStoreError);
    expect((failed as Error).message).toBe('The sign-in code could not be read. Please try again [email-otp:store-unavailable]');
    expect(await t.emailsTo(user.email)).toHaveLength(1);
  });

  it('a new sign-in that may be mailed claims its code in one conditional write, without a read', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const ddb = dynamoWithFaults();
    restore.push(() => ddb.restore());
    await t.create(createEvent(user));
    const onUserItem = (calls: Array<{ args: [{ input: { Key?: Record<string, AttributeValue> } }] }>) =>
      calls.filter((call) => String(call.args[0].input.Key?.[TABLE_PARTITION_KEY]?.S).startsWith(ITEM_KEY_PREFIX.user));
    expect(onUserItem(ddb.commandCalls(GetItemCommand) as never)).toHaveLength(0);
    // The claim, then the promotion once SES accepted (the container's shared send time is another item).
    expect(onUserItem(ddb.commandCalls(UpdateItemCommand) as never)).toHaveLength(2);
  });

  it('Verify raises instead of answering when the guess cannot be counted, then works again', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const ddb = dynamoWithFaults();
    restore.push(() => ddb.restore());
    ddb.on(UpdateItemCommand).rejects(serviceDown());
    await expect(t.verify(verifyEvent(user, code))).rejects.toBeInstanceOf(CodeStoreError);
    ddb.restore();
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
  });

  it('Verify counts, records and consumes in one write: a right answer is true only once that write succeeded', async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const ddb = dynamoWithFaults();
    restore.push(() => ddb.restore());
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
    expect(ddb.commandCalls(UpdateItemCommand)).toHaveLength(1);
    expect(ddb.commandCalls(GetItemCommand)).toHaveLength(0);
  });

});

describe('fail closed: the pool-wide email ceiling (MAX_EMAILS_PER_HOUR)', () => {
  const onCeiling = (input: { Key?: Record<string, AttributeValue> }) => String(input.Key?.[TABLE_PARTITION_KEY]?.S).startsWith(`${ITEM_KEY_PREFIX.shared}ceiling#`);

  it("when the ceiling's counter cannot be written: a clear error, nothing mailed or charged, and the next try mails a code that works", async () => {
    const t = await triggersOn(aws, { MAX_EMAILS_PER_HOUR: '50' });
    const user = newUser();
    const ddb = dynamoWithFaults();
    restore.push(() => ddb.restore());
    ddb.on(UpdateItemCommand).callsFake((input: { Key?: Record<string, AttributeValue> }, getClient: () => unknown) => {
      if (onCeiling(input)) throw serviceDown();
      return (realDynamoSend as (this: unknown, command: unknown) => Promise<unknown>).call(getClient(), new UpdateItemCommand(input as never));
    });
    const failed = await t.create(createEvent(user)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CodeStoreError);
    expect((failed as Error).message).toMatch(/^The sign-in code could not be \w+\. Please try again \[email-otp:store-unavailable\]$/);
    expect(await t.emailsTo(user.email)).toHaveLength(0);
    const state = await t.store.read(userItemKey(user.userName));
    expect(state.pending).toBeUndefined();
    expect(state.code).toBeUndefined();
    expect(state.sendTat).toBe(0);
    ddb.restore();

    await t.create(createEvent(user));
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    expect((await t.verify(verifyEvent(user, await t.codeFor(user.email)))).response.answerCorrect).toBe(true);
  });

  it('a Create the ceiling refuses leaves the code already mailed valid and charges no send', async () => {
    const hour = 3_600_000;
    let now = Math.floor(Date.now() / hour) * hour + 60_000;
    const t = await triggersOn(aws, { MAX_EMAILS_PER_HOUR: '1', RESEND_INTERVAL_SECONDS: '5', SIGN_IN_LINK_URL: '' }, { now: () => now });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const mailed = await t.store.read(userItemKey(user.userName));
    // Past the resend interval, inside the code's lifetime, no link to keep alive: only the ceiling stops a new email.
    now += 30_000;
    await expect(t.create(createEvent(user))).rejects.toThrow(/\[email-otp:email-ceiling retry-after=\d+\]/);
    expect(await t.emailsTo(user.email)).toHaveLength(1);
    const state = await t.store.read(userItemKey(user.userName));
    expect(state.pending).toBeUndefined();
    expect(state.sendTat).toBe(mailed.sendTat);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
  });
});
