/** The `locale` attribute's contract: which of the languages a side has (email templates, the page's messages) a BCP 47 tag asks for (RFC 4647 lookup). Pure. */

/** A BCP 47 tag in its canonical form (`de-AT`, `pt-BR`, `zh-Hant-TW`), or undefined for an empty or malformed value. */
export function canonicalTag(value: string | undefined): string | undefined {
  // POSIX-style `de_DE` is common in user data; BCP 47 spells it with a hyphen.
  const tag = value?.trim().replace(/_/g, '-');
  if (!tag || tag.length > 64) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The first of `available` that the tag or one of its prefixes names (`de-AT` -> `de`, `pt-BR` -> `pt-BR` when
 * there are `pt-BR` templates, else `pt`), letter case ignored; `fallback` for an empty, malformed or unknown tag.
 */
export function lookupLanguage(locale: string | undefined, available: readonly string[], fallback: string): string {
  const byLowerCase = new Map(available.map((language) => [language.toLowerCase(), language]));
  const subtags = canonicalTag(locale)?.toLowerCase().split('-') ?? [];
  for (let length = subtags.length; length > 0; length--) {
    const found = byLowerCase.get(subtags.slice(0, length).join('-'));
    if (found) return found;
  }
  return fallback;
}
