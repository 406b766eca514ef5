/**
 * Delivery feedback on a user's item: SES reported a permanent bounce or a complaint for the address a code went
 * to, so no further code goes to that address until it changes or the record's time is up. The address is kept
 * only as a keyed hash (a copy of the table lists no address), and each email carries SES message tags that lead
 * the feedback function to the item without a Cognito lookup.
 */
import type { CodeKeys } from './code-key.ts';
import { hashAddress, sameHash } from './code.ts';
import { ITEM_KEY_PREFIX } from '../contracts/table-item.ts';

/** What SES reported: a permanent bounce or a complaint (transient bounces are not recorded). */
export type UndeliverableKind = 'bounce' | 'complaint';

export interface UndeliverableRecord {
  readonly kind: UndeliverableKind;
  /** Epoch ms when SES reported it. */
  readonly at: number;
  /** Epoch ms from which codes go to the address again. */
  readonly until: number;
  /** Keyed hash of the address that bounced or complained, under the server key `keyId`. */
  readonly addressHash: string;
  readonly keyId: string;
}

/** Whether `record` stops a code to `address` at `now`: still in force, and for this very address. */
export function blocksAddress(record: UndeliverableRecord | undefined, address: string, keys: CodeKeys, now: number): boolean {
  if (!record || record.until <= now) return false;
  const key = keys.key(record.keyId);
  // A key retired since: the record cannot be matched any more, and SES's own suppression list still applies.
  return key !== undefined && sameHash(record.addressHash, hashAddress(key, 'delivery-address', address));
}

/**
 * A private challenge parameter (Cognito hands it from Create to Verify, never to the client): in code mode the round
 * was answered as for an unknown address, on that address's own item, because SES reported the user's address.
 */
export const ANSWERED_AS_UNKNOWN = 'answeredAsUnknown';

/** SES message tag names (ASCII letters, digits, `_` and `-`). */
export const DELIVERY_TAGS = { item: 'email-otp-item', address: 'email-otp-address', key: 'email-otp-key' } as const;

/** SES's limit on a tag value. */
const TAG_VALUE_MAX = 256;

export interface MessageTag {
  readonly Name: string;
  readonly Value: string;
}

/**
 * The tags Create puts on a code email to a known user: the item key and the address's keyed hash, base64url
 * (SES's tag charset). None when the item key does not fit a tag (a user name of many multi-byte letters): the
 * feedback function then cannot place the event and logs it.
 */
export function deliveryTags(itemKey: string, address: string, keys: CodeKeys): MessageTag[] {
  const item = Buffer.from(itemKey, 'utf8').toString('base64url');
  const keyId = Buffer.from(keys.currentId, 'utf8').toString('base64url');
  if (!itemKey.startsWith(ITEM_KEY_PREFIX.user) || item.length > TAG_VALUE_MAX || keyId.length > TAG_VALUE_MAX) return [];
  const hash = Buffer.from(hashAddress(keys.key(keys.currentId)!, 'delivery-address', address), 'hex').toString('base64url');
  return [
    { Name: DELIVERY_TAGS.item, Value: item },
    { Name: DELIVERY_TAGS.address, Value: hash },
    { Name: DELIVERY_TAGS.key, Value: keyId },
  ];
}

/** Where a feedback event belongs, read back from its tags; undefined when they are missing or not ours. */
export function readDeliveryTags(tags: Readonly<Record<string, readonly string[] | undefined>> | undefined):
  | { readonly itemKey: string; readonly addressHash: string; readonly keyId: string }
  | undefined {
  const one = (name: string) => {
    const value = tags?.[name]?.[0];
    return typeof value === 'string' && /^[A-Za-z0-9_-]{1,256}$/.test(value) ? value : undefined;
  };
  const item = one(DELIVERY_TAGS.item);
  const hash = one(DELIVERY_TAGS.address);
  const keyId = one(DELIVERY_TAGS.key);
  if (!item || !hash || !keyId) return undefined;
  const itemKey = Buffer.from(item, 'base64url').toString('utf8');
  const hex = Buffer.from(hash, 'base64url').toString('hex');
  // Only a known user's item: feedback must never create or touch a shared or an unknown user's item.
  if (!itemKey.startsWith(ITEM_KEY_PREFIX.user) || itemKey.length <= ITEM_KEY_PREFIX.user.length || hex.length !== 64) return undefined;
  return { itemKey, addressHash: hex, keyId: Buffer.from(keyId, 'base64url').toString('utf8') };
}
