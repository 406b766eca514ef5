/** The code store on DynamoDB: each operation one conditional write on the user's item (contracts/table-item.ts). */
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, UpdateItemCommand, type UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { awsClientOptions } from './aws-clients.ts';
import { callOptions } from '../domain/deadline.ts';
import { judgeAnswer, judgeLink, type AnswerResult, type CodeStore, type LinkResult } from '../domain/code-store.ts';
import {
  PENDING_ATTRIBUTES,
  SEND_TIME_ATTRIBUTE,
  SEND_TIME_ITEM_KEY,
  TABLE_PARTITION_KEY,
  TABLE_TTL_ATTRIBUTE,
  UNDELIVERABLE_ATTRIBUTES,
  itemTtl,
  type UserItem,
} from '../contracts/table-item.ts';
import { keyAttributes, numberAttribute, toAttributes, toUserItem, type ItemValue } from './table-item-codec.ts';
import type { UndeliverableRecord } from '../domain/delivery.ts';
import { CodeStoreError } from '../domain/errors.ts';
import type { SharedSendTime } from '../domain/send-timing.ts';
import { EMPTY_STATE, type PendingCode, type StoredCode, type UserState } from '../domain/user-state.ts';

/** The table's client, one per container: the SDK's standard endpoint settings and the DynamoDB time limits. */
export function createDynamoClient(): DynamoDBClient {
  return new DynamoDBClient(awsClientOptions('dynamodb'));
}

function toState(item: Partial<UserItem> | undefined): UserState {
  if (!item) return EMPTY_STATE;
  const code: StoredCode | undefined =
    item.codeId && item.codeHash && item.keyId
      ? {
          id: item.codeId,
          hash: item.codeHash,
          linkHash: item.linkHash,
          keyId: item.keyId,
          issuedAt: Number(item.issuedAt),
          expiresAt: Number(item.expiresAt),
          attempts: Number(item.attempts ?? 0),
          used: (item.guesses?.has(item.codeHash) || (item.linkHash !== undefined && item.guesses?.has(item.linkHash))) ?? false,
        }
      : undefined;
  const pending: PendingCode | undefined =
    item.pendingId && item.pendingHash && item.pendingKeyId
      ? {
          id: item.pendingId,
          hash: item.pendingHash,
          linkHash: item.pendingLinkHash,
          keyId: item.pendingKeyId,
          issuedAt: Number(item.pendingIssuedAt),
          expiresAt: Number(item.pendingExpiresAt),
        }
      : undefined;
  const undeliverable: UndeliverableRecord | undefined =
    (item.undeliverableKind === 'bounce' || item.undeliverableKind === 'complaint') && item.undeliverableAddress && item.undeliverableKeyId
      ? {
          kind: item.undeliverableKind,
          at: Number(item.undeliverableAt),
          until: Number(item.undeliverableUntil),
          addressHash: item.undeliverableAddress,
          keyId: item.undeliverableKeyId,
        }
      : undefined;
  return {
    code,
    pending,
    ...(undeliverable ? { undeliverable } : {}),
    lastSentAt: item.lastSentAt === undefined ? undefined : Number(item.lastSentAt),
    sendTat: Number(item.sendTat ?? 0),
    guessTat: Number(item.guessTat ?? 0),
    version: Number(item.version ?? 0),
  };
}

/** The TTL and key attributes by placeholder (their names are the table's schema); DynamoDB refuses unused ones. */
const TTL_NAME = { '#ttl': TABLE_TTL_ATTRIBUTE };
const KEY_NAME = { '#pk': TABLE_PARTITION_KEY };

/** Writing a pending code: the fields and their values (the item's lifetime counted from its issue). */
function pendingSet(pending: PendingCode): string {
  const link = pending.linkHash === undefined ? '' : ', pendingLinkHash = :linkHash';
  return `pendingId = :id, pendingHash = :hash, pendingKeyId = :keyId, pendingIssuedAt = :issuedAt, pendingExpiresAt = :expiresAt${link}`;
}

/** A pending code without a link clears the link of an older claim it replaces. */
const pendingRemove = (pending: PendingCode) => (pending.linkHash === undefined ? ' REMOVE pendingLinkHash' : '');

function pendingValues(pending: PendingCode): Record<string, ItemValue | undefined> {
  return {
    ':id': pending.id,
    ':hash': pending.hash,
    ':keyId': pending.keyId,
    ':issuedAt': pending.issuedAt,
    ':expiresAt': pending.expiresAt,
    ':ttl': itemTtl(pending.issuedAt),
    ...(pending.linkHash === undefined ? {} : { ':linkHash': pending.linkHash }),
  };
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException'
  );
}

/** Tries of the answer update when other answers move the account's pacing state in between. */
const MAX_ANSWER_RACES = 4;

/** An update of a user's item: its key, and expression values in the layout's own types (undefined ones left out). */
type ItemUpdate = Omit<UpdateItemCommandInput, 'TableName' | 'Key' | 'ExpressionAttributeValues'> & {
  readonly key: string;
  readonly values: Readonly<Record<string, ItemValue | undefined>>;
};

export function createDynamoCodeStore(db: DynamoDBClient, tableName: string): CodeStore {
  /** Runs one conditional update: false when its condition failed, else the item before it (with ReturnValues ALL_OLD), CodeStoreError for anything else. */
  async function update(operation: string, { key, values, ...input }: ItemUpdate): Promise<false | { readonly old: Partial<UserItem> | undefined }> {
    try {
      const { Attributes } = await db.send(
        new UpdateItemCommand({ TableName: tableName, Key: keyAttributes(key), ExpressionAttributeValues: toAttributes(values), ...input }),
        callOptions(),
      );
      return { old: toUserItem(Attributes) };
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw new CodeStoreError(operation, error);
    }
  }

  async function read(key: string): Promise<UserState> {
    try {
      const { Item } = await db.send(
        new GetItemCommand({ TableName: tableName, Key: keyAttributes(key), ConsistentRead: true }),
        callOptions(),
      );
      return toState(toUserItem(Item));
    } catch (error) {
      throw new CodeStoreError('read', error);
    }
  }

  return {
    read,

    async claimIfSendable(key, bounds, pending) {
      const result = await update('saved', {
        key,
        UpdateExpression: `SET ${pendingSet(pending)}, version = if_not_exists(version, :zero) + :one, #ttl = :ttl${pendingRemove(pending)}`,
        // withinSendableBounds, field by field.
        ConditionExpression:
          '(attribute_not_exists(pendingId) OR pendingIssuedAt <= :pendingIssuedBy) AND ' +
          '(attribute_not_exists(lastSentAt) OR lastSentAt <= :lastSentBy) AND ' +
          '(attribute_not_exists(linkHash) OR expiresAt <= :linkedCodeExpiredBy) AND ' +
          '(attribute_not_exists(sendTat) OR sendTat <= :sendTatAtMost)' +
          (bounds.guessTatAtMost === undefined ? '' : ' AND (attribute_not_exists(guessTat) OR guessTat <= :guessTatAtMost)') +
          ' AND (attribute_not_exists(undeliverableUntil) OR undeliverableUntil <= :undeliverableEndedBy)',
        ExpressionAttributeNames: TTL_NAME,
        values: {
          ...pendingValues(pending),
          ':zero': 0,
          ':one': 1,
          ':pendingIssuedBy': bounds.pendingIssuedBy,
          ':lastSentBy': bounds.lastSentBy,
          ':linkedCodeExpiredBy': bounds.linkedCodeExpiredBy,
          ':sendTatAtMost': bounds.sendTatAtMost,
          ':undeliverableEndedBy': bounds.undeliverableEndedBy,
          ...(bounds.guessTatAtMost === undefined ? {} : { ':guessTatAtMost': bounds.guessTatAtMost }),
        },
        ReturnValues: 'ALL_OLD',
      });
      return result === false ? undefined : toState(result.old);
    },

    async claim(key, expectedVersion, pending) {
      const result = await update('saved', {
        key,
        // The caller decided from the state at this version that its delivery record (if any) no longer applies.
        UpdateExpression: `SET ${pendingSet(pending)}, version = :next, #ttl = :ttl REMOVE ${[...(pending.linkHash === undefined ? ['pendingLinkHash'] : []), ...UNDELIVERABLE_ATTRIBUTES].join(', ')}`,
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(#pk)' : 'version = :expected',
        ExpressionAttributeNames: expectedVersion === 0 ? { ...TTL_NAME, ...KEY_NAME } : TTL_NAME,
        values: {
          ...pendingValues(pending),
          ':next': expectedVersion + 1,
          ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }),
        },
      });
      return result !== false;
    },

    async promote(key, pending, sentAt, sendTat) {
      const result = await update('saved', {
        key,
        UpdateExpression:
          'SET codeId = :id, codeHash = :hash, keyId = :keyId, issuedAt = :issuedAt, expiresAt = :expiresAt, ' +
          'attempts = :zero, lastSentAt = :sentAt, sendTat = :sendTat, version = version + :one, #ttl = :ttl' +
          (pending.linkHash === undefined ? ' ' : ', linkHash = :linkHash ') +
          `REMOVE guesses, ${PENDING_ATTRIBUTES.join(', ')}${pending.linkHash === undefined ? ', linkHash' : ''}`,
        ConditionExpression: 'pendingId = :id',
        ExpressionAttributeNames: TTL_NAME,
        values: {
          ':id': pending.id,
          ':hash': pending.hash,
          ':keyId': pending.keyId,
          ':issuedAt': pending.issuedAt,
          ':expiresAt': pending.expiresAt,
          ':zero': 0,
          ':one': 1,
          ':sentAt': sentAt,
          ':sendTat': sendTat,
          ':ttl': itemTtl(sentAt),
          ...(pending.linkHash === undefined ? {} : { ':linkHash': pending.linkHash }),
        },
      });
      return result !== false;
    },

    async abandon(key, pendingId) {
      // A condition failure means a newer claim replaced ours: nothing of ours is left to undo.
      await update('restored', {
        key,
        UpdateExpression: `REMOVE ${PENDING_ATTRIBUTES.join(', ')} SET version = version + :one`,
        ConditionExpression: 'pendingId = :id',
        values: { ':id': pendingId, ':one': 1 },
      });
    },

    async answer(key, attempt): Promise<AnswerResult> {
      // First try assumes the common case (no recent answers, so pacing starts from now): one request.
      let paced: { from: number | undefined; to: number } = { from: undefined, to: attempt.now + attempt.rate.intervalMs };
      for (let race = 0; race < MAX_ANSWER_RACES; race++) {
        const result = await update('checked', {
          key,
          UpdateExpression:
            'SET attempts = attempts + :one, version = version + :one, guessTat = :to ADD guesses :guess',
          ConditionExpression:
            'codeId = :codeId AND expiresAt > :now AND attempts < :max AND ' +
            (paced.from === undefined ? '(attribute_not_exists(guessTat) OR guessTat <= :now)' : 'guessTat = :from'),
          values: {
            ':one': 1,
            ':to': paced.to,
            ':guess': new Set([attempt.guessHash]),
            ':codeId': attempt.codeId,
            ':now': attempt.now,
            ':max': attempt.maxAttempts,
            ...(paced.from === undefined ? {} : { ':from': paced.from }),
          },
          ReturnValues: 'ALL_OLD',
        });
        if (result !== false) {
          const code = toState(result.old).code;
          if (!code) throw new CodeStoreError('checked', new Error('update returned no code'));
          // The condition cannot see a used code; the state before this answer can.
          return code.used ? { kind: 'used' } : { kind: 'counted', code };
        }
        // Only to tell why, or to retry with the pacing state as it is now; nothing was counted.
        const state = await read(key);
        const verdict = judgeAnswer(state, attempt);
        if (verdict.kind !== 'admit') return verdict;
        paced = { from: state.guessTat > attempt.now ? state.guessTat : undefined, to: verdict.guessTat };
      }
      throw new CodeStoreError('checked', new Error(`lost ${MAX_ANSWER_RACES} races to parallel answers`));
    },

    async redeemLink(key, attempt): Promise<LinkResult> {
      // Neither attempts nor pacing are conditions: only the code, its expiry, the link and not being spent yet.
      const result = await update('checked', {
        key,
        UpdateExpression: 'SET version = version + :one ADD guesses :link',
        ConditionExpression: 'codeId = :codeId AND linkHash = :linkHash AND expiresAt > :now AND NOT contains(guesses, :linkHash)',
        values: {
          ':one': 1,
          ':link': new Set([attempt.linkHash]),
          ':codeId': attempt.codeId,
          ':linkHash': attempt.linkHash,
          ':now': attempt.now,
        },
        ReturnValues: 'ALL_OLD',
      });
      if (result !== false) {
        // The condition cannot see a code spent by its typed code; the state before this write can.
        return toState(result.old).code?.used ? { kind: 'used' } : { kind: 'redeemed' };
      }
      // Only to tell why: nothing was written.
      return judgeLink(await read(key), attempt);
    },

    async recordUndeliverable(key, record) {
      const result = await update('saved', {
        key,
        UpdateExpression:
          'SET undeliverableKind = :kind, undeliverableAt = :at, undeliverableUntil = :until, undeliverableAddress = :address, ' +
          // The item outlives the record: a later sign-in's write sets the usual day again only once the record no longer applies.
          'undeliverableKeyId = :keyId, version = if_not_exists(version, :zero) + :one, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(undeliverableAt) OR undeliverableAt <= :at',
        ExpressionAttributeNames: TTL_NAME,
        values: {
          ':kind': record.kind,
          ':at': record.at,
          ':until': record.until,
          ':address': record.addressHash,
          ':keyId': record.keyId,
          ':zero': 0,
          ':one': 1,
          ':ttl': Math.max(itemTtl(record.at), Math.ceil(record.until / 1000)),
        },
      });
      return result !== false;
    },
  };
}

/** The shared typical SES send time, in one item beside the users' (its key cannot be a user's). */
export function createDynamoSharedSendTime(db: DynamoDBClient, tableName: string): SharedSendTime {
  const Key = keyAttributes(SEND_TIME_ITEM_KEY);
  return {
    async load() {
      const { Item } = await db.send(new GetItemCommand({ TableName: tableName, Key }), callOptions());
      return numberAttribute(Item, SEND_TIME_ATTRIBUTE);
    },
    async save(ms) {
      await db.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key,
          UpdateExpression: 'SET ms = :ms, #ttl = :ttl',
          ExpressionAttributeNames: TTL_NAME,
          ExpressionAttributeValues: toAttributes({ ':ms': Math.round(ms), ':ttl': itemTtl(Date.now()) }),
        }),
      );
    },
  };
}
