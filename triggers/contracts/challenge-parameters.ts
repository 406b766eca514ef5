/**
 * The public challenge parameters contract: what the Create trigger tells the client about the code it mailed
 * (Cognito passes them as a map of strings, `ChallengeParameters` / Amplify's `additionalInfo`), written and read
 * by the same functions. Pure: no Node or AWS import.
 */
import { CODE_SETTING_DEFAULTS } from './code-settings.ts';

/** The code challenge as both sides mean it. Times are epoch milliseconds (whole seconds on the wire). */
export interface CodeChallenge {
  /** The address the code went to, masked (`j***@e***.com`). */
  readonly maskedEmail: string;
  readonly codeLength: number;
  /** When the code stops working. */
  readonly expiresAt: number;
  /** Guesses the code still accepts. */
  readonly attemptsLeft: number;
  /** From when a new sign-in mails a new code (before it, the code already sent is offered again). */
  readonly resendAvailableAt: number;
  /** The email also carries a sign-in link. */
  readonly linkMailed: boolean;
}

/** The parameter names on the wire, by the field each carries. Same keys for every user, known or not. */
export const CHALLENGE_PARAMETER = {
  maskedEmail: 'email',
  codeLength: 'codeLength',
  expiresAt: 'expiresAt',
  attemptsLeft: 'attemptsLeft',
  resendAvailableAt: 'resendAvailableAt',
  linkMailed: 'signInLink',
} as const satisfies Record<keyof CodeChallenge, string>;

export type ChallengeParameterName = (typeof CHALLENGE_PARAMETER)[keyof CodeChallenge];
export type ChallengeParameters = Record<ChallengeParameterName, string>;

/**
 * Whole epoch seconds, each rounded the safe way: a code stops working no later than its `expiresAt` says (down), and
 * a new code can be had no earlier than its `resendAvailableAt` says (up). Rounded down, a client that waited until
 * then could still be up to a second early, and be offered the spent code again instead of a new one.
 */
const secondsDown = (ms: number) => String(Math.floor(ms / 1000));
const secondsUp = (ms: number) => String(Math.ceil(ms / 1000));

/** The Create trigger's side: the challenge as Cognito's string map. */
export function writeChallengeParameters(challenge: CodeChallenge): ChallengeParameters {
  return {
    [CHALLENGE_PARAMETER.maskedEmail]: challenge.maskedEmail,
    [CHALLENGE_PARAMETER.codeLength]: String(challenge.codeLength),
    [CHALLENGE_PARAMETER.expiresAt]: secondsDown(challenge.expiresAt),
    [CHALLENGE_PARAMETER.attemptsLeft]: String(challenge.attemptsLeft),
    [CHALLENGE_PARAMETER.resendAvailableAt]: secondsUp(challenge.resendAvailableAt),
    [CHALLENGE_PARAMETER.linkMailed]: String(challenge.linkMailed),
  } as ChallengeParameters;
}

const number = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : fallback;
};

/**
 * The client's side: the challenge from Cognito's string map. A parameter that is missing (a challenge from
 * another trigger, a hand-made map in a test) reads as the triggers' default for it, counted from `now`.
 */
export function readChallengeParameters(parameters: Readonly<Record<string, string>> | undefined, now: number): CodeChallenge {
  const p = parameters ?? {};
  const at = (name: ChallengeParameterName, fallbackSeconds: number) => number(p[name], now / 1000 + fallbackSeconds) * 1000;
  return {
    maskedEmail: p[CHALLENGE_PARAMETER.maskedEmail] ?? 'your email address',
    codeLength: number(p[CHALLENGE_PARAMETER.codeLength], CODE_SETTING_DEFAULTS.codeLength),
    expiresAt: at(CHALLENGE_PARAMETER.expiresAt, CODE_SETTING_DEFAULTS.codeTtlSeconds),
    attemptsLeft: number(p[CHALLENGE_PARAMETER.attemptsLeft], CODE_SETTING_DEFAULTS.maxAttempts),
    resendAvailableAt: at(CHALLENGE_PARAMETER.resendAvailableAt, CODE_SETTING_DEFAULTS.resendIntervalSeconds),
    linkMailed: p[CHALLENGE_PARAMETER.linkMailed] === 'true',
  };
}
