/** The page's elements (web/index.html) and the small things every step does with them. */

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const ui = {
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
  signedInEmail: element<HTMLElement>('signed-in-email'),
  tokenValidity: element<HTMLParagraphElement>('token-validity'),
  claims: element<HTMLTableElement>('claims'),
  signOutButton: element<HTMLButtonElement>('sign-out-button'),
  localStackHint: element<HTMLParagraphElement>('local-stack-hint'),
};

export function setStatus(text: string): void {
  ui.status.textContent = text;
}

export function setError(text: string | undefined): void {
  ui.error.textContent = text ?? '';
}

/** A button that waits or is busy stays focusable (aria-disabled) so focus never drops to the page. */
export function setAvailable(button: HTMLButtonElement, available: boolean, label: string): void {
  button.setAttribute('aria-disabled', String(!available));
  if (button.textContent !== label) button.textContent = label;
}

export const isAvailable = (button: HTMLButtonElement) => button.getAttribute('aria-disabled') !== 'true';

/** Claims that are times (epoch seconds): shown as dates a person reads, the raw value kept in a tooltip. */
const TIME_CLAIMS = new Set(['auth_time', 'iat', 'exp']);

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function claimValue(name: string, value: unknown): Node {
  if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
    const time = document.createElement('time');
    const date = new Date(value * 1000);
    time.dateTime = date.toISOString();
    time.title = String(value);
    time.textContent = dateTime.format(date);
    return time;
  }
  return document.createTextNode(typeof value === 'string' ? value : JSON.stringify(value));
}

/** The ID token's claims as name/value rows. */
export function fillClaims(claims: Record<string, unknown>): void {
  ui.claims.tBodies[0]!.replaceChildren(
    ...Object.entries(claims).map(([name, value]) => {
      const row = document.createElement('tr');
      const key = document.createElement('td');
      const cell = document.createElement('td');
      key.textContent = name;
      cell.append(claimValue(name, value));
      row.append(key, cell);
      return row;
    }),
  );
}
