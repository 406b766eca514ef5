import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StackInfo } from '../infra/local/stack.ts';
import { summarize, type Summary } from './stats.ts';

/** Where a signing-in user reads the code mailed to them. */
export type CodeReader = (email: string, sinceSeconds: number) => Promise<string>;

export interface SignInFigures {
  /** InitiateAuth to tokens, reading the mail included. */
  readonly total: number;
  /** InitiateAuth and RespondToAuthChallenge alone. */
  readonly authCalls: number;
}

/** One passwordless sign-in through the endpoint with the real SDK client: InitiateAuth, the mailed code, RespondToAuthChallenge. */
export function signInWith(client: CognitoIdentityProviderClient, info: StackInfo, readCode: CodeReader) {
  return async (email: string): Promise<SignInFigures> => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const started = performance.now();
    const challenge = await client.send(
      new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: email } }),
    );
    const initiated = performance.now();
    const code = await readCode(email, since);
    const answering = performance.now();
    const result = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: info.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: code },
      }),
    );
    if (!result.AuthenticationResult?.IdToken) throw new Error('sign-in did not issue tokens');
    const done = performance.now();
    return { total: done - started, authCalls: initiated - started + (done - answering) };
  };
}

export interface LoadFigures {
  readonly concurrency: number;
  readonly signIns: number;
  readonly latencyMs: Summary;
  readonly authCallsMs: Summary;
  readonly signInsPerSecond: number;
  /** CPU time of this whole process (endpoint, triggers, local DynamoDB and SES, the clients) per sign-in. */
  readonly cpuMsPerSignIn: number;
}

/** Signs in every address once, `concurrency` at a time. */
export async function signInLoad(
  signIn: (email: string) => Promise<SignInFigures>,
  emails: readonly string[],
  concurrency: number,
): Promise<LoadFigures> {
  const totals: number[] = [];
  const authCalls: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < emails.length) {
        const figures = await signIn(emails[next++]!);
        totals.push(figures.total);
        authCalls.push(figures.authCalls);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    concurrency,
    signIns: emails.length,
    latencyMs: summarize(totals),
    authCallsMs: summarize(authCalls),
    signInsPerSecond: Math.round((emails.length / seconds) * 10) / 10,
    cpuMsPerSignIn: Math.round(((used.user + used.system) / 1000 / emails.length) * 100) / 100,
  };
}
