import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionExpiredError } from '../../web/client/core.ts';
import { en, errorMessage, formatsFor, sendThrottledMessage } from '../../web/client/messages/index.ts';

const page = readFileSync(resolve(import.meta.dirname, '../../web/index.html'), 'utf8');
const buttonLabel = (id: string) => new RegExp(`<button id="${id}"[^>]*>([^<]+)</button>`).exec(page)?.[1];

describe("the page's messages point to buttons it has", () => {
  it('an expired sign-in keeps the code in the inbox: it points to the button that answers with it, not to a new email', () => {
    expect(buttonLabel('have-code-button')).toBe('I already have a code');
    for (const passwordMode of [false, true]) {
      expect(errorMessage(new SessionExpiredError(), en, { passwordMode })).toBe(
        `The sign-in took too long. Your code may still work: choose “${buttonLabel('have-code-button')}”.`,
      );
    }
  });
});

describe('a send refusal says which limit, and the way on', () => {
  const now = Date.UTC(2030, 0, 1, 12, 0, 0);
  it('the last email\'s link, while it works, is the way on', () => {
    expect(sendThrottledMessage(en, 'hourly', now + 9 * 60_000, true, now)).toBe(
      'No more codes can be sent to this address for now: it has had as many emails as one address may get in an hour. The sign-in link in the last email still works: open it to sign in now.',
    );
  });
  it('otherwise the time the wait ends (named when it is a minute or more away)', () => {
    expect(sendThrottledMessage(en, 'hourly', now + 9 * 60_000, false, now)).toBe(
      `No more codes can be sent to this address for now: it has had as many emails as one address may get in an hour. You can ask for a new code at ${formatsFor('en').time(now + 9 * 60_000)}, when the button's countdown ends.`,
    );
    expect(sendThrottledMessage(en, 'unknown', now + 20_000, false, now)).toBe(
      "No more codes can be sent to this address for now: emails to one address are limited (a short wait between two, and a few per hour). You can ask for a new code when the button's countdown ends.",
    );
  });
});
