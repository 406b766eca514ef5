/** Numbers, countdowns, times of day and plurals in one language, with `Intl`: what the message catalogue builds its sentences from. */

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

export interface Formats {
  /** `3` in the language's digits (Western digits for every built-in language, like the codes). */
  number(value: number): string;
  /** A countdown, `2:05` for 125 seconds. */
  duration(milliseconds: number): string;
  /** A time of day, `14:05` or `2:05 PM`. */
  time(epochMs: number): string;
  /** A date and time, for token lifetimes. */
  dateTime(epochMs: number): string;
  /** The form of `forms` the language's plural rules pick for `count`, with `#` replaced by the number. */
  plural(count: number, forms: PluralForms): string;
}

export function formatsFor(language: string): Formats {
  const locale = `${language}-u-nu-latn`;
  const whole = new Intl.NumberFormat(locale);
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const rules = new Intl.PluralRules(locale);
  return {
    number: (value) => whole.format(value),
    duration(milliseconds) {
      const total = Math.max(0, Math.ceil(milliseconds / 1000));
      return `${whole.format(Math.floor(total / 60))}:${twoDigits.format(total % 60)}`;
    },
    time: (epochMs) => clock.format(epochMs),
    dateTime: (epochMs) => dateTime.format(epochMs),
    plural: (count, forms) => (forms[rules.select(count)] ?? forms.other).replace('#', whole.format(count)),
  };
}
