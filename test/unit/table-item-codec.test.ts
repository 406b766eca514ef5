/**
 * The item layout's codec writes and reads exactly what the SDK's generic marshaller (@aws-sdk/util-dynamodb, which the
 * triggers used before) did for the values the layout holds: the table's items keep their attribute types.
 */
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { itemKey, userItemKey, type UserItem } from '../../triggers/contracts/table-item.ts';
import { keyAttributes, numberAttribute, toAttribute, toAttributes, toUserItem } from '../../triggers/aws/table-item-codec.ts';

/** Every attribute of the layout, as a user's item holds them at the most. */
const FULL_ITEM: Required<UserItem> = {
  pk: userItemKey('3f2a-user'),
  ttl: 1_790_000_000,
  version: 7,
  codeId: 'c0de1d',
  codeHash: 'ab'.repeat(32),
  linkHash: 'cd'.repeat(32),
  keyId: 'key-2026',
  issuedAt: 1_789_913_600_000,
  expiresAt: 1_789_913_780_000,
  attempts: 2,
  guesses: new Set(['ef'.repeat(32), '01'.repeat(32)]),
  pendingId: 'p3nd',
  pendingHash: '23'.repeat(32),
  pendingLinkHash: '45'.repeat(32),
  pendingKeyId: 'key-2026',
  pendingIssuedAt: 1_789_913_700_000,
  pendingExpiresAt: 1_789_913_880_000,
  lastSentAt: 1_789_913_600_000,
  sendTat: 1_789_913_660_000,
  guessTat: 1_789_913_605_000,
  undeliverableKind: 'bounce',
  undeliverableAt: 1_789_900_000_000,
  undeliverableUntil: 1_790_500_000_000,
  undeliverableAddress: '67'.repeat(32),
  undeliverableKeyId: 'key-2025',
};

describe('the codec stores the layout as the SDK marshaller did: strings S, numbers N, the guesses SS', () => {
  it('a full item and a key convert to the same AttributeValues', () => {
    expect(toAttributes(FULL_ITEM)).toEqual(marshall(FULL_ITEM));
    expect(toAttributes(FULL_ITEM).guesses).toEqual({ SS: ['ef'.repeat(32), '01'.repeat(32)] });
    expect(toAttributes(FULL_ITEM).attempts).toEqual({ N: '2' });
    expect(keyAttributes('user#a')).toEqual(marshall(itemKey('user#a')));
    expect(keyAttributes('user#a')).toEqual({ pk: { S: 'user#a' } });
  });

  it('expression values: zero, negative and fractional numbers, empty strings; undefined values are left out', () => {
    const values = { ':zero': 0, ':neg': -5, ':frac': 0.25, ':empty': '', ':one': new Set(['x']), ':gone': undefined };
    expect(toAttributes(values)).toEqual(marshall(values, { removeUndefinedValues: true }));
    expect(Object.keys(toAttributes(values))).not.toContain(':gone');
  });

  it('refuses what DynamoDB would not give back as written, as the marshaller did', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -(Number.MAX_SAFE_INTEGER + 2), new Set<string>()]) {
      expect(() => toAttribute(bad)).toThrow(TypeError);
      expect(() => marshall({ v: bad })).toThrow();
    }
    expect(toAttribute(Number.MAX_SAFE_INTEGER)).toEqual({ N: String(Number.MAX_SAFE_INTEGER) });
  });
});

describe('the codec reads a user item as the SDK unmarshaller did', () => {
  it('a full item reads back equal', () => {
    expect(toUserItem(marshall(FULL_ITEM))).toEqual(unmarshall(marshall(FULL_ITEM)));
    expect(toUserItem(marshall(FULL_ITEM))).toEqual(FULL_ITEM);
  });

  it('a partial item reads back with only its attributes; no item reads as undefined', () => {
    const partial = { pk: 'user#b', ttl: 1, version: 1, pendingId: 'p', pendingIssuedAt: 5 };
    expect(toUserItem(marshall(partial))).toEqual(partial);
    expect(toUserItem(undefined)).toBeUndefined();
  });

  it('an attribute of the layout stored with another type is an error, not a misread value', () => {
    expect(() => toUserItem({ pk: { S: 'user#c' }, attempts: { S: '0' } })).toThrow(/attempts is not of type N/);
    expect(() => toUserItem({ pk: { S: 'user#c' }, guesses: { NS: ['1'] } })).toThrow(/guesses is not of type SS/);
  });

  it('attributes the layout does not know are not read', () => {
    expect(toUserItem({ pk: { S: 'user#d' }, note: { BOOL: true } })).toEqual({ pk: 'user#d' });
  });

  it("a shared item's number", () => {
    expect(numberAttribute(marshall({ pk: 'meta#send-time', ms: 812 }), 'ms')).toBe(812);
    expect(numberAttribute({ pk: { S: 'meta#send-time' } }, 'ms')).toBeUndefined();
    expect(numberAttribute(undefined, 'ms')).toBeUndefined();
  });
});
