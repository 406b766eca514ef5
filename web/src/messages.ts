/** The page's sentences for errors and refusals, from the client helper's message catalogue (English unless given one). */
import { en, errorMessage, sendThrottledMessage as sendRefusal, type SendLimit, type SignInMessages } from '../client/messages/index.ts';
import type { SignInError } from '../client/index.ts';

export type { SendLimit };

/**
 * Sentences a person understands for each {@link SignInError} the client helper throws. Never a raw
 * exception, a stack trace or an error class name.
 */
export function friendlyError(error: SignInError, passwordMode: boolean, linkMailed = false, messages: SignInMessages = en): string {
  return errorMessage(error, messages, { passwordMode, linkMailed });
}

/**
 * A send refusal in words: which limit holds the email back, and the way forward (the last email's link while
 * it works, else the time the button's countdown ends).
 */
export function sendThrottledMessage(limit: SendLimit, retryAt: number, linkStillWorks: boolean, now = Date.now(), messages: SignInMessages = en): string {
  return sendRefusal(messages, limit, retryAt, linkStillWorks, now);
}

/**
 * The local sign-in service answers, but not to this page: its address is not among the origins the endpoint
 * allows (CORS hides the endpoint's own refusal from the page, so the page says it).
 */
export function originRefusedMessage(endpoint: string, pageOrigin: string, messages: SignInMessages = en): string {
  return messages.originRefused(endpoint, pageOrigin);
}
