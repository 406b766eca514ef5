/** The item layout (contracts/table-item.ts) in DynamoDB's AttributeValue form: strings as S, numbers as N, the guesses as SS. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE, itemKey, type UserItem } from '../contracts/table-item.ts';

/** The only kinds of value the layout stores. */
export type ItemValue = string | number | ReadonlySet<string>;

export type AttributeMap = Record<string, AttributeValue>;

/**
 * One value as an AttributeValue. Like the SDK's marshaller, it refuses numbers DynamoDB would not get back
 * exactly (NaN, infinities, integers beyond 2^53) and empty sets, rather than storing something else.
 */
export function toAttribute(value: ItemValue): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Special numeric value ${value} is not allowed`);
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) throw new TypeError(`Number ${value} is beyond Number.MAX_SAFE_INTEGER`);
    return { N: String(value) };
  }
  if (value instanceof Set) {
    if (value.size === 0) throw new TypeError('An empty set cannot be stored');
    const strings = [...value];
    if (strings.some((s) => typeof s !== 'string')) throw new TypeError('Only string sets are stored');
    return { SS: strings };
  }
  throw new TypeError(`Unsupported type of value: ${typeof value}`);
}

/** Expression attribute values (or a key) as AttributeValues; undefined ones are left out. */
export function toAttributes(values: Readonly<Record<string, ItemValue | undefined>>): AttributeMap {
  const attributes: AttributeMap = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) attributes[name] = toAttribute(value);
  }
  return attributes;
}

/** The `Key` of an item. */
export function keyAttributes(key: string): AttributeMap {
  return toAttributes(itemKey(key));
}

type AttributeType = 'S' | 'N' | 'SS';

/** The DynamoDB type of each attribute of a user's item, derived from `UserItem`: a new attribute must be listed. */
type UserItemTypes = {
  readonly [K in keyof UserItem]-?: NonNullable<UserItem[K]> extends number ? 'N' : NonNullable<UserItem[K]> extends string ? 'S' : 'SS';
};

const USER_ITEM_TYPES: UserItemTypes = {
  [TABLE_PARTITION_KEY]: 'S',
  [TABLE_TTL_ATTRIBUTE]: 'N',
  version: 'N',
  codeId: 'S',
  codeHash: 'S',
  linkHash: 'S',
  keyId: 'S',
  issuedAt: 'N',
  expiresAt: 'N',
  attempts: 'N',
  guesses: 'SS',
  pendingId: 'S',
  pendingHash: 'S',
  pendingLinkHash: 'S',
  pendingKeyId: 'S',
  pendingIssuedAt: 'N',
  pendingExpiresAt: 'N',
  lastSentAt: 'N',
  sendTat: 'N',
  guessTat: 'N',
  undeliverableKind: 'S',
  undeliverableAt: 'N',
  undeliverableUntil: 'N',
  undeliverableAddress: 'S',
  undeliverableKeyId: 'S',
};

function fromAttribute(name: string, value: AttributeValue, type: AttributeType): ItemValue {
  if (type === 'S' && value.S !== undefined) return value.S;
  if (type === 'N' && value.N !== undefined) return Number(value.N);
  if (type === 'SS' && value.SS !== undefined) return new Set(value.SS);
  throw new TypeError(`Attribute ${name} is not of type ${type}: ${Object.keys(value).join(', ')}`);
}

/**
 * A user's item as read (GetItem's `Item`, an update's old `Attributes`). Only the layout's attributes are read, each
 * with its type; one of another type is an error rather than a value the store would misread.
 */
export function toUserItem(attributes: AttributeMap | undefined): Partial<UserItem> | undefined {
  if (!attributes) return undefined;
  const item: Record<string, ItemValue> = {};
  for (const [name, type] of Object.entries(USER_ITEM_TYPES) as [string, AttributeType][]) {
    const value = attributes[name];
    if (value !== undefined) item[name] = fromAttribute(name, value, type);
  }
  return item as Partial<UserItem>;
}

/** A number attribute of a shared item, or undefined when the item or the number is not there. */
export function numberAttribute(attributes: AttributeMap | undefined, name: string): number | undefined {
  const n = attributes?.[name]?.N;
  return n === undefined ? undefined : Number(n);
}
