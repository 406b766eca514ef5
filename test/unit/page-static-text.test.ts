/** The page's static text (`data-text`) names catalogue entries: a typo would leave that text in English in every language. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_MESSAGES } from '../../web/client/messages/index.ts';

const page = readFileSync(resolve(import.meta.dirname, '../../web/index.html'), 'utf8');
const keys = [...page.matchAll(/data-text="([^"]*)"/g)].map((match) => match[1]!);

describe("the page's data-text keys", () => {
  it('the page has some', () => {
    expect(keys.length).toBeGreaterThan(0);
  });
  for (const [language, m] of Object.entries(SIGN_IN_MESSAGES)) {
    it(`each is a sentence of the ${language} catalogue`, () => {
      for (const key of keys) expect(typeof (m as unknown as Record<string, unknown>)[key], key).toBe('string');
    });
  }
});
