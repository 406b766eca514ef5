import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { CodeStoreError } from './errors.ts';
import { SEND_WINDOW_MS } from './send-policy.ts';

/** The code currently valid for a user. Only its salted hash is kept. */
export interface StoredCode {
  /** Random, non-secret id, for logs and to tell one code from the next. */
  readonly id: string;
  readonly hash: string;
  readonly salt: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  /** Epoch milliseconds; checked on every verify, independently of DynamoDB TTL. */
  readonly expiresAt: number;
  /** Guesses counted so far against this code. */
  readonly attempts: number;
}

/** Everything stored for one user: one item, so one conditional write keeps code and send window consistent. */
export interface UserState {
  readonly code: StoredCode | undefined;
  /** Epoch milliseconds of the emails SES accepted within the last hour. */
  readonly sends: readonly number[];
  /** Optimistic-lock counter; 0 when there is no item yet. */
  readonly version: number;
}

export type AttemptResult =
  | { readonly kind: 'counted'; readonly code: StoredCode }
  | { readonly kind: 'no_code' | 'expired' | 'locked_out' };

export interface CodeStore {
  read(key: string): Promise<UserState>;
  /** Writes `next` if the item is still at `expectedVersion`; false when another writer got there first. */
  replace(key: string, expectedVersion: number, next: Omit<UserState, 'version'>): Promise<boolean>;
  /** Puts `previous` back unless the code `codeId` has since been replaced. */
  restore(key: string, codeId: string, previous: UserState): Promise<void>;
  /** Atomically counts one guess against the current code, if it is live; counts before any comparison. */
  countAttempt(key: string, maxAttempts: number, now: number): Promise<AttemptResult>;
  /** Consumes the code whose hash is `hash`; false if it was consumed or replaced meanwhile. */
  consume(key: string, hash: string): Promise<boolean>;
}

/** Table schema shared with the CDK construct and the local stack: string partition key, TTL attribute. */
export const TABLE_PARTITION_KEY = 'pk';
export const TABLE_TTL_ATTRIBUTE = 'ttl';

interface Item {
  pk: string;
  version: number;
  sends: number[];
  ttl: number;
  codeId?: string;
  codeHash?: string;
  salt?: string;
  issuedAt?: number;
  expiresAt?: number;
  attempts?: number;
}

const CODE_FIELDS = ['codeId', 'codeHash', 'salt', 'issuedAt', 'expiresAt', 'attempts'] as const;

/** DynamoDB TTL only cleans up, days late at worst: keep the item while its code or send window matters. */
function ttlFor(code: StoredCode | undefined, sends: readonly number[]): number {
  const until = Math.max(code?.expiresAt ?? 0, ...sends.map((t) => t + SEND_WINDOW_MS));
  return Math.ceil(until / 1000);
}

function toCode(item: Partial<Item>): StoredCode | undefined {
  if (item.codeId === undefined || item.codeHash === undefined || item.salt === undefined) return undefined;
  return {
    id: item.codeId,
    hash: item.codeHash,
    salt: item.salt,
    issuedAt: Number(item.issuedAt),
    expiresAt: Number(item.expiresAt),
    attempts: Number(item.attempts ?? 0),
  };
}

function toItem(pk: string, version: number, code: StoredCode | undefined, sends: readonly number[]): Item {
  const item: Item = { pk, version, sends: [...sends], ttl: ttlFor(code, sends) };
  if (code) {
    Object.assign(item, {
      codeId: code.id,
      codeHash: code.hash,
      salt: code.salt,
      issuedAt: code.issuedAt,
      expiresAt: code.expiresAt,
      attempts: code.attempts,
    });
  }
  return item;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException'
  );
}

export function createDynamoCodeStore(db: DynamoDBDocumentClient, tableName: string): CodeStore {
  async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isConditionFailure(error)) throw error;
      throw new CodeStoreError(operation, error);
    }
  }

  async function read(key: string): Promise<UserState> {
    const { Item } = await call('read', () =>
      db.send(new GetCommand({ TableName: tableName, Key: { pk: key }, ConsistentRead: true })),
    );
    if (!Item) return { code: undefined, sends: [], version: 0 };
    const item = Item as Item;
    return { code: toCode(item), sends: (item.sends ?? []).map(Number), version: Number(item.version) };
  }

  return {
    read,

    async replace(key, expectedVersion, next) {
      try {
        await call('saved', () =>
          db.send(
            new PutCommand({
              TableName: tableName,
              Item: toItem(key, expectedVersion + 1, next.code, next.sends),
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
              ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async restore(key, codeId, previous) {
      const condition = { ConditionExpression: 'codeId = :replacedBy' };
      try {
        if (!previous.code && previous.sends.length === 0) {
          await call('restored', () =>
            db.send(
              new DeleteCommand({
                TableName: tableName,
                Key: { pk: key },
                ...condition,
                ExpressionAttributeValues: { ':replacedBy': codeId },
              }),
            ),
          );
          return;
        }
        const { pk: _pk, version: _version, ...fields } = toItem(key, 0, previous.code, previous.sends);
        const names = Object.keys(fields);
        const removed = previous.code ? [] : CODE_FIELDS.map((f) => `#${f}`);
        await call('restored', () =>
          db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk: key },
              UpdateExpression:
                `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}, version = version + :one` +
                (removed.length ? ` REMOVE ${removed.join(', ')}` : ''),
              ...condition,
              ExpressionAttributeNames: Object.fromEntries(
                [...names, ...(previous.code ? [] : CODE_FIELDS)].map((n) => [`#${n}`, n]),
              ),
              ExpressionAttributeValues: {
                ...Object.fromEntries(names.map((n) => [`:${n}`, fields[n as keyof typeof fields]])),
                ':replacedBy': codeId,
                ':one': 1,
              },
            }),
          ),
        );
      } catch (error) {
        // Replaced meanwhile: the newer state wins and nothing of ours is left to undo.
        if (!isConditionFailure(error)) throw error;
      }
    },

    async countAttempt(key, maxAttempts, now) {
      try {
        const { Attributes } = await call('checked', () =>
          db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk: key },
              UpdateExpression: 'SET attempts = attempts + :one, version = version + :one',
              ConditionExpression: 'attribute_exists(codeHash) AND attempts < :max AND expiresAt > :now',
              ExpressionAttributeValues: { ':one': 1, ':max': maxAttempts, ':now': now },
              ReturnValues: 'ALL_NEW',
            }),
          ),
        );
        const code = toCode((Attributes ?? {}) as Partial<Item>);
        if (!code) throw new CodeStoreError('checked', new Error('update returned no code'));
        return { kind: 'counted', code };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // Only to tell the user why; the decision (no guess counted, answer wrong) is already made.
        const { code } = await read(key);
        if (!code) return { kind: 'no_code' };
        if (code.expiresAt <= now) return { kind: 'expired' };
        return { kind: 'locked_out' };
      }
    },

    async consume(key, hash) {
      try {
        await call('consumed', () =>
          db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk: key },
              UpdateExpression: `REMOVE ${CODE_FIELDS.join(', ')} SET version = version + :one`,
              ConditionExpression: 'codeHash = :hash',
              ExpressionAttributeValues: { ':hash': hash, ':one': 1 },
            }),
          ),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
