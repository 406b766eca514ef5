/** Codes and sign-in link secrets: generated from the CSPRNG, hashed under the server key (as addresses are), compared in constant time. */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { LINK_SECRET_BYTES, LINK_SECRET_PATTERN } from '../contracts/sign-in-link.ts';

/** A fresh code of `length` decimal digits from the CSPRNG; leading zeros are kept. */
export function generateCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/**
 * Keyed hash of a code: HMAC-SHA256 under the server-side key, bound to the code's id so two codes never
 * share a hash. Without the key, a copy of the table gives nothing to test candidate codes against.
 */
export function hashCode(key: Uint8Array, codeId: string, code: string): string {
  return createHmac('sha256', key).update(`${codeId}:${code}`, 'utf8').digest('hex');
}

/**
 * Keyed hash of an address, in the domain of its purpose (an unknown user's item key cannot equal a delivery record's
 * hash). Letter case and surrounding space do not count. Without the key, a copy of the table cannot be checked
 * against a list of addresses.
 */
export function hashAddress(key: Uint8Array, purpose: 'unknown-user' | 'delivery-address', address: string): string {
  return createHmac('sha256', key).update(`${purpose}:${address.trim().toLowerCase()}`, 'utf8').digest('hex');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * The answer as a code, or undefined when it cannot be one: not a string, not exactly `length`
 * ASCII digits after removing white space and dashes (a pasted "123 456" is accepted as "123456").
 */
export function normalizeAnswer(answer: unknown, length: number): string | undefined {
  if (typeof answer !== 'string' || answer.length > 64) return undefined;
  const compact = answer.trim().replace(/[\s-]/g, '');
  return compact.length === length && /^[0-9]+$/.test(compact) ? compact : undefined;
}


/** A fresh sign-in link secret from the CSPRNG, URL-safe (22 base64url characters). */
export function generateLinkSecret(): string {
  return randomBytes(LINK_SECRET_BYTES).toString('base64url');
}

/** Keyed hash of a link secret, bound to its code's id and kept apart from code hashes by its prefix. */
export function hashLinkSecret(key: Uint8Array, codeId: string, secret: string): string {
  return hashCode(key, codeId, `link:${secret}`);
}

/** The answer as a link secret, or undefined when it has not that exact shape. */
export function linkSecretOf(answer: unknown): string | undefined {
  if (typeof answer !== 'string') return undefined;
  const trimmed = answer.trim();
  return LINK_SECRET_PATTERN.test(trimmed) ? trimmed : undefined;
}
