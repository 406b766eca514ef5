import type { CodeKeySource } from './code-key.ts';
import { CODE_SETTING_DEFAULTS as DEFAULTS, DEFAULT_MAX_ATTEMPTS } from '../contracts/code-settings.ts';
import { deliveryToEnvironment, loadDeliveryConfig, type DeliveryConfig } from './delivery-config.ts';
import { emailLanguagesToEnvironment, loadEmailLanguages, type EmailLanguages } from './email-config.ts';
import { integerVar as integer, textVar as text, type Env } from './env.ts';
import { ConfigError } from './errors.ts';

export type SignInMode = 'code' | 'password-and-code';

export interface Config {
  /** DynamoDB table holding one item per user: the current code and the send history. */
  readonly tableName: string;
  /** Verified SES identity the codes are sent from. */
  readonly fromAddress: string;
  /** Optional SES configuration set for event publishing. */
  readonly sesConfigurationSet: string | undefined;
  /** Region SES is called in, when it is not the function's own (SES is not in every region that has Cognito). */
  readonly sesRegion: string | undefined;
  readonly signInMode: SignInMode;
  readonly codeLength: number;
  readonly codeTtlSeconds: number;
  /** Guesses a code accepts in total, across sessions; also the custom rounds one session may take. */
  readonly maxAttempts: number;
  readonly resendIntervalSeconds: number;
  readonly maxSendsPerHour: number;
  /** The hour of maxSendsPerHour, shortened only for tests and attack runs. */
  readonly sendWindowSeconds: number;
  /** Answers evaluated per account per window, right or wrong, across all codes and sessions. */
  readonly maxGuessesPerWindow: number;
  /** The window of maxGuessesPerWindow: a day, shortened only for tests and attack runs. */
  readonly guessWindowSeconds: number;
  /** Where the server-side key that codes are hashed under comes from. */
  readonly codeKeySource: CodeKeySource;
  /**
   * The sign-in page a mailed link opens (code mode only). With it, each email also carries a link whose
   * 128-bit secret signs its reader in however many wrong answers a stranger gave: no lock-out by guessing.
   */
  readonly signInLinkUrl: string | undefined;
  /** The name `{{appName}}` says in emails; undefined: each language's own "your account". */
  readonly appName: string | undefined;
  /** The email's templates by language, and the default language (email-config.ts). */
  readonly email: EmailLanguages;
  /** The pool-wide email ceiling and how long SES feedback stops codes (delivery-config.ts). */
  readonly delivery: DeliveryConfig;
}

function signInLinkUrl(env: Env, mode: SignInMode): string | undefined {
  const value = env.SIGN_IN_LINK_URL?.trim();
  if (!value) return undefined;
  if (mode !== 'code') throw new ConfigError('SIGN_IN_LINK_URL', 'works only with SIGN_IN_MODE=code (a link cannot give the password)');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('SIGN_IN_LINK_URL', `must be an absolute URL, got "${value}"`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ConfigError('SIGN_IN_LINK_URL', `must be https (http only for localhost), got "${value}"`);
  }
  if (url.hash || value.endsWith('#')) throw new ConfigError('SIGN_IN_LINK_URL', 'must not have a #fragment: the link puts its secret there');
  return value;
}

function region(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) throw new ConfigError(name, `must be an AWS region such as eu-west-1, got "${value}"`);
  return value;
}

function signInMode(env: Env): SignInMode {
  const value = text(env, 'SIGN_IN_MODE', 'code');
  if (value === 'code' || value === 'password-and-code') return value;
  throw new ConfigError('SIGN_IN_MODE', `must be "code" or "password-and-code", got "${value}"`);
}

function emailAddress(env: Env, name: string): string {
  const value = text(env, name);
  // SES also accepts `"Display Name" <address@domain>`.
  const address = /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    throw new ConfigError(name, `must be an email address, got "${value}"`);
  }
  return value;
}

function codeKeySource(env: Env): CodeKeySource {
  const secretId = env.CODE_KEY_SECRET_ID?.trim();
  const path = env.CODE_KEY_FILE?.trim();
  if (secretId && path) throw new ConfigError('CODE_KEY_SECRET_ID', 'and CODE_KEY_FILE are both set; set one');
  if (secretId) return { kind: 'secret', secretId };
  if (path) return { kind: 'file', path };
  throw new ConfigError('CODE_KEY_SECRET_ID', 'is required (or CODE_KEY_FILE outside AWS): the key codes are hashed under');
}

/** What Define needs: it decides from the session alone and touches no AWS service. */
export type SessionConfig = Pick<Config, 'signInMode' | 'maxAttempts'>;

export function loadSessionConfig(env: Env): SessionConfig {
  return Object.freeze({ signInMode: signInMode(env), maxAttempts: integer(env, 'MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS, 1, 10) });
}

/** What Verify needs: everything but the email's templates, whose languages weigh on a bundle that never mails. */
export type CodeConfig = Omit<Config, 'email'>;

/**
 * Reads and validates the triggers' configuration. Called once per container, at cold start;
 * an invalid value throws a ConfigError naming the variable.
 */
export function loadConfig(env: Env): Config {
  const config = loadCodeConfig(env);
  return Object.freeze({ ...config, email: loadEmailLanguages(env, config.signInLinkUrl !== undefined) });
}

/** `loadConfig` without the email's templates (they are not read, nor checked): Verify's configuration. */
export function loadCodeConfig(env: Env): CodeConfig {
  const session = loadSessionConfig(env);
  const linkUrl = signInLinkUrl(env, session.signInMode);
  return Object.freeze({
    tableName: text(env, 'TABLE_NAME'),
    fromAddress: emailAddress(env, 'SES_FROM_ADDRESS'),
    sesConfigurationSet: env.SES_CONFIGURATION_SET?.trim() || undefined,
    sesRegion: region(env, 'SES_REGION'),
    ...session,
    codeLength: integer(env, 'CODE_LENGTH', DEFAULTS.codeLength, 6, 10),
    // Down to 1 second so that expiry can be exercised locally; Cognito's session lasts at most 15 minutes.
    codeTtlSeconds: integer(env, 'CODE_TTL_SECONDS', DEFAULTS.codeTtlSeconds, 1, 900),
    // At least 5 s: Cognito re-invokes a slow trigger within its 5-second limit, and the interval is what
    // makes that second invocation reuse the code instead of mailing another.
    resendIntervalSeconds: integer(env, 'RESEND_INTERVAL_SECONDS', DEFAULTS.resendIntervalSeconds, 5, 3600),
    maxSendsPerHour: integer(env, 'MAX_SENDS_PER_HOUR', 5, 1, 100),
    sendWindowSeconds: integer(env, 'SEND_WINDOW_SECONDS', 3_600, 60, 3_600),
    maxGuessesPerWindow: integer(env, 'MAX_GUESSES_PER_DAY', 100, 10, 1000),
    guessWindowSeconds: integer(env, 'GUESS_WINDOW_SECONDS', 86_400, 60, 86_400),
    codeKeySource: codeKeySource(env),
    signInLinkUrl: linkUrl,
    appName: env.APP_NAME?.trim() || undefined,
    delivery: loadDeliveryConfig(env),
  });
}

/**
 * The environment that `loadConfig` reads back into `config`: the other half of the same mapping, so the
 * construct (and anyone wiring their own functions) sets exactly what the triggers parse. Values left at
 * their defaults are left out where they are long (templates), worded per language (the app's name) or only for
 * tests (the window lengths).
 */
export function configToEnvironment(config: Config): Record<string, string> {
  return { ...codeConfigToEnvironment(config), ...emailLanguagesToEnvironment(config.email) };
}

/** The part of {@link configToEnvironment} that `loadCodeConfig` reads: all but the email's templates (Verify's). */
export function codeConfigToEnvironment(config: CodeConfig): Record<string, string> {
  const { codeKeySource: key } = config;
  return {
    TABLE_NAME: config.tableName,
    SES_FROM_ADDRESS: config.fromAddress,
    SIGN_IN_MODE: config.signInMode,
    CODE_LENGTH: String(config.codeLength),
    CODE_TTL_SECONDS: String(config.codeTtlSeconds),
    MAX_ATTEMPTS: String(config.maxAttempts),
    RESEND_INTERVAL_SECONDS: String(config.resendIntervalSeconds),
    MAX_SENDS_PER_HOUR: String(config.maxSendsPerHour),
    MAX_GUESSES_PER_DAY: String(config.maxGuessesPerWindow),
    ...(config.sendWindowSeconds === 3_600 ? {} : { SEND_WINDOW_SECONDS: String(config.sendWindowSeconds) }),
    ...(config.guessWindowSeconds === 86_400 ? {} : { GUESS_WINDOW_SECONDS: String(config.guessWindowSeconds) }),
    ...(key.kind === 'secret' ? { CODE_KEY_SECRET_ID: key.secretId } : { CODE_KEY_FILE: key.path }),
    ...(config.signInLinkUrl ? { SIGN_IN_LINK_URL: config.signInLinkUrl } : {}),
    ...(config.appName === undefined ? {} : { APP_NAME: config.appName }),
    ...deliveryToEnvironment(config.delivery),
    ...(config.sesConfigurationSet ? { SES_CONFIGURATION_SET: config.sesConfigurationSet } : {}),
    ...(config.sesRegion ? { SES_REGION: config.sesRegion } : {}),
  };
}
