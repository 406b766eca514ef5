// The props checked with the triggers' own rules at synthesis, each failure naming the prop.
import { Annotations, Token, ValidationError, type Duration } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { loadConfig, type Config } from '../../../triggers/domain/config.ts';
import { emailLanguagesToEnvironment } from '../../../triggers/domain/email-config.ts';
import { ConfigError } from '../../../triggers/domain/errors.ts';
import { metricNamespace } from '../../../triggers/domain/sign-in-metrics.ts';
import type { EmailLanguageTemplates, EmailOtpAuthMonitoring, EmailOtpAuthProps } from './props.ts';

/** Each prop that sets a trigger variable, and how its value is written there (the triggers parse it back). */
const VARIABLE_OF_PROP = {
  fromAddress: ['SES_FROM_ADDRESS', String],
  signInMode: ['SIGN_IN_MODE', String],
  codeLength: ['CODE_LENGTH', String],
  codeTtl: ['CODE_TTL_SECONDS', (d: Duration) => String(d.toSeconds())],
  maxAttempts: ['MAX_ATTEMPTS', String],
  resendInterval: ['RESEND_INTERVAL_SECONDS', (d: Duration) => String(d.toSeconds())],
  maxSendsPerHour: ['MAX_SENDS_PER_HOUR', String],
  maxGuessesPerDay: ['MAX_GUESSES_PER_DAY', String],
  maxEmailsPerHour: ['MAX_EMAILS_PER_HOUR', String],
  deliveryBlockDays: ['DELIVERY_BLOCK_DAYS', String],
  metricNamespace: ['METRIC_NAMESPACE', String],
  // A token (a domain created in the same app) is checked with a stand-in and written as the token; false sets nothing.
  signInLinkUrl: ['SIGN_IN_LINK_URL', (url: string | false) => (url === false ? undefined : Token.isUnresolved(url) ? 'https://validated-at-synth.example/' : url)],
  sesRegion: ['SES_REGION', String],
  appName: ['APP_NAME', String],
  emailSubject: ['EMAIL_SUBJECT', String],
  emailTextTemplate: ['EMAIL_TEXT_TEMPLATE', String],
  emailHtmlTemplate: ['EMAIL_HTML_TEMPLATE', String],
  emailDefaultLanguage: ['EMAIL_DEFAULT_LANGUAGE', String],
  emailTemplates: ['EMAIL_TEMPLATES', (templates: Readonly<Record<string, EmailLanguageTemplates>>) => JSON.stringify(templates)],
} as const satisfies { [P in keyof EmailOtpAuthProps]?: readonly [string, (value: never) => string | undefined] };

const PROP_OF_VARIABLE: Record<string, string> = Object.fromEntries(
  Object.entries(VARIABLE_OF_PROP).map(([prop, [variable]]) => [variable, prop]),
);

/** Emails per hour for the whole pool when `maxEmailsPerHour` is not set. */
export const DEFAULT_MAX_EMAILS_PER_HOUR = 2000;

/** Lambda's limit on the total size of a function's environment variables. */
const LAMBDA_ENVIRONMENT_BYTES = 4096;

/** aws-cdk-lib's error for props that break a construct's rules: it carries the construct's path. */
export function invalidProps(scope: IConstruct, message: string): ValidationError {
  return new ValidationError('EmailOtpAuthInvalidProps' as ConstructorParameters<typeof ValidationError>[0], `EmailOtpAuth: ${message}`, scope);
}

/** The sender's address, from `address@domain` or `Name <address@domain>`. */
export function senderAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
}

const MONITORING_SETTINGS = ['alarmTopic', 'metricNamespace', 'throttledSendsAlarmThreshold', 'logRetention'] as const;

/**
 * The monitoring settings, from `monitoring` or from their former top-level names (deprecated, with a warning);
 * setting one both ways fails.
 */
export function monitoringSettings(scope: IConstruct, props: EmailOtpAuthProps): EmailOtpAuthMonitoring {
  const settings: { -readonly [K in keyof EmailOtpAuthMonitoring]: EmailOtpAuthMonitoring[K] } = {};
  for (const name of MONITORING_SETTINGS) {
    const grouped = props.monitoring?.[name];
    const flat = props[name];
    if (flat !== undefined && grouped !== undefined) throw invalidProps(scope, `${name} and monitoring.${name} are both set: set monitoring.${name} only`);
    if (flat !== undefined) {
      Annotations.of(scope).addWarningV2(`cognito-email-otp:deprecated-${name}`, `EmailOtpAuth: ${name} is deprecated: set monitoring.${name} instead (the same setting)`);
    }
    const value = grouped ?? flat;
    if (value !== undefined) (settings as Record<string, unknown>)[name] = value;
  }
  return settings;
}

/** Validates the props with the triggers' own rules, naming the prop in the message; returns the triggers' configuration. */
export function validateProps(scope: IConstruct, props: EmailOtpAuthProps): Config {
  const env: Record<string, string | undefined> = { TABLE_NAME: 'validated-at-synth', CODE_KEY_SECRET_ID: 'validated-at-synth' };
  const settings: EmailOtpAuthProps = { ...props, ...monitoringSettings(scope, props) };
  for (const [prop, [variable, write]] of Object.entries(VARIABLE_OF_PROP)) {
    const value = settings[prop as keyof typeof VARIABLE_OF_PROP];
    if (value !== undefined) env[variable] = (write as (v: unknown) => string | undefined)(value);
  }
  // The construct's default ceiling (the triggers alone have none): about SES's default production quota of 50,000 a day.
  env.MAX_EMAILS_PER_HOUR ??= String(DEFAULT_MAX_EMAILS_PER_HOUR);
  let config: Config;
  try {
    config = loadConfig(env);
    // Read by the functions' audit, not by loadConfig: checked here too, so a bad one fails synthesis, not every sign-in.
    metricNamespace(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const named = PROP_OF_VARIABLE[error.variable] ?? error.variable;
    const prop = (MONITORING_SETTINGS as readonly string[]).includes(named) && props.monitoring?.[named as keyof EmailOtpAuthMonitoring] !== undefined ? `monitoring.${named}` : named;
    throw invalidProps(scope, `${prop} ${error.reason} (${error.variable})`);
  }
  // As written for the functions: only what differs from the built-in wording.
  const templateBytes = Object.values(emailLanguagesToEnvironment(config.email)).reduce((sum, value) => sum + Buffer.byteLength(value), 0);
  if (templateBytes > LAMBDA_ENVIRONMENT_BYTES - 1024) {
    throw invalidProps(
      scope,
      `emailSubject, emailTextTemplate, emailHtmlTemplate and emailTemplates take ${templateBytes} bytes; Lambda allows ${LAMBDA_ENVIRONMENT_BYTES} for all environment variables, so keep them under ${LAMBDA_ENVIRONMENT_BYTES - 1024}`,
    );
  }
  const validity = props.authSessionValidity?.toMinutes();
  if (validity !== undefined && (validity < 3 || validity > 15)) {
    throw invalidProps(scope, `authSessionValidity must be from 3 to 15 minutes, got ${validity}`);
  }
  const limit = props.wafRateLimitPer5Minutes;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 10)) {
    throw invalidProps(scope, `wafRateLimitPer5Minutes must be a whole number of at least 10, got ${limit}`);
  }
  const mailFrom = props.mailFromDomain;
  if (mailFrom !== undefined && !Token.isUnresolved(mailFrom)) {
    const domain = senderAddress(props.fromAddress).split('@')[1] ?? '';
    if (props.createEmailIdentity === undefined) throw invalidProps(scope, 'mailFromDomain is set on the identity this construct creates: set createEmailIdentity too (or set MAIL FROM on your identity in SES)');
    if (!mailFrom.toLowerCase().endsWith(`.${domain.toLowerCase()}`)) throw invalidProps(scope, `mailFromDomain must be a subdomain of the sender's domain ${domain}, got "${mailFrom}"`);
  }
  if (props.hostedZone && props.createEmailIdentity !== 'domain') {
    throw invalidProps(scope, "hostedZone is only used with createEmailIdentity: 'domain'");
  }
  return config;
}

/** SES resources can be made only in the stack's region; a sesRegion elsewhere must hold them already. */
export function checkSesRegion(scope: IConstruct, props: EmailOtpAuthProps, stackRegion: string): void {
  const region = props.sesRegion;
  if (region === undefined || Token.isUnresolved(stackRegion) || region === stackRegion) return;
  for (const prop of ['createEmailIdentity', 'createConfigurationSet'] as const) {
    if (props[prop]) throw invalidProps(scope, `${prop} makes its resource in the stack's region (${stackRegion}), not in sesRegion ${region}: create it there and leave ${prop} unset`);
  }
}
