import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionExpiredError } from '../../web/src/client/core.ts';
import { friendlyError } from '../../web/src/messages.ts';

const page = readFileSync(resolve(import.meta.dirname, '../../web/index.html'), 'utf8');
const buttonLabel = (id: string) => new RegExp(`<button id="${id}"[^>]*>([^<]+)</button>`).exec(page)?.[1];

describe("the page's messages point to buttons it has", () => {
  it('an expired sign-in keeps the code in the inbox: it points to the button that answers with it, not to a new email', () => {
    expect(buttonLabel('have-code-button')).toBe('I already have a code');
    for (const passwordMode of [false, true]) {
      expect(friendlyError(new SessionExpiredError(), passwordMode)).toBe(
        `The sign-in took too long. Your code may still work: choose “${buttonLabel('have-code-button')}”.`,
      );
    }
  });
});
