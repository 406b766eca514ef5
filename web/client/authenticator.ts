/**
 * The package's `cognito-email-otp/client/authenticator` entry: `services` for Amplify UI's `<Authenticator>` that sign
 * in with the emailed code (CUSTOM_AUTH), and the email's sign-in link for an Authenticator app. Plain async functions
 * on aws-amplify/auth: nothing of Amplify UI is needed at run time.
 */
import type { ConfirmSignInInput, ConfirmSignInOutput, SignInInput, SignInOutput } from 'aws-amplify/auth';
import { getCurrentUser } from 'aws-amplify/auth';
import { createEmailCodeSignIn } from './amplify.ts';
import { authenticatorLinkMessage, authenticatorMessage, type MessageContext } from './authenticator-messages.ts';
import { SignInError, SignInFailedError, TooManyAttemptsError, toSignInError, type SignInStage } from './errors.ts';
import { readSignInLink, type SignInLink } from './sign-in-link.ts';
import type { CodeStep, SignInStep } from './steps.ts';

export { authenticatorMessage, type MessageContext } from './authenticator-messages.ts';

export interface AuthenticatorServicesOptions {
  /** Your own sentence for an error (translations); return undefined to keep the built-in one. */
  readonly message?: (error: SignInError, context: MessageContext) => string | undefined;
  /** As `createEmailCodeSignIn`'s: the typed address goes lower-cased unless false. @default true */
  readonly lowerCaseEmail?: boolean;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** The `services` the Authenticator takes (`<Authenticator services={authenticatorServices()}>`). */
export interface AuthenticatorServices {
  handleSignIn(input: SignInInput): Promise<SignInOutput>;
  handleConfirmSignIn(input: ConfirmSignInInput): Promise<ConfirmSignInOutput>;
}

/**
 * An error the Authenticator shows: `message` is a sentence for the person, `cause` the {@link SignInError}
 * (`WrongCodeError`, `RetryLaterError`, ...) to branch on.
 */
export class AuthenticatorSignInError extends Error {
  declare readonly cause: SignInError;
  constructor(message: string, cause: SignInError) {
    super(message, { cause });
    this.name = 'AuthenticatorSignInError';
  }
}

/**
 * `services` for Amplify UI's `<Authenticator>` (React, Vue, Angular; `@aws-amplify/ui` 6) on a pool with this
 * product's triggers. The Authenticator's sign-in (and its "Resend Code", which asks for `USER_AUTH`) starts
 * CUSTOM_AUTH instead: without a password (`CUSTOM_WITHOUT_SRP`) when the form has none, with it (`CUSTOM_WITH_SRP`)
 * in two-step mode. The emailed code is presented as `CONFIRM_SIGN_IN_WITH_EMAIL_CODE`, the step the Authenticator
 * has a code screen for; a refused code throws an error whose message the Authenticator shows on that screen.
 */
export function authenticatorServices(options: AuthenticatorServicesOptions = {}): AuthenticatorServices {
  const flow = createEmailCodeSignIn({ now: options.now, lowerCaseEmail: options.lowerCaseEmail });
  const now = options.now ?? Date.now;
  let username: string | undefined;
  let password: string | undefined;
  /** The last code step, for what the messages say about the link and the next code. */
  let lastCode: CodeStep | undefined;

  function readable(caught: unknown, stage: SignInStage): AuthenticatorSignInError {
    const error = toSignInError(caught, stage);
    // Whole seconds, rounded up: the pool's time is itself rounded up, so waiting this long is never early.
    const wait = lastCode ? Math.ceil((lastCode.resendAvailableAt - now()) / 1000) : 0;
    const context: MessageContext = {
      passwordUsed: password !== undefined,
      linkMailed: lastCode?.linkMailed ?? false,
      ...(wait > 0 ? { newCodeInSeconds: wait } : {}),
    };
    return new AuthenticatorSignInError(options.message?.(error, context) ?? authenticatorMessage(error, context), error);
  }

  function output(step: SignInStep): SignInOutput {
    switch (step.type) {
      case 'signedIn':
        username = password = undefined;
        return { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
      case 'code':
        lastCode = step;
        // A spent code is offered again while its link works (the link ignores typed guesses): no code to type.
        if (step.attemptsLeft <= 0) throw new TooManyAttemptsError(step);
        return {
          isSignedIn: false,
          nextStep: {
            signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
            codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: step.maskedEmail, attributeName: 'email' },
          },
        };
      case 'newPassword':
        return { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' } };
      case 'password':
        throw new SignInFailedError('UnexpectedStep:password', step);
    }
  }

  return {
    async handleSignIn(input) {
      const email = input.username.trim();
      // "Resend Code" calls this again without the password: in two-step mode the same sign-in needs it once more.
      const again = email === username && !input.password;
      username = email;
      password = input.password || (again ? password : undefined);
      lastCode = undefined;
      try {
        return output(await flow.start({ email, password }));
      } catch (error) {
        throw readable(error, password ? 'password' : 'start');
      }
    },

    async handleConfirmSignIn(input) {
      try {
        return output(await flow.answer(input.challengeResponse));
      } catch (error) {
        throw readable(error, 'code');
      }
    },
  };
}

/**
 * The sign-in link of a code email, when this page was opened from one (`#email=...&link=...`), and removes it
 * from the address bar and the history at once. Ask the person to confirm (a button) before `signInWithLink`:
 * mail scanners open links too, and a link signs in once.
 */
export function takeSignInLink(href: string = globalThis.location?.href ?? ''): SignInLink | undefined {
  const link = readSignInLink(href);
  if (link && typeof history !== 'undefined') history.replaceState(history.state, '', location.pathname + location.search);
  return link;
}

/**
 * Signs in with a link from {@link takeSignInLink}; once it resolves, an `<Authenticator>` rendered afterwards
 * shows the signed-in state. Does nothing when someone is signed in already. Throws an
 * {@link AuthenticatorSignInError} with a sentence to show when the link no longer works.
 */
export async function signInWithLink(link: SignInLink, options: Pick<AuthenticatorServicesOptions, 'message'> = {}): Promise<void> {
  try {
    await getCurrentUser();
    return;
  } catch {
    // Nobody is signed in: go on with the link.
  }
  try {
    const step = await createEmailCodeSignIn().signInWithLink(link);
    if (step.type !== 'signedIn') throw new SignInFailedError(`UnexpectedStep:${step.type}`, step);
  } catch (caught) {
    const error = toSignInError(caught, 'code');
    const context: MessageContext = { passwordUsed: false, linkMailed: true };
    throw new AuthenticatorSignInError(options.message?.(error, context) ?? authenticatorLinkMessage(error, context), error);
  }
}
