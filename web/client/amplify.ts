import { confirmSignIn, fetchAuthSession, getCurrentUser, signIn, signOut, updateUserAttributes } from 'aws-amplify/auth';
import {
  CodeExpiredError,
  SignInFailedError,
  SignInLinkRefusedError,
  TooManyAttemptsError,
  WrongCodeError,
  toSignInError,
  type SignInStage,
} from './errors.ts';
import type { SignInLink } from './sign-in-link.ts';
import { codeStepFrom, type CodeStep, type SignInStep } from './steps.ts';

export interface EmailCodeSignInOptions {
  /** The pool's `SIGN_IN_MODE`: in `password-and-code` a start without a password asks for it first. @default 'code' */
  readonly signInMode?: 'code' | 'password-and-code';
  /**
   * Sends the typed address in lower case, so `Alice@Example.com` finds `alice@example.com` on a case-sensitive pool
   * too, where another spelling of the capitals is an unknown user: told a code is on its way, mailed nothing.
   * Harmless on case-insensitive pools (the construct's). Set false only for a case-sensitive pool whose users'
   * addresses hold capitals; they must then type them exactly. Sign-in links use the stored address as it is.
   * @default true
   */
  readonly lowerCaseEmail?: boolean;
  /** Clock, for tests. */
  readonly now?: () => number;
}

export interface SignedInUser {
  readonly email: string;
  /** The ID token's claims. */
  readonly claims: Record<string, unknown>;
  /** When the ID token expires, epoch milliseconds. */
  readonly expiresAt: number;
}

type SignInOutput = Awaited<ReturnType<typeof signIn>>;

/**
 * Email-code sign-in on the Amplify v6 Auth client (configure Amplify first). Every call returns the next
 * step or throws a {@link SignInError} subclass:
 *
 * ```ts
 * const signInFlow = createEmailCodeSignIn();
 * let step = await signInFlow.start({ email });           // { type: 'code', maskedEmail, codeLength, ... }
 * try { step = await signInFlow.answer(code); }           // { type: 'signedIn' }
 * catch (e) { if (e instanceof WrongCodeError) e.attemptsLeft; }
 * ```
 */
export function createEmailCodeSignIn(options: EmailCodeSignInOptions = {}) {
  const now = options.now ?? Date.now;
  const passwordFirst = options.signInMode === 'password-and-code';
  const asSent = (typed: string) => (options.lowerCaseEmail === false ? typed.trim() : typed.trim().toLowerCase());
  let email: string | undefined;
  let password: string | undefined;
  let current: SignInStep | undefined;

  function toStep(result: SignInOutput): SignInStep {
    if (result.isSignedIn) {
      password = undefined;
      return (current = { type: 'signedIn' });
    }
    if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE') {
      return (current = codeStepFrom(result.nextStep.additionalInfo as Record<string, string> | undefined, now()));
    }
    if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') return (current = { type: 'newPassword' });
    throw new SignInFailedError(`UnexpectedStep:${result.nextStep.signInStep}`, result);
  }

  async function begin(stage: 'start' | 'password'): Promise<SignInStep> {
    try {
      return toStep(
        password
          ? await signIn({ username: email!, password, options: { authFlowType: 'CUSTOM_WITH_SRP' } })
          : await signIn({ username: email!, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } }),
      );
    } catch (error) {
      throw toSignInError(error, stage);
    }
  }

  /** A wrong code comes back as another challenge round: say why it was not accepted. */
  function refusal(step: CodeStep) {
    if (step.expiresAt <= now()) return new CodeExpiredError(step);
    if (step.attemptsLeft <= 0) return new TooManyAttemptsError(step);
    return new WrongCodeError(step);
  }

  return {
    /** The step the sign-in is on, if one is under way. */
    get step(): SignInStep | undefined {
      return current;
    },

    /** Starts a sign-in: email only, or email and password (SRP) in two-step mode; mails a code (or reuses the one just sent). */
    async start(input: { email: string; password?: string }): Promise<SignInStep> {
      email = asSent(input.email);
      password = input.password || undefined;
      if (passwordFirst && !password) return (current = { type: 'password' });
      return begin(password ? 'password' : 'start');
    },

    /** Answers the current step: the password in two-step mode, a new password for a temporary one, else the code. */
    async answer(value: string): Promise<SignInStep> {
      if (current?.type === 'password') {
        password = value;
        return begin('password');
      }
      if (current?.type === 'newPassword') {
        try {
          const step = toStep(await confirmSignIn({ challengeResponse: value }));
          password = value;
          return step;
        } catch (error) {
          throw toSignInError(error, 'newPassword');
        }
      }
      let step: SignInStep;
      try {
        step = toStep(await confirmSignIn({ challengeResponse: value.replace(/\s/g, '') }));
      } catch (error) {
        throw toSignInError(error, 'code');
      }
      if (step.type === 'code') throw refusal(step);
      return step;
    },

    /**
     * Signs in with the link from the code email (`readSignInLink(location.href)`): a new sign-in for its address,
     * answered with its secret. Throws SignInLinkRefusedError, with the step to go on with, if the link no longer works.
     */
    async signInWithLink(link: SignInLink): Promise<SignInStep> {
      email = link.email.trim();
      password = undefined;
      const started = await begin('start');
      if (started.type !== 'code') return started;
      let step: SignInStep;
      try {
        step = toStep(await confirmSignIn({ challengeResponse: link.secret }));
      } catch (error) {
        throw toSignInError(error, 'code');
      }
      if (step.type === 'code') throw new SignInLinkRefusedError(step);
      return step;
    },

    /** Asks for a new code: a new sign-in with the same email (and password). Inside the resend interval the code already sent is offered again. */
    async resend(): Promise<SignInStep> {
      if (!email) throw new SignInFailedError('NoSignInStarted', undefined);
      return begin(password ? 'password' : 'start');
    },

    /** Signs out (Amplify revokes the refresh token) and forgets the sign-in. */
    async signOut(): Promise<void> {
      email = password = current = undefined;
      try {
        await signOut();
      } catch (error) {
        throw toSignInError(error, 'start' satisfies SignInStage);
      }
    },

    /**
     * Saves the signed-in person's language (BCP 47, such as `de` or `pt-BR`) to their standard `locale` attribute
     * (UpdateUserAttributes), so the triggers write their next code email in it.
     */
    async saveLocale(locale: string): Promise<void> {
      try {
        await updateUserAttributes({ userAttributes: { locale } });
      } catch (error) {
        throw toSignInError(error, 'start' satisfies SignInStage);
      }
    },

    /** The signed-in user from Amplify's token store, or undefined. Tokens past their expiry do not count. */
    async signedInUser(): Promise<SignedInUser | undefined> {
      try {
        await getCurrentUser();
        const { tokens } = await fetchAuthSession();
        const claims = tokens?.idToken?.payload;
        if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= now()) return undefined;
        return { email: String(claims.email ?? ''), claims, expiresAt: claims.exp * 1000 };
      } catch {
        return undefined;
      }
    },
  };
}

export type EmailCodeSignIn = ReturnType<typeof createEmailCodeSignIn>;
