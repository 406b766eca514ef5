import { digitsOnly, formatDuration } from './challenge.ts';
import {
  CodeExpiredError,
  SessionExpiredError,
  TooManyAttemptsError,
  WrongCodeError,
  createEmailCodeSignIn,
  toSignInError,
  type CodeStep,
  type EmailCodeSignIn,
  type SignInStep,
  type SignedInUser,
} from './client/index.ts';
import { friendlyError } from './messages.ts';
import { configureAuth, loadRuntimeConfig, type RuntimeConfig } from './runtime-config.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  title: element<HTMLHeadingElement>('title'),
  status: element<HTMLParagraphElement>('status'),
  error: element<HTMLParagraphElement>('error'),
  startForm: element<HTMLFormElement>('start-form'),
  email: element<HTMLInputElement>('email'),
  passwordField: element<HTMLDivElement>('password-field'),
  password: element<HTMLInputElement>('password'),
  startButton: element<HTMLButtonElement>('start-button'),
  haveCodeButton: element<HTMLButtonElement>('have-code-button'),
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
};

let config: RuntimeConfig | undefined;
let auth: EmailCodeSignIn;
let challenge: CodeStep | undefined;
let ticker: number | undefined;

const passwordMode = () => config?.signInMode === 'password-and-code';

function show(view: 'start' | 'code' | 'signed-in' | 'none'): void {
  ui.startForm.hidden = view !== 'start';
  ui.codeForm.hidden = view !== 'code';
  ui.signedIn.hidden = view !== 'signed-in';
  if (view !== 'code') stopTicker();
}

function setStatus(text: string): void {
  ui.status.textContent = text;
}

function setError(text: string | undefined): void {
  ui.error.textContent = text ?? '';
  ui.error.hidden = !text;
}

function setBusy(busy: boolean): void {
  document.querySelector('main')!.setAttribute('aria-busy', String(busy));
  for (const button of document.querySelectorAll('button')) button.disabled = busy;
  if (!busy && challenge && !ui.codeForm.hidden) refreshCodeView();
}

async function run(action: () => Promise<void>): Promise<void> {
  setError(undefined);
  setBusy(true);
  try {
    await action();
  } catch (caught) {
    const error = toSignInError(caught, 'start');
    console.warn('sign-in step failed:', error.name);
    // The sign-in is over (last attempt used, or its session ran out): back to the start, the reason shown.
    const over = (error instanceof TooManyAttemptsError && !error.step) || error instanceof SessionExpiredError;
    if (over && challenge) showStart();
    setError(friendlyError(error, passwordMode()));
  } finally {
    setBusy(false);
  }
}

function showStart(): void {
  challenge = undefined;
  setStatus('');
  ui.title.textContent = passwordMode() ? 'Sign in with your password and an email code' : 'Sign in with an email code';
  ui.passwordField.hidden = !passwordMode();
  ui.password.required = passwordMode();
  ui.password.value = '';
  ui.startButton.textContent = passwordMode() ? 'Continue' : 'Email me a code';
  show('start');
  ui.email.focus();
}

function showCode(next: CodeStep, message: string): void {
  challenge = next;
  ui.title.textContent = 'Enter your code';
  setStatus(message);
  ui.codeSentTo.textContent = `We sent a ${next.codeLength}-digit code to ${next.maskedEmail}.`;
  ui.code.maxLength = next.codeLength;
  ui.code.value = '';
  ui.code.placeholder = '0'.repeat(next.codeLength);
  ui.codeAttempts.textContent = '';
  show('code');
  refreshCodeView();
  stopTicker();
  ticker = window.setInterval(refreshCodeView, 1000);
  ui.code.focus();
}

function refreshCodeView(): void {
  if (!challenge) return;
  const now = Date.now();
  const expired = challenge.expiresAt <= now;
  const exhausted = challenge.attemptsLeft <= 0;
  ui.codeExpiry.textContent = expired
    ? 'This code has expired. Send a new code.'
    : `The code expires in ${formatDuration(challenge.expiresAt - now)}.`;
  const waiting = challenge.resendAvailableAt - now;
  ui.resendButton.disabled = waiting > 0;
  ui.resendButton.textContent = waiting > 0 ? `Send a new code (in ${formatDuration(waiting)})` : 'Send a new code';
  ui.codeButton.disabled = expired || exhausted;
}

function stopTicker(): void {
  if (ticker !== undefined) window.clearInterval(ticker);
  ticker = undefined;
}

async function showSignedIn(user: SignedInUser | undefined): Promise<void> {
  challenge = undefined;
  if (!user) {
    setError('Signed in, but the tokens could not be read. Please sign in again.');
    return showStart();
  }
  ui.title.textContent = 'You are signed in';
  setStatus('');
  ui.signedInEmail.textContent = user.email;
  ui.tokenValidity.textContent = `ID token valid until ${new Date(user.expiresAt).toLocaleTimeString()}.`;
  const body = ui.claims.tBodies[0]!;
  body.replaceChildren(
    ...Object.entries(user.claims).map(([name, value]) => {
      const row = document.createElement('tr');
      const key = document.createElement('td');
      const cell = document.createElement('td');
      key.textContent = name;
      cell.textContent = typeof value === 'string' ? value : JSON.stringify(value);
      row.append(key, cell);
      return row;
    }),
  );
  show('signed-in');
  ui.signOutButton.focus();
}

async function afterStep(step: SignInStep, message: string): Promise<void> {
  if (step.type === 'signedIn') return showSignedIn(await auth.signedInUser());
  if (step.type === 'code') showCode(step, message);
}

async function begin(mode: 'new' | 'have-code' | 'resend'): Promise<void> {
  if (mode !== 'resend') {
    if (!ui.email.checkValidity() || !ui.email.value.trim()) return setError('Enter a valid email address.');
    if (passwordMode() && !ui.password.value) return setError('Enter your password.');
  }
  await run(async () => {
    const step =
      mode === 'resend'
        ? await auth.resend()
        : await auth.start({ email: ui.email.value, password: passwordMode() ? ui.password.value : undefined });
    const message =
      mode === 'have-code'
        ? 'Enter the code from your most recent email. If it was sent more than a minute ago, a new one is on its way.'
        : mode === 'resend'
          ? 'If a new code was allowed, it is on its way; otherwise the code already sent still works.'
          : 'Check your inbox.';
    await afterStep(step, message);
  });
}

async function answer(): Promise<void> {
  if (!challenge) return;
  const code = digitsOnly(ui.code.value, challenge.codeLength);
  if (code.length !== challenge.codeLength) return setError(`Enter all ${challenge.codeLength} digits of the code.`);
  await run(async () => {
    try {
      await afterStep(await auth.answer(code), '');
    } catch (error) {
      // A refused code is another round of the same sign-in: stay on the code step with what is left.
      const next = error instanceof WrongCodeError || error instanceof CodeExpiredError || error instanceof TooManyAttemptsError ? error.step : undefined;
      if (next) {
        challenge = next;
        ui.code.value = '';
        const left = Math.max(0, next.attemptsLeft);
        ui.codeAttempts.textContent = `${left} ${left === 1 ? 'attempt' : 'attempts'} left for this code.`;
        ui.code.focus();
      }
      throw error;
    }
  });
}

ui.startForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void begin('new');
});
ui.haveCodeButton.addEventListener('click', () => void begin('have-code'));
ui.codeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void answer();
});
ui.code.addEventListener('input', () => {
  if (!challenge) return;
  ui.code.value = digitsOnly(ui.code.value, challenge.codeLength);
});
ui.code.addEventListener('paste', () => {
  // A pasted whole code submits itself; typed digits wait for the button or Enter.
  setTimeout(() => {
    if (challenge && digitsOnly(ui.code.value, challenge.codeLength).length === challenge.codeLength) void answer();
  });
});
ui.resendButton.addEventListener('click', () => void begin('resend'));
ui.restartButton.addEventListener('click', () => {
  setError(undefined);
  showStart();
});
ui.signOutButton.addEventListener('click', () =>
  void run(async () => {
    await auth.signOut();
    showStart();
    setStatus('You are signed out.');
  }),
);

async function init(): Promise<void> {
  show('none');
  try {
    config = await loadRuntimeConfig();
  } catch {
    setError('This sign-in page is not configured: config.json could not be loaded.');
    return;
  }
  configureAuth(config);
  auth = createEmailCodeSignIn({ signInMode: config.signInMode });
  const user = await auth.signedInUser();
  if (user) await showSignedIn(user);
  else showStart();
}

void init();
