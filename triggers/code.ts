import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A fresh code of `length` decimal digits from the CSPRNG; leading zeros are kept. */
export function generateCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** Keyed hash of a code: HMAC-SHA256 with a per-code random salt as the key. */
export function hashCode(code: string, salt: string): string {
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(code, 'utf8').digest('hex');
}

/** Compares a candidate code with a stored hash in constant time. */
export function matchesHash(candidate: string, salt: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashCode(candidate, salt), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The answer as a code, or undefined when it cannot be one: not a string, not exactly `length`
 * ASCII digits after trimming white space (a pasted "123 456" is accepted as "123456").
 */
export function normalizeAnswer(answer: unknown, length: number): string | undefined {
  if (typeof answer !== 'string' || answer.length > 64) return undefined;
  const compact = answer.trim().replace(/[ \t-]/g, '');
  return compact.length === length && /^[0-9]+$/.test(compact) ? compact : undefined;
}
