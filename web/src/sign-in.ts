import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { parseChallenge, type CodeChallenge } from './challenge.ts';
import type { RuntimeConfig } from './runtime-config.ts';

export type SignInStep =
  | { readonly kind: 'code'; readonly challenge: CodeChallenge }
  | { readonly kind: 'signed-in' };

export interface SignedInUser {
  readonly email: string;
  readonly claims: Record<string, unknown>;
  /** Epoch milliseconds when the ID token expires. */
  readonly expiresAt: number;
}

export function configureAuth(config: RuntimeConfig): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
      },
    },
  });
}

function toStep(result: Awaited<ReturnType<typeof signIn>>): SignInStep {
  if (result.isSignedIn) return { kind: 'signed-in' };
  if (result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE') {
    return { kind: 'code', challenge: parseChallenge(result.nextStep.additionalInfo as Record<string, string> | undefined) };
  }
  throw Object.assign(new Error(`Unexpected sign-in step ${result.nextStep.signInStep}`), { name: 'UnexpectedStep' });
}

/** Starts a sign-in: email only, or email and password (SRP) first in password-and-code mode. */
export async function startSignIn(email: string, password: string | undefined): Promise<SignInStep> {
  const result = password
    ? await signIn({ username: email, password, options: { authFlowType: 'CUSTOM_WITH_SRP' } })
    : await signIn({ username: email, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
  return toStep(result);
}

export async function submitCode(code: string): Promise<SignInStep> {
  return toStep(await confirmSignIn({ challengeResponse: code }));
}

/** The signed-in user from Amplify's token store, or undefined. Tokens past their expiry do not count. */
export async function currentUser(): Promise<SignedInUser | undefined> {
  try {
    await getCurrentUser();
    const { tokens } = await fetchAuthSession();
    const claims = tokens?.idToken?.payload;
    if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
    return { email: String(claims.email ?? ''), claims, expiresAt: claims.exp * 1000 };
  } catch {
    return undefined;
  }
}

export async function endSession(): Promise<void> {
  await signOut();
}
