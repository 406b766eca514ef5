import { digitsOnly } from './challenge.ts';
import {
  CodeExpiredError,
  NetworkError,
  RetryLaterError,
  SendThrottledError,
  SessionExpiredError,
  SignInLinkRefusedError,
  TooManyAttemptsError,
  WrongCodeError,
  createEmailCodeSignIn,
  isSameCode,
  readSignInLink,
  toSignInError,
  type CodeStep,
  type EmailCodeSignIn,
  type SignInError,
  type SignInLink,
  type SignInStep,
  type SignedInUser,
} from '../client/index.ts';
import { keepCodeFieldToDigits } from './code-input.ts';
import { fillClaims, isAvailable, say, sayAgain, setAvailable, setError, setStatus, ui } from './page-elements.ts';
import {
  SIGN_IN_MESSAGES,
  en,
  errorMessage,
  formatsFor,
  pickLanguage,
  sendThrottledMessage,
  type SendLimit,
  type SignInMessages,
} from '../client/messages/index.ts';
import { applyLanguage, fillLanguageSwitch, fillSlot, initialMessages, rememberLanguage } from './page-language.ts';
import { recallSignIn, rememberSignIn, rememberedCodeFor, sameAddress } from './remembered-sign-in.ts';
import { serviceAnswers } from './service-reachable.ts';
import { configureAuth, loadRuntimeConfig, type RuntimeConfig } from './runtime-config.ts';

type View = 'start' | 'link' | 'new-password' | 'code' | 'signed-in' | 'none';

/** Everything the page shows follows from this state and the clock; {@link render} runs every second. */
const state = {
  view: 'none' as View,
  busy: false,
  /** The code step on screen. */
  challenge: undefined as CodeStep | undefined,
  /** The code took its last wrong answer. */
  locked: false,
  /** Epoch ms before which no code can be sent to the address on screen (a refusal's "Try again in N seconds"). */
  sendWaitUntil: 0,
  /** Epoch ms before which the account takes no answer. */
  answerWaitUntil: 0,
  /** Cognito's session for the code on screen ended (a refusal while answering): answering starts a new one. */
  sessionLost: false,
  /** The code on screen was announced as expired. */
  expiryAnnounced: false,
  /** Whether the last render showed a wait, so that its end is announced once. */
  waiting: false,
  /** The sign-in link the page was opened with, until it is used or set aside. */
  link: undefined as SignInLink | undefined,
};

let config: RuntimeConfig | undefined;
let auth: EmailCodeSignIn;
/** What the page says, in the language on screen. */
let m: SignInMessages = en;
/** The signed-in user on screen, and the language last saved to their `locale`. */
let signedIn: SignedInUser | undefined;
let savedLocale: string | undefined;

const passwordMode = () => config?.signInMode === 'password-and-code';
const startLabel = () => (passwordMode() ? m.continue : m.emailMeACode);

function show(view: View): void {
  state.view = view;
  ui.startForm.hidden = view !== 'start';
  ui.linkForm.hidden = view !== 'link';
  ui.newPasswordForm.hidden = view !== 'new-password';
  ui.codeForm.hidden = view !== 'code';
  ui.signedIn.hidden = view !== 'signed-in';
  showLocalStackHint(view);
}

/** The local stack only (its config.json names the mailbox): where the emails arrive, and the demo user to try. */
function showLocalStackHint(view: View): void {
  const mailbox = config?.mailboxUrl;
  ui.localStackHint.hidden = mailbox === undefined || (view !== 'start' && view !== 'code');
  if (ui.localStackHint.hidden || mailbox === undefined) return;
  const link = document.createElement('a');
  link.href = mailbox;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = m.localMailbox;
  fillSlot(ui.localStackHint, view === 'start' ? m.localHintStart : m.localHintCode, '{link}', link);
}

const countdown = (label: string, until: number, now: number) => (until > now ? m.withWait(label, until - now) : label);

function codeIsDead(now: number): boolean {
  return !state.challenge || state.locked || state.challenge.expiresAt <= now;
}

/** The code step's email carries a link that still works (it lives as long as its code, whatever was typed). */
function linkStillWorks(now: number): boolean {
  return state.view === 'code' && state.challenge?.linkMailed === true && state.challenge.expiresAt > now;
}

/**
 * When a new code can be had: the pool's resendAvailableAt (whole seconds rounded up, so never early), or a later
 * refusal's wait.
 */
function resendAt(): number {
  return Math.max(state.challenge?.resendAvailableAt ?? 0, state.sendWaitUntil);
}

function render(): void {
  const now = Date.now();
  document.querySelector('main')!.setAttribute('aria-busy', String(state.busy));
  const sendWaiting = state.sendWaitUntil > now;
  setAvailable(ui.startButton, !state.busy && !sendWaiting, countdown(startLabel(), state.sendWaitUntil, now));
  setAvailable(ui.haveCodeButton, !state.busy && !sendWaiting, m.haveCode);
  setAvailable(ui.newPasswordButton, !state.busy, m.setPasswordAndContinue);
  setAvailable(ui.signOutButton, !state.busy, m.signOut);
  setAvailable(ui.restartButton, !state.busy, m.useDifferentEmail);
  setAvailable(ui.linkButton, !state.busy, m.signIn);
  setAvailable(ui.linkCancelButton, !state.busy, m.notYou);

  let waiting = state.view === 'start' && sendWaiting;
  if (state.view === 'code' && state.challenge) {
    const dead = codeIsDead(now);
    const newCodeAt = resendAt();
    const answerWaiting = state.answerWaitUntil > now;
    if (dead) {
      ui.codeExpiry.textContent = state.locked
        ? linkStillWorks(now)
          ? m.codeDeadLinkWorks
          : m.codeDead
        : newCodeAt > now
          ? m.codeExpiredNewCodeIn(newCodeAt - now)
          : m.codeExpiredSendNew;
    } else {
      ui.codeExpiry.textContent = m.codeExpiresIn(state.challenge.expiresAt - now);
    }
    // The moment the code runs out is news (the countdown to it is not): say it once, move focus on.
    if (dead && !state.locked && !state.expiryAnnounced && !state.busy) {
      state.expiryAnnounced = true;
      setStatus(() => m.codeExpired);
    }
    if (dead && document.activeElement === ui.code) ui.resendButton.focus();
    ui.code.disabled = dead;
    setAvailable(ui.codeButton, !state.busy && !dead && !answerWaiting, countdown(m.signIn, state.answerWaitUntil, now));
    setAvailable(ui.resendButton, !state.busy && newCodeAt <= now, countdown(m.sendNewCode, newCodeAt, now));
    waiting = (dead && newCodeAt > now) || answerWaiting;
  }
  // The end of a wait is news: say so once (the countdown itself is never announced).
  if (state.waiting && !waiting && !state.busy) {
    setError(undefined);
    const canSend = state.view === 'code' && codeIsDead(now);
    setStatus(() => (canSend ? m.canSendNow : m.canTryNow));
  }
  state.waiting = waiting;
}

setInterval(render, 1000);

/** What a request asked for: a code (a new sign-in), to check an answer, or anything else. */
type Request = 'send' | 'answer' | 'other';

/** Runs one request with the page busy; whatever it returns gets focus once the page is usable again. */
async function run(request: Request, action: () => Promise<HTMLElement | undefined>): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  setError(undefined);
  render();
  let focus: HTMLElement | undefined;
  try {
    focus = await action();
  } catch (caught) {
    const error = toSignInError(caught, 'start');
    const endpoint = config?.userPoolEndpoint;
    // Unreachable, or refused by CORS (which looks the same to the page)? If the endpoint answers, it was the origin.
    const originRefused = error instanceof NetworkError && endpoint !== undefined && (await serviceAnswers(endpoint));
    focus = showRefusal(error, request);
    if (originRefused) setError(() => m.originRefused(endpoint, location.origin));
  } finally {
    state.busy = false;
    render();
  }
  focus?.focus();
  // A refused answer stays in the field to send again; selected, so typing a new code replaces it.
  if (focus === ui.code) ui.code.select();
}

/** Shows why a request was refused and where to go from there; returns the control that moves on. */
function showRefusal(error: SignInError, request: Request): HTMLElement | undefined {
  console.warn('sign-in step failed:', error.name);
  setStatus('');
  const refusedAt = Date.now();
  const linkWorks = linkStillWorks(refusedAt);
  setError(() => errorMessage(error, m, { passwordMode: passwordMode(), linkMailed: linkWorks }));
  if (error instanceof RetryLaterError) {
    const until = Date.now() + error.retryAfterSeconds * 1000;
    if (request === 'answer' && !(error instanceof SendThrottledError)) {
      // The refusal ended Cognito's session: the next answer starts a new one.
      state.answerWaitUntil = until;
      state.sessionLost = true;
    }
    else state.sendWaitUntil = until;
    if (error instanceof SendThrottledError) {
      const limit = sendLimit();
      setError(() => sendThrottledMessage(m, limit, until, linkWorks, refusedAt));
    }
    state.waiting = true;
    return state.view === 'code' ? (codeIsDead(Date.now()) ? ui.resendButton : ui.code) : ui.startButton;
  }
  if (error instanceof SessionExpiredError && state.view === 'code') {
    showStart();
    return ui.haveCodeButton;
  }
  if (state.view === 'code') {
    if (error instanceof WrongCodeError || error instanceof CodeExpiredError || error instanceof TooManyAttemptsError) {
      if (error.step) adoptChallenge(error.step);
      if (error instanceof TooManyAttemptsError && state.challenge) adoptChallenge({ ...state.challenge, attemptsLeft: 0 });
      // The pool's word over this device's clock: the code is spent even if the countdown says otherwise.
      if (error instanceof CodeExpiredError && state.challenge && state.challenge.expiresAt > Date.now()) {
        adoptChallenge({ ...state.challenge, expiresAt: Date.now() });
      }
      if (error instanceof CodeExpiredError) state.expiryAnnounced = true; // the alert says it
      ui.code.value = '';
      const left = state.locked ? 0 : Math.max(0, state.challenge?.attemptsLeft ?? 0);
      say(ui.codeAttempts, state.locked ? '' : () => m.attemptsLeftForCode(left));
    }
    return codeIsDead(Date.now()) ? ui.resendButton : ui.code;
  }
  return state.view === 'new-password' ? ui.newPassword : state.view === 'start' ? ui.email : undefined;
}

/**
 * The hourly cap, when the last code mailed to the address on screen was spent signing in on this page: a
 * spent code holds back no email, so only the hourly cap can. Otherwise the page cannot tell which limit it was.
 */
function sendLimit(): SendLimit {
  const remembered = recallSignIn();
  const spentHere = !state.challenge && remembered !== undefined && !remembered.code && sameAddress(remembered.email, ui.email.value);
  return spentHere ? 'hourly' : 'unknown';
}

function showStart(): HTMLElement {
  state.challenge = undefined;
  state.locked = false;
  say(ui.title, () => (passwordMode() ? m.titlePasswordAndCodeSignIn : m.titleCodeSignIn));
  ui.passwordField.hidden = !passwordMode();
  ui.password.required = passwordMode();
  ui.password.value = '';
  show('start');
  return ui.email.value && !passwordMode() ? ui.startButton : ui.email;
}

function adoptChallenge(next: CodeStep): void {
  if (!state.challenge || !isSameCode(state.challenge, next)) state.expiryAnnounced = false;
  state.challenge = next;
  state.locked = next.attemptsLeft <= 0;
  rememberSignIn({ email: ui.email.value.trim(), code: next });
}

/** The code step, saying plainly whether the code in the inbox still works or a new one replaced it. */
function showCode(next: CodeStep, mode: 'new' | 'have-code' | 'resend'): HTMLElement {
  const earlier = rememberedCodeFor(ui.email.value) ?? state.challenge;
  const reused = earlier !== undefined && isSameCode(earlier, next);
  adoptChallenge(next);
  state.sessionLost = false;
  state.answerWaitUntil = 0;
  state.sendWaitUntil = 0;
  say(ui.title, () => m.titleEnterCode);
  const { codeLength: length, maskedEmail: masked } = next;
  let sentTo: () => string;
  if (reused) {
    sentTo = () => m.codeSentReused(length, masked);
    setStatus(() => m.codeStillWorks);
  } else if (earlier || mode === 'resend') {
    sentTo = () => m.codeSentNew(length, masked);
    setStatus(() => `${m.newCodeOnItsWay}${m.sentenceSeparator}${m.noEmailHint}`);
  } else if (mode === 'have-code') {
    sentTo = () => m.codeSentHaveCode(length, masked);
    setStatus('');
  } else {
    sentTo = () => m.codeSentFirst(length, masked);
    setStatus(() => `${m.checkInbox}${m.sentenceSeparator}${m.noEmailHint}`);
  }
  say(ui.codeSentTo, next.linkMailed ? () => `${sentTo()}${m.sentenceSeparator}${m.linkInSameEmail}` : sentTo);
  ui.code.value = '';
  ui.code.placeholder = '0'.repeat(next.codeLength);
  say(ui.codeAttempts, '');
  show('code');
  ui.code.disabled = false;
  return codeIsDead(Date.now()) ? ui.resendButton : ui.code;
}

/** Opened from the code email's link: one click signs in (a mail scanner that opens links only loads the page). */
function showLink(link: SignInLink): HTMLElement {
  state.link = link;
  ui.email.value = link.email;
  say(ui.title, () => m.titleLinkSignIn);
  ui.linkEmail.textContent = link.email;
  fillSlot(ui.linkIntro, m.continueAs, '{email}', ui.linkEmail);
  setStatus('');
  show('link');
  return ui.linkButton;
}

async function signInWithLink(): Promise<void> {
  const link = state.link;
  if (!link) return;
  await run('send', async () => {
    try {
      const step = await auth.signInWithLink(link);
      state.link = undefined;
      return await showStep(step, 'new');
    } catch (caught) {
      state.link = undefined;
      const error = toSignInError(caught, 'code');
      if (!(error instanceof SignInLinkRefusedError)) {
        showStart(); // a refusal before the link was checked (a wait, the network) is shown on the email step
        if (!(error instanceof SendThrottledError)) throw error;
        // The link's code is gone (expired or used) and no new email may be sent yet: say both.
        const focus = showRefusal(error, 'send');
        setError(() => m.linkGoneNoSend);
        return focus;
      }
      const focus = showCode(error.step, 'have-code');
      setError(() => errorMessage(error, m));
      return focus;
    }
  });
}

function showNewPassword(): HTMLElement {
  say(ui.title, () => m.titleNewPassword);
  setStatus('');
  ui.newPassword.value = '';
  show('new-password');
  return ui.newPassword;
}

function showSignedIn(user: SignedInUser | undefined): HTMLElement {
  state.challenge = undefined;
  signedIn = user;
  if (!user) {
    setError(() => m.tokensUnreadable);
    return showStart();
  }
  // The code is spent; the address stays for the next sign-in.
  rememberSignIn({ email: user.email || ui.email.value.trim() });
  say(ui.title, () => m.titleSignedIn);
  setStatus('');
  ui.signedInEmail.textContent = user.email;
  fillSlot(ui.signedInAs, m.signedInAs, '{email}', ui.signedInEmail);
  say(ui.tokenValidity, () => m.idTokenValidUntil(user.expiresAt));
  fillClaims(user.claims, formatsFor(m.language).dateTime);
  show('signed-in');
  void saveLanguage(user);
  return ui.signOutButton;
}

async function showStep(step: SignInStep, mode: 'new' | 'have-code' | 'resend'): Promise<HTMLElement | undefined> {
  if (step.type === 'signedIn') return showSignedIn(await auth.signedInUser());
  if (step.type === 'newPassword') return showNewPassword();
  if (step.type === 'code') return showCode(step, mode);
  return undefined;
}

async function begin(mode: 'new' | 'have-code' | 'resend'): Promise<void> {
  if (mode !== 'resend') {
    if (!ui.email.checkValidity() || !ui.email.value.trim()) {
      setError(() => m.enterValidEmail);
      return ui.email.focus();
    }
    if (passwordMode() && !ui.password.value) {
      setError(() => m.enterPassword);
      return ui.password.focus();
    }
  }
  await run('send', async () => {
    const step =
      mode === 'resend'
        ? await auth.resend()
        : await auth.start({ email: ui.email.value, password: passwordMode() ? ui.password.value : undefined });
    return showStep(step, mode);
  });
}

async function answer(): Promise<void> {
  if (!state.challenge || !isAvailable(ui.codeButton)) return;
  const code = digitsOnly(ui.code.value, state.challenge.codeLength);
  if (code.length !== state.challenge.codeLength) {
    const length = state.challenge.codeLength;
    setError(() => m.enterAllDigits(length));
    return ui.code.focus();
  }
  await run('answer', async () => {
    if (state.sessionLost) {
      const renewed = await renewSession();
      if (renewed) return renewed;
    }
    try {
      return await showStep(await auth.answer(code), 'new');
    } catch (caught) {
      const error = toSignInError(caught, 'code');
      if (!(error instanceof SessionExpiredError)) throw error;
      // Cognito's session for this code ran out (or ended with a refusal): a new sign-in, then the same answer.
      const renewed = await renewSession();
      return renewed ?? (await showStep(await auth.answer(code), 'new'));
    }
  });
}

/**
 * A new Cognito session for the code on screen. Returns nothing when it offers the same code (answer it);
 * otherwise the step to show instead (a new code replaced it: the typed one would only count as wrong).
 */
async function renewSession(): Promise<HTMLElement | undefined> {
  const earlier = state.challenge;
  const step = await auth.resend();
  state.sessionLost = false;
  if (step.type === 'code' && earlier && isSameCode(earlier, step)) {
    adoptChallenge(step);
    return undefined;
  }
  return showStep(step, 'resend');
}

/** Runs `action` on a click or Enter unless the button is waiting or busy. */
function onActivate(button: HTMLButtonElement, action: () => void): void {
  button.addEventListener('click', (event) => {
    event.preventDefault();
    if (isAvailable(button)) action();
  });
}

ui.startForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (isAvailable(ui.startButton)) void begin('new');
});
onActivate(ui.startButton, () => void begin('new'));
onActivate(ui.haveCodeButton, () => void begin('have-code'));
ui.email.addEventListener('input', () => {
  // A wait belongs to the address it was given for.
  state.sendWaitUntil = knownSendWaitFor(ui.email.value);
  render();
});
ui.newPasswordForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!isAvailable(ui.newPasswordButton)) return;
  if (!ui.newPassword.value) {
    setError(() => m.enterNewPassword);
    return ui.newPassword.focus();
  }
  void run('other', async () => showStep(await auth.answer(ui.newPassword.value), 'new'));
});
onActivate(ui.newPasswordButton, () => ui.newPasswordForm.requestSubmit());
ui.codeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void answer();
});
onActivate(ui.codeButton, () => void answer());
keepCodeFieldToDigits(ui.code, () => state.challenge?.codeLength ?? 6, () => void answer());
onActivate(ui.resendButton, () => void begin('resend'));
ui.linkForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (isAvailable(ui.linkButton)) void signInWithLink();
});
onActivate(ui.linkButton, () => void signInWithLink());
onActivate(ui.linkCancelButton, () => {
  state.link = undefined;
  ui.email.value = '';
  showStart();
  render();
  ui.email.focus();
});
onActivate(ui.restartButton, () => {
  setError(undefined);
  setStatus('');
  state.sendWaitUntil = knownSendWaitFor(ui.email.value);
  showStart();
  render();
  ui.email.focus();
});
onActivate(ui.signOutButton, () =>
  void run('other', async () => {
    await auth.signOut();
    signedIn = undefined;
    const focus = showStart();
    setStatus(() => m.signedOut);
    return focus;
  }),
);

/**
 * A wait the page already knows of for this address: its remembered code is spent (expired or locked) and the
 * pool mails no new one before resendAvailableAt, so "Email me a code" would only be refused until then.
 */
function knownSendWaitFor(email: string): number {
  const code = rememberedCodeFor(email);
  const now = Date.now();
  if (!code || (code.expiresAt > now && code.attemptsLeft > 0)) return 0;
  return code.resendAvailableAt > now ? code.resendAvailableAt : 0;
}

/** On load: the address last used, and whether the code mailed to it can still be used. */
function showStartAfterLoad(): HTMLElement {
  const remembered = recallSignIn();
  if (remembered) ui.email.value = remembered.email;
  state.sendWaitUntil = knownSendWaitFor(ui.email.value);
  state.waiting = state.sendWaitUntil > 0;
  const focus = showStart();
  const code = remembered?.code;
  const now = Date.now();
  if (code && state.sendWaitUntil > now) {
    setStatus(() => m.lastCodeDead(code.maskedEmail));
    return ui.startButton;
  }
  if (code && code.expiresAt > now && code.attemptsLeft > 0 && code.resendAvailableAt > now) {
    setStatus(() => m.codeWorksUntil(code.maskedEmail, code.expiresAt));
    return ui.haveCodeButton;
  }
  return focus;
}

/**
 * Saves the language on screen to the signed-in user's `locale` attribute when it names another language, so the
 * next code email is in it. A failure costs only that: the sign-in stands.
 */
async function saveLanguage(user: SignedInUser): Promise<void> {
  const current = typeof user.claims.locale === 'string' ? user.claims.locale : undefined;
  const language = m.language;
  if (savedLocale === language || (savedLocale === undefined && current && pickLanguage([current], '') === language)) return;
  try {
    await auth.saveLocale(language);
    savedLocale = language;
  } catch (error) {
    console.warn('could not save the language to the locale attribute:', (error as Error).name);
  }
}

/** Shows the page in another language: every text on screen, said again; the choice kept for the next visit. */
function switchLanguage(language: string): void {
  m = SIGN_IN_MESSAGES[language] ?? en;
  rememberLanguage(m.language);
  applyLanguage(m);
  sayAgain();
  fillSlot(ui.linkIntro, m.continueAs, '{email}', ui.linkEmail);
  fillSlot(ui.signedInAs, m.signedInAs, '{email}', ui.signedInEmail);
  showLocalStackHint(state.view);
  if (signedIn) {
    fillClaims(signedIn.claims, formatsFor(m.language).dateTime);
    void saveLanguage(signedIn);
  }
  render();
}

ui.language.addEventListener('change', () => switchLanguage(ui.language.value));

async function init(): Promise<void> {
  m = initialMessages();
  applyLanguage(m);
  fillLanguageSwitch(ui.language, m.language);
  show('none');
  const link = readSignInLink(location.href);
  // The secret leaves the address bar (and the history) before anything else; it stays only in this page's memory.
  if (link) history.replaceState(history.state, '', location.pathname + location.search);
  try {
    config = await loadRuntimeConfig();
  } catch {
    setError(() => m.notConfigured);
    return;
  }
  configureAuth(config);
  auth = createEmailCodeSignIn({ signInMode: config.signInMode });
  const user = await auth.signedInUser();
  const focus = user ? showSignedIn(user) : link && !passwordMode() ? showLink(link) : showStartAfterLoad();
  render();
  focus.focus();
}

void init();
