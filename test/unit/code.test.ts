import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCode, generateLinkSecret, hashCode, hashLinkSecret, linkSecretOf, normalizeAnswer, sameHash } from '../../triggers/domain/code.ts';

describe('codes come from the CSPRNG with the configured length', () => {
  it.each([6, 8, 10])('has %i digits, leading zeros kept', (length) => {
    for (let i = 0; i < 200; i++) expect(generateCode(length)).toMatch(new RegExp(`^\\d{${length}}$`));
  });
  it('spreads over every digit in every position', () => {
    const seen = Array.from({ length: 6 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) [...generateCode(6)].forEach((d, p) => seen[p]!.add(d));
    for (const digits of seen) expect(digits.size).toBe(10);
  });
});

describe('codes are stored only as a keyed hash and compared in constant time', () => {
  const key = Buffer.from('k'.repeat(32));
  it('never contains the code and differs per code id and per key', () => {
    const a = hashCode(key, 'id-1', '123456');
    expect(a).not.toContain('123456');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(key, 'id-2', '123456')).not.toBe(a);
    expect(hashCode(Buffer.from('j'.repeat(32)), 'id-1', '123456')).not.toBe(a);
  });
  it('matches only the same code under the same key and id', () => {
    const stored = hashCode(key, 'id', '012345');
    expect(sameHash(hashCode(key, 'id', '012345'), stored)).toBe(true);
    expect(sameHash(hashCode(key, 'id', '012346'), stored)).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});

describe('answers are normalized: digits only, exact length', () => {
  it.each([
    ['123456', '123456'],
    ['  123456\n', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
  ])('accepts %j', (answer, expected) => expect(normalizeAnswer(answer, 6)).toBe(expected));
  it.each([
    ['', 'empty'],
    ['12345', 'short'],
    ['1234567', 'long'],
    ['12a456', 'letters'],
    ['１２３４５６', 'full-width digits'],
    ['١٢٣٤٥٦', 'Arabic-Indic digits'],
    ['9'.repeat(100_000), 'huge'],
    [null, 'null'],
    [123456, 'a number'],
    [['123456'], 'an array'],
  ] as Array<[unknown, string]>)('rejects %s (%s)', (answer) => expect(normalizeAnswer(answer, 6)).toBeUndefined());
});

describe('sign-in link secrets: 128 random bits, URL-safe, recognised only in their exact shape', () => {
  it('are 22 base64url characters, never repeat, and hash apart from codes', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateLinkSecret()));
    expect(secrets.size).toBe(1000);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const key = Buffer.alloc(32, 7);
    const [secret] = secrets;
    expect(hashLinkSecret(key, 'c1', secret!)).not.toBe(hashCode(key, 'c1', secret!));
    expect(hashLinkSecret(key, 'c1', secret!)).not.toBe(hashLinkSecret(key, 'c2', secret!));
  });
  it('hash under the key: another key gives another hash, and no unkeyed SHA-256 of the secret matches', () => {
    const key = Buffer.alloc(32, 7);
    const secret = generateLinkSecret();
    const hash = hashLinkSecret(key, 'c1', secret);
    expect(hashLinkSecret(Buffer.alloc(32, 8), 'c1', secret)).not.toBe(hash);
    for (const message of [secret, `c1:link:${secret}`, `c1:${secret}`, `link:${secret}`]) {
      expect(createHash('sha256').update(message).digest('hex')).not.toBe(hash);
    }
  });
  it('an answer is a link secret only in that exact shape', () => {
    expect(linkSecretOf(' AbC_-0123456789abcdefg ')).toBe('AbC_-0123456789abcdefg');
    for (const other of ['123456', 'AbC_-0123456789abcdef', 'AbC_-0123456789abcdefgh', 'AbC_-0123456789abcde=g', 42, null]) {
      expect(linkSecretOf(other)).toBeUndefined();
    }
  });
});
