import { digitsOnly, formatDuration, type CodeChallenge } from './challenge.ts';
import { friendlyError, type Stage } from './messages.ts';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config.ts';
import { configureAuth, currentUser, endSession, startSignIn, submitCode, type SignInStep, type SignedInUser } from './sign-in.ts';

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
let challenge: CodeChallenge | undefined;
let ticker: number | undefined;
/** Kept only while a two-step sign-in is under way, so "Send a new code" can start it again. */
let password: string | undefined;

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

async function run(stage: Stage, action: () => Promise<void>): Promise<void> {
  setError(undefined);
  setBusy(true);
  try {
    await action();
  } catch (error) {
    console.warn('sign-in step failed:', (error as Error)?.name);
    setError(friendlyError(error, stage, passwordMode()));
    if (stage === 'code' && (error as Error)?.name === 'NotAuthorizedException') showStart();
  } finally {
    setBusy(false);
  }
}

function showStart(): void {
  challenge = undefined;
  password = undefined;
  setStatus('');
  ui.title.textContent = passwordMode() ? 'Sign in with your password and an email code' : 'Sign in with an email code';
  ui.passwordField.hidden = !passwordMode();
  ui.password.required = passwordMode();
  ui.password.value = '';
  ui.startButton.textContent = passwordMode() ? 'Continue' : 'Email me a code';
  show('start');
  ui.email.focus();
}

function showCode(next: CodeChallenge, message: string): void {
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
  password = undefined;
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
  if (step.kind === 'signed-in') return showSignedIn(await currentUser());
  showCode(step.challenge, message);
}

async function begin(mode: 'new' | 'have-code' | 'resend'): Promise<void> {
  if (mode !== 'resend') {
    if (!ui.email.checkValidity() || !ui.email.value.trim()) return setError('Enter a valid email address.');
    if (passwordMode() && !ui.password.value) return setError('Enter your password.');
    password = passwordMode() ? ui.password.value : undefined;
  }
  const email = ui.email.value.trim();
  await run('start', async () => {
    const step = await startSignIn(email, password);
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
  await run('code', async () => {
    const step = await submitCode(code);
    if (step.kind === 'signed-in') return afterStep(step, '');
    challenge = step.challenge;
    ui.code.value = '';
    const left = step.challenge.attemptsLeft;
    if (step.challenge.expiresAt <= Date.now()) setError('This code has expired. Send a new code.');
    else if (left <= 0) setError('Too many wrong codes. Send a new code.');
    else setError(`That code is wrong. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`);
    ui.codeAttempts.textContent = `${Math.max(0, left)} ${left === 1 ? 'attempt' : 'attempts'} left for this code.`;
    ui.code.focus();
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
  void run('start', async () => {
    await endSession();
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
  const user = await currentUser();
  if (user) await showSignedIn(user);
  else showStart();
}

void init();
