import { describe, expect, it } from 'vitest';
import { CHALLENGE_PARAMETER, readChallengeParameters, writeChallengeParameters, type CodeChallenge } from '../../triggers/contracts/challenge-parameters.ts';
import { CODE_MARK_ATTRIBUTE } from '../../triggers/contracts/code-email.ts';
import { REFUSAL_KINDS, readRefusal, refusalMessage, type Refusal, type RefusalKind } from '../../triggers/contracts/refusal.ts';
import { pageConfigFile, parsePageConfig } from '../../triggers/contracts/page-config.ts';
import { signInLinkFor, signInLinkPage } from '../../triggers/contracts/sign-in-link.ts';
import { DEFAULT_TEMPLATES, renderCodeEmail } from '../../triggers/domain/email-template.ts';
import {
  CodeStoreError,
  EmailCeilingError as EmailCeilingRefusal,
  GuessRateExceededError,
  UndeliverableEmailError as UndeliverableRefusal,
  MailerError,
  MalformedEventError,
  SendRateExceededError,
  type EmailOtpError,
} from '../../triggers/domain/errors.ts';
import { codeInEmail, linkInEmail, type MailboxEmail } from '../../infra/local/mailbox-client.ts';
import {
  EmailCeilingError,
  RetryLaterError,
  SendThrottledError,
  UndeliverableEmailError,
  ServiceUnavailableError,
  SignInFailedError,
  codeStepFrom,
  readSignInLink,
  toSignInError,
  type SignInError,
} from '../../web/client/core.ts';

/** A trigger's error as Cognito passes it on: its message inside UserLambdaValidationException. */
const throughCognito = (trigger: string, error: Error) =>
  Object.assign(new Error(`${trigger} failed with error ${error.message}.`), { name: 'UserLambdaValidationException' });

/**
 * Every refusal kind: the error the triggers really throw for it, and what the client must make of it. A Record
 * over RefusalKind, so a new kind does not compile until it is listed here.
 */
const EVERY_REFUSAL: Record<RefusalKind, { thrown: EmailOtpError; refusal: Refusal; client: (error: SignInError) => void }> = {
  'send-throttled': {
    thrown: new SendRateExceededError(42),
    refusal: { kind: 'send-throttled', retryAfterSeconds: 42 },
    client: (error) => {
      expect(error).toBeInstanceOf(SendThrottledError);
      expect((error as SendThrottledError).retryAfterSeconds).toBe(42);
    },
  },
  'guess-throttled': {
    thrown: new GuessRateExceededError(7),
    refusal: { kind: 'guess-throttled', retryAfterSeconds: 7 },
    client: (error) => {
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).not.toBeInstanceOf(SendThrottledError);
      expect((error as RetryLaterError).retryAfterSeconds).toBe(7);
    },
  },
  undeliverable: {
    thrown: new UndeliverableRefusal('bounce'),
    refusal: { kind: 'undeliverable' },
    client: (error) => expect(error).toEqual(new UndeliverableEmailError()),
  },
  'email-ceiling': {
    thrown: new EmailCeilingRefusal(1200),
    refusal: { kind: 'email-ceiling', retryAfterSeconds: 1200 },
    client: (error) => {
      expect(error).toBeInstanceOf(EmailCeilingError);
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).not.toBeInstanceOf(SendThrottledError);
      expect((error as RetryLaterError).retryAfterSeconds).toBe(1200);
    },
  },
  'email-not-sent': {
    thrown: new MailerError(new Error('SES down')),
    refusal: { kind: 'email-not-sent' },
    client: (error) => expect(error).toEqual(new ServiceUnavailableError(true)),
  },
  'store-unavailable': {
    thrown: new CodeStoreError('checked', new Error('DynamoDB down')),
    refusal: { kind: 'store-unavailable' },
    client: (error) => expect(error).toEqual(new ServiceUnavailableError(false)),
  },
  'malformed-event': {
    thrown: new MalformedEventError('no request'),
    refusal: { kind: 'malformed-event' },
    client: (error) => {
      expect(error).toBeInstanceOf(SignInFailedError);
      expect((error as SignInFailedError).errorName).toBe('MalformedTriggerEvent');
    },
  },
};

describe('refusals: the triggers write a machine-readable token that the client reads, and only that', () => {
  it.each(REFUSAL_KINDS)('%s: the thrown error, passed on by Cognito, becomes its typed client error', (kind) => {
    const { thrown, refusal, client } = EVERY_REFUSAL[kind];
    expect(thrown.refusal).toEqual(refusal);
    expect(readRefusal(thrown.message)).toEqual(refusal);
    client(toSignInError(throughCognito('CreateAuthChallenge', thrown), 'start'));
    client(toSignInError(throughCognito('VerifyAuthChallengeResponse', thrown), 'code'));
  });

  it('the list of kinds is every kind', () => {
    expect([...REFUSAL_KINDS].sort()).toEqual(Object.keys(EVERY_REFUSAL).sort());
  });

  it('a wait keeps its sentence for people ("Try again in 42 seconds") beside the token', () => {
    expect(new SendRateExceededError(42).message).toBe('Too many codes requested. Try again in 42 seconds [email-otp:send-throttled retry-after=42]');
    expect(new GuessRateExceededError(7).message).toBe('Too many sign-in attempts for this account. Try again in 7 seconds [email-otp:guess-throttled retry-after=7]');
  });

  it('the token is read whatever the sentence says: a translated or reworded message changes nothing', () => {
    const refusal: Refusal = { kind: 'send-throttled', retryAfterSeconds: 90 };
    const german = throughCognito('CreateAuthChallenge', new Error(refusalMessage(refusal, 'Zu viele Codes angefordert. Versuchen Sie es in 90 Sekunden erneut')));
    const error = toSignInError(german, 'start');
    expect(error).toBeInstanceOf(SendThrottledError);
    expect((error as SendThrottledError).retryAfterSeconds).toBe(90);
  });

  it('English without a token is not read: the client does not parse the sentence', () => {
    const english = throughCognito('CreateAuthChallenge', new Error('Too many codes requested. Try again in 42 seconds'));
    expect(toSignInError(english, 'start')).not.toBeInstanceOf(RetryLaterError);
    expect(toSignInError(throughCognito('CreateAuthChallenge', new Error('The sign-in code could not be sent. Please try again')), 'start')).not.toBeInstanceOf(
      ServiceUnavailableError,
    );
  });

  it('a token of an unknown kind, or missing its data, reads as no refusal', () => {
    expect(readRefusal('x [email-otp:future-kind]')).toBeUndefined();
    expect(readRefusal('x [email-otp:send-throttled]')).toBeUndefined();
    expect(readRefusal(undefined)).toBeUndefined();
  });
});

describe('challenge parameters: what Create writes is what the client reads', () => {
  const challenge: CodeChallenge = {
    maskedEmail: 'j***@e***.com',
    codeLength: 8,
    expiresAt: 1_700_000_180_000,
    attemptsLeft: 2,
    resendAvailableAt: 1_700_000_060_000,
    linkMailed: true,
  };

  it('round-trips every field, as strings on the wire with times in whole seconds', () => {
    const wire = writeChallengeParameters(challenge);
    for (const value of Object.values(wire)) expect(typeof value).toBe('string');
    expect(Object.keys(wire).sort()).toEqual(Object.values(CHALLENGE_PARAMETER).sort());
    expect(wire.expiresAt).toBe('1700000180');
    expect(readChallengeParameters(wire, 0)).toEqual(challenge);
    expect(codeStepFrom(wire, 0)).toEqual({ type: 'code', ...challenge });
    expect(readChallengeParameters(writeChallengeParameters({ ...challenge, linkMailed: false }), 0).linkMailed).toBe(false);
  });

  it('rounds each time the safe way: the expiry down, the next code up (a client that waits until then is never early)', () => {
    const wire = writeChallengeParameters({ ...challenge, expiresAt: 1_700_000_180_400, resendAvailableAt: 1_700_000_180_400 });
    expect(wire.expiresAt).toBe('1700000180');
    expect(wire.resendAvailableAt).toBe('1700000181');
    const step = codeStepFrom(wire, 0);
    expect(step.expiresAt).toBeLessThanOrEqual(1_700_000_180_400);
    expect(step.resendAvailableAt).toBeGreaterThanOrEqual(1_700_000_180_400);
  });
});

/** An email as the local mailbox lists it, rendered by the trigger's own renderer. */
function mailed(input: Parameters<typeof renderCodeEmail>[0]): MailboxEmail {
  const email = renderCodeEmail(input);
  return { messageId: 'm', from: 'no-reply@example.com', destination: { to: ['jane@example.com'] }, subject: email.subject, body: { text: email.text, html: email.html }, at: 0 };
}

describe('the code email: the mailbox helpers find the code and the link whatever the wording', () => {
  const link = signInLinkFor('https://app.example.com/sign-in', 'jane+x@example.com', 'AbC_-0123456789abcdefg');

  it('in the default templates', () => {
    const email = mailed({ code: '042917', link, appName: 'Acme', minutes: 3, templates: DEFAULT_TEMPLATES });
    expect(codeInEmail(email)).toBe('042917');
    expect(linkInEmail(email)).toBe(link);
    expect(readSignInLink(linkInEmail(email)!)).toEqual({ email: 'jane+x@example.com', secret: 'AbC_-0123456789abcdefg' });
  });

  it('in custom templates in another language, with the link at the end of a sentence', () => {
    const templates = {
      subject: 'Ihr Anmeldecode',
      text: 'Hallo! Geben Sie {{code}} ein.{{#link}} Oder öffnen Sie {{link}}.{{/link}} Gültig für {{minutes}}.',
      html: '<html lang="de"><head><title>Code für {{appName}}</title></head><body><h1>{{code}}</h1>{{#link}}<a href="{{link}}">Anmelden</a>{{/link}}</body></html>',
    };
    const email = mailed({ code: '98765432', link, appName: 'Acme', minutes: 5, templates });
    expect(codeInEmail(email)).toBe('98765432');
    expect(linkInEmail(email)).toBe(link);
    expect(email.body.html).toContain(`<h1><span ${CODE_MARK_ATTRIBUTE}>98765432</span></h1>`);
    // The link is found in the HTML part alone too (its href, with &amp;).
    expect(linkInEmail({ ...email, body: { html: email.body.html } })).toBe(link);
  });

  it('no mark where markup would show as text or break an attribute; none and no link in an email without them', () => {
    const templates = {
      subject: 'Code',
      text: '{{code}}',
      html: '<html><head><title>Your code {{code}}</title></head><body><img alt="{{code}}" src="x.png"><p>{{code}}</p></body></html>',
    };
    const email = mailed({ code: '123456', appName: 'Acme', minutes: 5, templates });
    expect(email.body.html).toContain('<title>Your code 123456</title>');
    expect(email.body.html).toContain('<img alt="123456" src="x.png">');
    expect(codeInEmail(email)).toBe('123456');
    expect(linkInEmail(email)).toBeUndefined();
    expect(codeInEmail({ ...email, body: { text: 'Your code is 123456' } })).toBeUndefined();
  });
});

describe("the page's config.json: what the writers put is what the page reads", () => {
  it('round-trips with and without the local endpoint; a missing pool id is named', () => {
    const onAws = { region: 'eu-west-1', userPoolId: 'eu-west-1_AbC', userPoolClientId: 'c1', signInMode: 'code' } as const;
    expect(parsePageConfig(JSON.parse(JSON.stringify(pageConfigFile(onAws))))).toEqual(onAws);
    const local = { ...onAws, userPoolEndpoint: 'http://127.0.0.1:9229', signInMode: 'password-and-code' } as const;
    expect(parsePageConfig(JSON.parse(JSON.stringify(pageConfigFile(local))))).toEqual(local);
    expect(Object.keys(pageConfigFile(onAws))).not.toContain('userPoolEndpoint');
    expect(() => parsePageConfig({ userPoolClientId: 'c1' })).toThrow('config.json has no userPoolId');
  });
});

describe("the sign-in link's page is decided in one place", () => {
  it('the page set, none when set off, else the page served beside the pool; never in password-and-code mode', () => {
    expect(signInLinkPage('code', 'https://app.example.com/in', 'http://127.0.0.1:5173/')).toBe('https://app.example.com/in');
    expect(signInLinkPage('code', undefined, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(signInLinkPage('code', undefined)).toBeUndefined();
    expect(signInLinkPage('code', false, 'http://127.0.0.1:5173/')).toBeUndefined();
    expect(signInLinkPage('password-and-code', undefined, 'http://127.0.0.1:5173/')).toBeUndefined();
  });
});
