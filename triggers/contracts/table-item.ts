/**
 * The code table's item layout: its key and TTL attribute (the table's schema, shared by the store, the CDK
 * construct and the local stack), the item keys, and the attributes of a user's item.
 */

/** String partition key of every item. */
export const TABLE_PARTITION_KEY = 'pk';
/** Epoch seconds after which DynamoDB may delete the item (it deletes late, up to days: it only cleans up). */
export const TABLE_TTL_ATTRIBUTE = 'ttl';

/** Partition key prefixes: one item per known user, per unknown user (a keyed digest of what was typed), and shared items. */
export const ITEM_KEY_PREFIX = { user: 'user#', absentUser: 'absent#', shared: 'meta#' } as const;

/** The item of a user the pool knows, by its Cognito user name. */
export function userItemKey(userName: string): string {
  return `${ITEM_KEY_PREFIX.user}${userName}`;
}

/** The item of an unknown user, by the keyed digest of what was typed (never the address itself). */
export function absentUserItemKey(digest: string): string {
  return `${ITEM_KEY_PREFIX.absentUser}${digest}`;
}

/** The shared typical SES send time, one item beside the users' (its key cannot be a user's). */
export const SEND_TIME_ITEM_KEY = `${ITEM_KEY_PREFIX.shared}send-time`;

/** The key of an item, attribute by name. */
export function itemKey(key: string): { readonly [TABLE_PARTITION_KEY]: string } {
  return { [TABLE_PARTITION_KEY]: key };
}

/** DynamoDB TTL only cleans up, days late at worst: keep the item a day, the longest any limit looks back. */
export const ITEM_LIFETIME_MS = 86_400_000;

/** The TTL attribute's value for an item written at `now` (epoch ms). */
export function itemTtl(now: number): number {
  return Math.ceil((now + ITEM_LIFETIME_MS) / 1000);
}

/**
 * A user's item as stored. `guesses` holds the keyed hashes of the answers counted against the current code, and
 * the link's hash once the link was used: the code is spent when it holds either of them. The `pending*`
 * attributes are a code claimed and being mailed; the others the code offered, and the send and answer pacing.
 */
export interface UserItem {
  [TABLE_PARTITION_KEY]: string;
  [TABLE_TTL_ATTRIBUTE]: number;
  version: number;
  codeId?: string;
  codeHash?: string;
  linkHash?: string;
  keyId?: string;
  issuedAt?: number;
  expiresAt?: number;
  attempts?: number;
  guesses?: Set<string>;
  pendingId?: string;
  pendingHash?: string;
  pendingLinkHash?: string;
  pendingKeyId?: string;
  pendingIssuedAt?: number;
  pendingExpiresAt?: number;
  lastSentAt?: number;
  sendTat?: number;
  guessTat?: number;
  /** SES feedback (triggers/domain/delivery.ts): `bounce` or `complaint`, when, until when, and the address's keyed hash. */
  undeliverableKind?: string;
  undeliverableAt?: number;
  undeliverableUntil?: number;
  undeliverableAddress?: string;
  undeliverableKeyId?: string;
}

/** The attributes of a delivery record, removed together once it no longer applies. */
export const UNDELIVERABLE_ATTRIBUTES = ['undeliverableKind', 'undeliverableAt', 'undeliverableUntil', 'undeliverableAddress', 'undeliverableKeyId'] as const satisfies readonly (keyof UserItem)[];

/** Shards of the pool-wide email ceiling's counter for one window: `meta#ceiling#<window>#<shard>`. */
export function ceilingItemKey(window: number, shard: number): string {
  return `${ITEM_KEY_PREFIX.shared}ceiling#${window}#${shard}`;
}

/** The ceiling shard's count attribute. */
export const CEILING_COUNT_ATTRIBUTE = 'sent';

/** The attributes of a pending code, removed together once it is offered or abandoned. */
export const PENDING_ATTRIBUTES = ['pendingId', 'pendingHash', 'pendingLinkHash', 'pendingKeyId', 'pendingIssuedAt', 'pendingExpiresAt'] as const satisfies readonly (keyof UserItem)[];

/** The shared send time item's value attribute (milliseconds). */
export const SEND_TIME_ATTRIBUTE = 'ms';
