/**
 * The refusal contract: what a trigger's refusal says to a program, beside what it says to a person.
 *
 * Cognito passes a trigger's error to the client only as text ("CreateAuthChallenge failed with error <message>."
 * inside UserLambdaValidationException). So every refusal message ends with a token a program reads:
 * `Too many codes requested. Try again in 42 seconds [email-otp:send-throttled retry-after=42]`. The English
 * before it is for people and logs and may change or be translated; the token is stable. Pure: no Node or AWS
 * import, so the browser client reads it with the same code the triggers write it with.
 */

/** Every refusal a trigger throws to the client, with the data a client needs to act on it. */
export type Refusal =
  /** No email may be sent to this user for now, and no live code exists: wait `retryAfterSeconds`. */
  | { readonly kind: 'send-throttled'; readonly retryAfterSeconds: number }
  /** The account's typed answers are paced after many wrong ones: wait `retryAfterSeconds`. */
  | { readonly kind: 'guess-throttled'; readonly retryAfterSeconds: number }
  /**
   * Two-step mode only (the password was right, so this tells nothing about who has an account): SES reported a
   * permanent bounce or a complaint for the address, and no code is mailed to it for now. Check or change it.
   */
  | { readonly kind: 'undeliverable' }
  /** The pool's ceiling of emails per hour is reached, for everyone alike: wait `retryAfterSeconds`. */
  | { readonly kind: 'email-ceiling'; readonly retryAfterSeconds: number }
  /** SES did not accept the email: nothing was issued, try again. */
  | { readonly kind: 'email-not-sent' }
  /** The code store could not be read or written: nothing was issued or counted, try again. */
  | { readonly kind: 'store-unavailable' }
  /** The trigger event was not one Cognito sends: a caller's bug, not the person's. */
  | { readonly kind: 'malformed-event' };

export type RefusalKind = Refusal['kind'];

/** Every kind, for tests and for clients that want to be exhaustive. */
export const REFUSAL_KINDS: readonly RefusalKind[] = [
  'send-throttled',
  'guess-throttled',
  'undeliverable',
  'email-ceiling',
  'email-not-sent',
  'store-unavailable',
  'malformed-event',
];

/** The token's opening: `[email-otp:`. */
export const REFUSAL_TOKEN_PREFIX = '[email-otp:';

/** Data fields on the wire, by the name each has in {@link Refusal}. */
const WIRE_FIELD = { retryAfterSeconds: 'retry-after' } as const;

/** The machine-readable token of a refusal: `[email-otp:<kind>( <field>=<whole number>)*]`. */
export function refusalToken(refusal: Refusal): string {
  const fields = 'retryAfterSeconds' in refusal ? ` ${WIRE_FIELD.retryAfterSeconds}=${Math.max(0, Math.ceil(refusal.retryAfterSeconds))}` : '';
  return `${REFUSAL_TOKEN_PREFIX}${refusal.kind}${fields}]`;
}

/** A refusal's full message: the sentence for people, then the token. */
export function refusalMessage(refusal: Refusal, text: string): string {
  return `${text} ${refusalToken(refusal)}`;
}

const TOKEN = /\[email-otp:([a-z-]+)((?: [a-z-]+=\d+)*)\]/;

/**
 * The refusal a message carries, wherever it sits in the text (Cognito wraps it and adds a full stop), or
 * undefined when it carries none or one of a kind this version does not know.
 */
export function readRefusal(message: string | undefined): Refusal | undefined {
  const match = TOKEN.exec(message ?? '');
  if (!match) return undefined;
  const fields = new Map(
    match[2]!
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  const kind = match[1];
  switch (kind) {
    case 'send-throttled':
    case 'guess-throttled':
    case 'email-ceiling': {
      const seconds = fields.get(WIRE_FIELD.retryAfterSeconds);
      return seconds === undefined ? undefined : { kind, retryAfterSeconds: Number(seconds) };
    }
    case 'undeliverable':
    case 'email-not-sent':
    case 'store-unavailable':
    case 'malformed-event':
      return { kind };
    default:
      return undefined;
  }
}
