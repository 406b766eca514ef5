/** The page's elements (web/index.html) and the small things every step does with them. */

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const ui = {
  language: element<HTMLSelectElement>('language'),
  title: element<HTMLHeadingElement>('title'),
  status: element<HTMLParagraphElement>('status'),
  error: element<HTMLParagraphElement>('error'),
  startForm: element<HTMLFormElement>('start-form'),
  email: element<HTMLInputElement>('email'),
  passwordField: element<HTMLDivElement>('password-field'),
  password: element<HTMLInputElement>('password'),
  startButton: element<HTMLButtonElement>('start-button'),
  haveCodeButton: element<HTMLButtonElement>('have-code-button'),
  linkForm: element<HTMLFormElement>('link-form'),
  linkIntro: element<HTMLParagraphElement>('link-intro'),
  linkEmail: element<HTMLElement>('link-email'),
  linkButton: element<HTMLButtonElement>('link-button'),
  linkCancelButton: element<HTMLButtonElement>('link-cancel-button'),
  newPasswordForm: element<HTMLFormElement>('new-password-form'),
  newPassword: element<HTMLInputElement>('new-password'),
  newPasswordButton: element<HTMLButtonElement>('new-password-button'),
  codeForm: element<HTMLFormElement>('code-form'),
  codeSentTo: element<HTMLParagraphElement>('code-sent-to'),
  code: element<HTMLInputElement>('code'),
  codeExpiry: element<HTMLParagraphElement>('code-expiry'),
  codeAttempts: element<HTMLParagraphElement>('code-attempts'),
  codeButton: element<HTMLButtonElement>('code-button'),
  resendButton: element<HTMLButtonElement>('resend-button'),
  restartButton: element<HTMLButtonElement>('restart-button'),
  signedIn: element<HTMLElement>('signed-in'),
  signedInAs: element<HTMLParagraphElement>('signed-in-as'),
  signedInEmail: element<HTMLElement>('signed-in-email'),
  tokenValidity: element<HTMLParagraphElement>('token-validity'),
  claims: element<HTMLTableElement>('claims'),
  signOutButton: element<HTMLButtonElement>('sign-out-button'),
  localStackHint: element<HTMLParagraphElement>('local-stack-hint'),
};

/** A sentence, or how to say it in the page's current language (said again when the language changes). */
export type Text = string | (() => string);

const sayings = new Map<HTMLElement, () => string>();

/** Shows `text` in `element`, and keeps how to say it for {@link sayAgain}. */
export function say(element: HTMLElement, text: Text): void {
  const saying = typeof text === 'string' ? () => text : text;
  sayings.set(element, saying);
  element.textContent = saying();
}

/** Says everything shown with {@link say} again: after a switch of language. */
export function sayAgain(): void {
  for (const [element, saying] of sayings) element.textContent = saying();
}

export function setStatus(text: Text): void {
  say(ui.status, text);
}

export function setError(text: Text | undefined): void {
  say(ui.error, text ?? '');
}

/** A button that waits or is busy stays focusable (aria-disabled) so focus never drops to the page. */
export function setAvailable(button: HTMLButtonElement, available: boolean, label: string): void {
  button.setAttribute('aria-disabled', String(!available));
  if (button.textContent !== label) button.textContent = label;
}

export const isAvailable = (button: HTMLButtonElement) => button.getAttribute('aria-disabled') !== 'true';

/** Claims that are times (epoch seconds): shown as dates a person reads, the raw value kept in a tooltip. */
const TIME_CLAIMS = new Set(['auth_time', 'iat', 'exp']);

function claimValue(name: string, value: unknown, dateTime: (epochMs: number) => string): Node {
  if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
    const time = document.createElement('time');
    const date = new Date(value * 1000);
    time.dateTime = date.toISOString();
    time.title = String(value);
    time.textContent = dateTime(date.getTime());
    return time;
  }
  return document.createTextNode(typeof value === 'string' ? value : JSON.stringify(value));
}

/** The ID token's claims as name/value rows, times as dates in the page's language. */
export function fillClaims(claims: Record<string, unknown>, dateTime: (epochMs: number) => string): void {
  ui.claims.tBodies[0]!.replaceChildren(
    ...Object.entries(claims).map(([name, value]) => {
      const row = document.createElement('tr');
      const key = document.createElement('td');
      const cell = document.createElement('td');
      key.textContent = name;
      cell.append(claimValue(name, value, dateTime));
      row.append(key, cell);
      return row;
    }),
  );
}
