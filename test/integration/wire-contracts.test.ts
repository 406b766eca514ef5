import { DynamoDBClient, GetItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb } from '../../infra/local/web.ts';
import type { StackInfo } from '../../infra/local/stack.ts';
import { PAGE_CONFIG_PATH, parsePageConfig } from '../../triggers/contracts/page-config.ts';
import { ITEM_KEY_PREFIX, ITEM_LIFETIME_MS, TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE, userItemKey } from '../../triggers/contracts/table-item.ts';
import { codeStepFrom, readSignInLink } from '../../web/client/core.ts';
import { createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';
import { wrongFor } from '../helpers/test-clock.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

describe('the wire contracts between the real triggers and their readers', () => {
  it("the client reads Create's challenge parameters as the code Create mailed", async () => {
    const t = await triggersOn(aws, { CODE_LENGTH: '8', MAX_ATTEMPTS: '5', CODE_TTL_SECONDS: '300' });
    const user = newUser();
    const before = Date.now();
    const { response } = await t.create(createEvent(user));
    const step = codeStepFrom(response.publicChallengeParameters, 0);
    expect(step.codeLength).toBe(8);
    expect(step.attemptsLeft).toBe(5);
    expect(step.linkMailed).toBe(true);
    expect(step.maskedEmail).toMatch(/^u\*\*\*@e\*\*\*\.com$/);
    expect(step.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 299_000);
    expect(step.expiresAt).toBeLessThanOrEqual(Date.now() + 300_000);
    expect((await t.codeFor(user.email)).length).toBe(step.codeLength);
  });

  it('the mailbox helpers find the code and the link in an email from custom templates in another wording', async () => {
    const t = await triggersOn(aws, {
      EMAIL_SUBJECT: 'Ihr Anmeldecode',
      EMAIL_TEXT_TEMPLATE: 'Geben Sie {{code}} ein. Oder öffnen Sie {{link}}. Gültig für {{minutes}}.',
      EMAIL_HTML_TEMPLATE: '<html lang="de"><body><h1>{{code}}</h1><p><a href="{{link}}">Anmelden</a></p></body></html>',
    });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    expect(code).toMatch(/^\d{6}$/);
    const secret = await t.linkSecretFor(user.email);
    const [mail] = await t.emailsTo(user.email);
    expect(mail!.body.text).toContain(`Geben Sie ${code} ein`);
    expect(readSignInLink(`http://127.0.0.1:5173/#email=${encodeURIComponent(user.email)}&link=${secret}`)?.secret).toBe(secret);
    expect((await t.verify(verifyEvent(user, code))).response.answerCorrect).toBe(true);
  });

  it("a user's item is where the item layout says, with its TTL attribute a day ahead", async () => {
    const t = await triggersOn(aws);
    const user = newUser();
    const before = Date.now();
    await t.create(createEvent(user));
    const { Item } = await new DynamoDBClient({ endpoint: aws.dynamodbUrl }).send(
      new GetItemCommand({ TableName: t.tableName, Key: { [TABLE_PARTITION_KEY]: { S: userItemKey(user.userName) } } }),
    );
    const item = unmarshall(Item!);
    expect(item[TABLE_PARTITION_KEY]).toBe(userItemKey(user.userName));
    expect(item[TABLE_TTL_ATTRIBUTE]).toBeGreaterThanOrEqual(Math.floor((before + ITEM_LIFETIME_MS) / 1000));
    expect(item[TABLE_TTL_ATTRIBUTE]).toBeLessThanOrEqual(Math.ceil((Date.now() + ITEM_LIFETIME_MS) / 1000));
    expect((await t.store.read(userItemKey(user.userName))).code?.id).toBe(item.codeId);
  });

  it('the items keep their DynamoDB types: strings S, numbers N, the guesses a string set SS', async () => {
    const t = await triggersOn(aws, { MAX_EMAILS_PER_HOUR: '50' });
    const db = new DynamoDBClient({ endpoint: aws.dynamodbUrl });
    const typesOf = (item: Record<string, AttributeValue> | undefined) =>
      Object.fromEntries(Object.entries(item ?? {}).map(([name, value]) => [name, Object.keys(value).join()]));
    const typesAt = async (key: string) => typesOf((await db.send(new GetItemCommand({ TableName: t.tableName, Key: { [TABLE_PARTITION_KEY]: { S: key } } }))).Item);

    // A code mailed with its link, one wrong answer counted.
    const user = newUser();
    await t.create(createEvent(user));
    await t.verify(verifyEvent(user, wrongFor(await t.codeFor(user.email))));
    expect(await typesAt(userItemKey(user.userName))).toEqual({
      pk: 'S', ttl: 'N', version: 'N', codeId: 'S', codeHash: 'S', linkHash: 'S', keyId: 'S', issuedAt: 'N', expiresAt: 'N',
      attempts: 'N', guesses: 'SS', lastSentAt: 'N', sendTat: 'N', guessTat: 'N',
    });

    // A code being mailed, and a bounce recorded on the same item.
    const other = userItemKey(newUser().userName);
    const now = Date.now();
    await t.store.claim(other, 0, { id: 'p1', hash: 'ab'.repeat(32), linkHash: 'cd'.repeat(32), keyId: 'k1', issuedAt: now, expiresAt: now + 180_000 });
    await t.store.recordUndeliverable(other, { kind: 'bounce', at: now, until: now + 86_400_000, addressHash: 'ef'.repeat(32), keyId: 'k1' });
    expect(await typesAt(other)).toEqual({
      pk: 'S', ttl: 'N', version: 'N', pendingId: 'S', pendingHash: 'S', pendingLinkHash: 'S', pendingKeyId: 'S', pendingIssuedAt: 'N', pendingExpiresAt: 'N',
      undeliverableKind: 'S', undeliverableAt: 'N', undeliverableUntil: 'N', undeliverableAddress: 'S', undeliverableKeyId: 'S',
    });

    // The shared items: the email ceiling's counter and the typical send time (written after the sign-in, not awaited by it).
    let shared: Array<Record<string, AttributeValue>> = [];
    for (let i = 0; i < 50 && shared.length < 2; i++) {
      shared = (await db.send(new ScanCommand({ TableName: t.tableName }))).Items!.filter((item) => item[TABLE_PARTITION_KEY]!.S!.startsWith(ITEM_KEY_PREFIX.shared));
      if (shared.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(shared.map(typesOf).sort((a, b) => Number('sent' in a) - Number('sent' in b))).toEqual([
      { pk: 'S', ms: 'N', ttl: 'N' },
      { pk: 'S', sent: 'N', ttl: 'N' },
    ]);
  });

  it("the page reads the local page server's config.json as the stack it points to", async () => {
    const info = {
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_Local1',
      userPoolClientId: 'client123',
      cognitoEndpoint: 'http://127.0.0.1:9229',
      signInMode: 'password-and-code',
    } as StackInfo;
    const web = await startWeb(0, () => info);
    try {
      const config = parsePageConfig(await (await fetch(new URL(PAGE_CONFIG_PATH, web.url))).json());
      expect(config).toEqual({
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Local1',
        userPoolClientId: 'client123',
        userPoolEndpoint: 'http://127.0.0.1:9229',
        signInMode: 'password-and-code',
      });
    } finally {
      await web.stop();
    }
  }, 60_000);
});
