import { describe, expect, it } from 'vitest';
import {
  CodeExpiredError,
  EmailCeilingError,
  NetworkError,
  RetryLaterError,
  SendThrottledError,
  SessionExpiredError,
  SignInFailedError,
  TooManyAttemptsError,
  UndeliverableEmailError,
  WrongCodeError,
  type CodeStep,
} from '../../web/client/core.ts';
import { SIGN_IN_MESSAGES, en, errorMessage, pickLanguage, sendThrottledMessage, type SignInMessages } from '../../web/client/messages/index.ts';

const step = (attemptsLeft: number): CodeStep =>
  ({ type: 'code', maskedEmail: 'j***@e***.com', codeLength: 6, expiresAt: 0, attemptsLeft, resendAvailableAt: 0, linkMailed: false }) as CodeStep;

/** Every entry of a catalogue said with sample data: what a page could show. */
function everything(m: SignInMessages): Record<string, string> {
  const at = Date.UTC(2030, 0, 1, 14, 5);
  return Object.fromEntries(
    Object.entries(m).map(([key, value]) => {
      if (typeof value === 'string') return [key, value];
      const sample = (value as (...args: unknown[]) => string).length === 2 ? [6, 'j***@e***.com'] : [125_000];
      if (key === 'codeWorksUntil') return [key, m.codeWorksUntil('j***@e***.com', at)];
      if (key === 'withWait') return [key, m.withWait(m.sendNewCode, 42_000)];
      if (key === 'originRefused') return [key, m.originRefused('http://127.0.0.1:9229', 'http://localhost:5173')];
      if (key === 'passwordRejected') return [key, m.passwordRejected('Password not long enough')];
      if (key === 'lastCodeDead') return [key, m.lastCodeDead('j***@e***.com')];
      if (['idTokenValidUntil', 'sendAskAt'].includes(key)) return [key, (value as (n: number) => string)(at)];
      return [key, (value as (...args: unknown[]) => string)(...sample)];
    }),
  );
}

describe("the client's message catalogue: one per language, each complete and in its language", () => {
  it('ships en, de, fr, es, pt, ja and ar, each with every entry of the English one, none empty or left unfilled', () => {
    expect(Object.keys(SIGN_IN_MESSAGES)).toEqual(['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar']);
    for (const m of Object.values(SIGN_IN_MESSAGES)) {
      expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
      for (const [key, said] of Object.entries(everything(m))) {
        expect(said, `${m.language}.${key}`).not.toMatch(/undefined|NaN|\{\{|#/);
        if (key !== 'sentenceSeparator') expect(said.trim(), `${m.language}.${key}`).not.toBe('');
      }
      // Translated, not copied: apart from names and the separator, no sentence is the English one.
      if (m !== en) {
        const same = Object.entries(everything(m)).filter(([key, said]) => said === everything(en)[key] && !['direction', 'sentenceSeparator'].includes(key));
        expect(same.map(([key]) => key), m.language).toEqual([]);
      }
    }
  });

  it("counts follow each language's plural rules (Arabic has six forms)", () => {
    const ar = SIGN_IN_MESSAGES.ar!;
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.wrongCode(n))).toEqual([
      'الرمز غير صحيح. لم تتبقَّ أي محاولة.',
      'الرمز غير صحيح. تتبقى محاولة واحدة.',
      'الرمز غير صحيح. تتبقى محاولتان.',
      'الرمز غير صحيح. تتبقى 3 محاولات.',
      'الرمز غير صحيح. تتبقى 11 محاولة.',
      'الرمز غير صحيح. تتبقى 100 محاولة.',
    ]);
    expect([0, 1, 2].map((n) => SIGN_IN_MESSAGES.fr!.attemptsLeftForCode(n))).toEqual([
      'Il reste 0 essai pour ce code.',
      'Il reste 1 essai pour ce code.',
      'Il reste 2 essais pour ce code.',
    ]);
    expect([1, 2].map((n) => SIGN_IN_MESSAGES.de!.wrongCode(n))).toEqual(['Dieser Code ist falsch. Noch 1 Versuch.', 'Dieser Code ist falsch. Noch 2 Versuche.']);
    expect(SIGN_IN_MESSAGES.ja!.codeExpiresIn(125_000)).toBe('コードの有効期限まであと 2:05 です。');
  });

  it('a language is chosen from preferences by language, in order, else English', () => {
    expect(pickLanguage(['de-AT', 'fr'])).toBe('de');
    expect(pickLanguage([null, 'xx', 'pt-BR'])).toBe('pt');
    expect(pickLanguage(['ZH-hant', 'not a tag'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('each typed error has its sentence, from data, never from server text', () => {
    const de = SIGN_IN_MESSAGES.de!;
    expect(errorMessage(new WrongCodeError(step(2)), de)).toBe('Dieser Code ist falsch. Noch 2 Versuche.');
    expect(errorMessage(new CodeExpiredError(), de)).toBe('Dieser Code ist abgelaufen.');
    expect(errorMessage(new TooManyAttemptsError(), de, { linkMailed: true })).toBe(de.tooManyWrongCodesLinkWorks);
    expect(errorMessage(new RetryLaterError(30), de)).toBe(de.retryLater);
    expect(errorMessage(new SendThrottledError(30), de)).toBe(de.sendThrottled);
    expect(errorMessage(new NetworkError(new Error('x')), de)).toBe(de.network);
    expect(errorMessage(new EmailCeilingError(60), de, { linkMailed: true })).toBe('Gerade werden zu viele Anmelde-E-Mails gesendet. Bitte versuchen Sie es gleich noch einmal.');
    expect(errorMessage(new UndeliverableEmailError(), de)).toBe(de.undeliverable);
    expect(errorMessage(new SessionExpiredError(), de)).toContain('„Ich habe bereits einen Code“');
    expect(errorMessage(new SignInFailedError('NotAuthorizedException', 'Incorrect username or password.'), de, { passwordMode: true })).toBe(de.wrongPassword);
    expect(errorMessage(new SignInFailedError('SomethingNew', 'English text'), de)).toBe(de.signInFailed);
    const at = Date.UTC(2030, 0, 1, 14, 5);
    expect(sendThrottledMessage(SIGN_IN_MESSAGES.ja!, 'hourly', at, true, at - 600_000)).toBe(`${SIGN_IN_MESSAGES.ja!.sendLimitHourly}${SIGN_IN_MESSAGES.ja!.sendLinkStillWorks}`);
  });
});
