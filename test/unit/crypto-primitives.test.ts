import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { generateCode, sameHash } from '../../triggers/domain/code.ts';

// The real functions, watched: the results cannot show which generator or comparison produced them.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, randomInt: vi.fn(real.randomInt), timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

beforeEach(() => vi.clearAllMocks());

describe("the code's primitives are the ones DESIGN.md names", () => {
  it('each digit of a code is one crypto.randomInt(10), the CSPRNG', () => {
    const code = generateCode(8);
    expect(crypto.randomInt).toHaveBeenCalledTimes(8);
    expect(vi.mocked(crypto.randomInt).mock.calls).toEqual(Array.from({ length: 8 }, () => [10]));
    expect(vi.mocked(crypto.randomInt).mock.results.map((r) => String(r.value)).join('')).toBe(code);
  });

  it('hashes are compared with crypto.timingSafeEqual, whether they match or not', () => {
    const a = 'ab'.repeat(32);
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, 'ac'.repeat(32))).toBe(false);
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(2);
  });
});
