/**
 * The page's language: chosen from a saved choice, then the browser's languages; switched with the visible
 * switch and remembered (localStorage); applied to the document (`lang`, `dir`, title) and its static text.
 */
import { SIGN_IN_MESSAGES, pickLanguage, type SignInMessages } from '../client/messages/index.ts';

const KEY = 'cognito-email-otp:language';

function savedChoice(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The saved choice if there is one, else the first of the browser's languages the page speaks, else English. */
export function initialMessages(): SignInMessages {
  return SIGN_IN_MESSAGES[pickLanguage([savedChoice(), ...navigator.languages])]!;
}

export function rememberLanguage(language: string): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** Puts `element` where `template` has `slot` (`{email}`, `{link}`), the rest as text. */
export function fillSlot(target: HTMLElement, template: string, slot: string, element: Node): void {
  const at = template.indexOf(slot);
  if (at < 0) return target.replaceChildren(template);
  target.replaceChildren(template.slice(0, at), element, template.slice(at + slot.length));
}

/** The document in the language: `lang`, `dir`, its title and every element marked `data-text="<catalogue key>"`. */
export function applyLanguage(m: SignInMessages): void {
  document.documentElement.lang = m.language;
  document.documentElement.dir = m.direction;
  document.title = m.documentTitle;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const text = m[element.dataset.text as keyof SignInMessages];
    if (typeof text === 'string') element.textContent = text;
  }
}

/** The switch's options, each language named in itself (so a person finds theirs whatever the page shows). */
export function fillLanguageSwitch(select: HTMLSelectElement, current: string): void {
  select.replaceChildren(
    ...Object.values(SIGN_IN_MESSAGES).map((m) => {
      const option = document.createElement('option');
      option.value = m.language;
      option.lang = m.language;
      option.textContent = m.languageName;
      return option;
    }),
  );
  select.value = current;
  // Shown only with JavaScript: without it the switch could not switch anything.
  select.parentElement!.hidden = false;
}
