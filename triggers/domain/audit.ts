// The audit log: one structured line per sign-in event.
import { ConfigError } from './errors.ts';

/** What happened to a sign-in attempt; one structured log line each. */
export type AuditEvent =
  | 'code_sent'
  | 'code_reused'
  | 'send_throttled'
  | 'guess_throttled'
  | 'send_failed'
  | 'challenge_repeated'
  | 'answer_correct'
  | 'answer_wrong'
  | 'answer_malformed'
  | 'code_expired'
  | 'locked_out'
  | 'no_code'
  | 'code_replaced'
  | 'code_used'
  | 'store_failed'
  | 'unknown_user'
  | 'malformed_event'
  | 'sign_in_failed'
  | 'tokens_issued'
  | 'email_verified'
  /** Two-step mode: no code, the address bounced or complained (thrown: the person is told). */
  | 'send_refused_undeliverable'
  /** Code mode: no code, the address bounced or complained; answered as for an unknown address. */
  | 'send_skipped_undeliverable'
  /** The pool-wide ceiling of emails per hour is reached (thrown). */
  | 'ceiling_reached'
  /** SES feedback recorded on the user's item: no codes to that address for a while. */
  | 'bounce_recorded'
  | 'complaint_recorded'
  /** SES feedback that stops nothing (a transient bounce, a later report already there) or that names no item of ours. */
  | 'feedback_ignored';

export interface AuditContext {
  readonly trigger: 'define' | 'create' | 'verify' | 'post-authentication' | 'ses-feedback';
  readonly userPoolId: string;
  readonly userName: string;
  readonly clientId: string;
  /** 1 for the first custom challenge round of a session. */
  readonly round?: number;
  /** Unknown user (`userNotFound`, or no email address): logged, never shown to the client; userName is then masked. */
  readonly userNotFound?: boolean;
}

export type Outcome = 'ok' | 'denied' | 'error';

/** What a metric is read from: an audit line's fields. */
export interface AuditLine {
  readonly event: AuditEvent;
  readonly outcome: Outcome;
  readonly trigger: AuditContext['trigger'];
  readonly userNotFound?: boolean;
  readonly method?: 'code' | 'link' | undefined;
}

/** Extra members for a line, from the line and the send time: the sign-in metrics (sign-in-metrics.ts). */
export type AuditMetrics = (line: AuditLine, sendMs: number | undefined) => Record<string, unknown>;

export type Audit = (event: AuditEvent, outcome: Outcome, context: AuditContext, details?: AuditDetails) => void;

/** Extra fields; never a code, a hash or a salt. */
export interface AuditDetails {
  readonly codeId?: string;
  /** How an answer was given: a typed code or the email's sign-in link. */
  readonly method?: 'code' | 'link' | undefined;
  readonly attemptsLeft?: number;
  readonly retryAfterSeconds?: number;
  readonly reason?: string;
  /** How long SES took to accept the email (ms): the SendTime metric. */
  readonly sendMs?: number;
  /** Delivery feedback: what SES reported, its subtype, and until when codes stop (ISO time). */
  readonly bounceType?: string;
  readonly until?: string;
}

/** Writes one structured line per audit event; `error` lines go to stderr. */
export interface AuditLogger {
  info(message: string, fields: object): void;
  error(message: string, fields: object): void;
}

/** Powertools' levels, lowest first; the same environment variables choose one. */
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
const rank = (level: string) => LEVELS.indexOf(level as (typeof LEVELS)[number]);

/** The level's rank from the first of Powertools' variables that is set; a value that is no level fails at start-up, like every other setting. */
function levelFrom(env: NodeJS.ProcessEnv): number {
  for (const name of ['POWERTOOLS_LOG_LEVEL', 'AWS_LAMBDA_LOG_LEVEL', 'LOG_LEVEL']) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const level = rank(raw.toUpperCase());
    if (level >= 0) return level;
    throw new ConfigError(name, `must be one of ${LEVELS.join(', ')}, got "${raw}"`);
  }
  return rank('INFO');
}

/** The invocation's X-Ray trace id (`Root=` of _X_AMZN_TRACE_ID), which Lambda sets per invocation. */
function traceId(): string | undefined {
  return /(?:^|;)Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1];
}

/**
 * JSON lines with the keys Powertools Logger writes (level, message, timestamp, service, sampling_rate,
 * xray_trace_id), so log queries and metric filters keep working, without loading a logging library at cold
 * start: Define runs twice per sign-in and logs nothing else. The level is read once, at creation.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): AuditLogger {
  const threshold = levelFrom(env);
  const service = env.POWERTOOLS_SERVICE_NAME?.trim() || 'cognito-email-otp';
  const write = (level: 'INFO' | 'ERROR', stream: NodeJS.WriteStream, message: string, fields: object) => {
    if (rank(level) < threshold) return;
    const trace = traceId();
    const line = { level, message, timestamp: new Date().toISOString(), service, sampling_rate: 0, ...(trace ? { xray_trace_id: trace } : {}), ...fields };
    stream.write(`${JSON.stringify(line)}\n`);
  };
  return {
    info: (message, fields) => write('INFO', process.stdout, message, fields),
    error: (message, fields) => write('ERROR', process.stderr, message, fields),
  };
}

/**
 * The audit. Given `metrics`, each line also carries the sign-in metrics it counts; Define's lines count towards
 * none, so it goes without, and its bundle without their definitions.
 */
export function createAudit(logger: AuditLogger, metrics?: AuditMetrics): Audit {
  return (event, outcome, context, details = {}) => {
    const { sendMs, ...rest } = details;
    const line = { event, outcome, ...context, ...rest };
    const fields = { ...line, ...(sendMs === undefined ? {} : { sendMs: Math.round(sendMs) }), ...metrics?.(line, sendMs) };
    if (outcome === 'error') logger.error(event, fields);
    else logger.info(event, fields);
  };
}
