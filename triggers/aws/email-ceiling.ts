/**
 * The pool-wide ceiling of emails per hour, so that a stranger spraying many accounts reaches it rather than the
 * SES account's review. Counted in fixed hour windows on sharded counter items (`meta#ceiling#<hour>#<shard>`):
 * each code email takes one slot with one conditional ADD on a random shard, so no single item takes every write.
 */
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { callOptions } from '../domain/deadline.ts';
import { CEILING_COUNT_ATTRIBUTE, TABLE_TTL_ATTRIBUTE, ceilingItemKey, itemTtl } from '../contracts/table-item.ts';
import { CodeStoreError } from '../domain/errors.ts';
import { toSeconds } from '../domain/rate-limit.ts';
import { keyAttributes, toAttributes } from './table-item-codec.ts';

export const CEILING_WINDOW_MS = 3_600_000;
/** Counter items per window: each takes at most 1/16 of the writes (DynamoDB allows 1,000 a second per item). */
export const CEILING_SHARDS = 16;
/** Shards tried before a send is refused: near the ceiling a few slots of full-looking windows may stay unused. */
const CEILING_TRIES = 3;

export type CeilingVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export interface EmailCeiling {
  /** Takes one email's slot in the window of `now`, or says how long until the next window. */
  take(now: number): Promise<CeilingVerdict>;
}

/** The slots of shard `shard` when `max` emails an hour are spread over the shards (the remainder to the first ones). */
function shardAllowance(max: number, shard: number): number {
  const shards = Math.min(CEILING_SHARDS, max);
  return Math.floor(max / shards) + (shard < max % shards ? 1 : 0);
}

/** The shards one take tries, in order: a random start, then the next ones. */
function shardsToTry(max: number, random: () => number = Math.random): number[] {
  const shards = Math.min(CEILING_SHARDS, max);
  const start = Math.floor(random() * shards);
  return Array.from({ length: Math.min(CEILING_TRIES, shards) }, (_, i) => (start + i) % shards);
}

export function createDynamoEmailCeiling(db: DynamoDBClient, tableName: string, maxPerHour: number, random: () => number = Math.random): EmailCeiling {
  return {
    async take(now) {
      const window = Math.floor(now / CEILING_WINDOW_MS);
      for (const shard of shardsToTry(maxPerHour, random)) {
        try {
          await db.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: keyAttributes(ceilingItemKey(window, shard)),
              UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :allowance',
              ExpressionAttributeNames: { '#count': CEILING_COUNT_ATTRIBUTE, '#ttl': TABLE_TTL_ATTRIBUTE },
              ExpressionAttributeValues: toAttributes({ ':one': 1, ':allowance': shardAllowance(maxPerHour, shard), ':ttl': itemTtl(now) }),
            }),
            callOptions(),
          );
          return { ok: true };
        } catch (error) {
          const name = (error as { name?: string } | undefined)?.name;
          if (!(error instanceof ConditionalCheckFailedException) && name !== 'ConditionalCheckFailedException') throw new CodeStoreError('issued', error);
        }
      }
      return { ok: false, retryAfterSeconds: toSeconds((window + 1) * CEILING_WINDOW_MS - now) };
    },
  };
}

