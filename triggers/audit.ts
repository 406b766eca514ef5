import { Logger } from '@aws-lambda-powertools/logger';

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
  | 'email_verified';

export interface AuditContext {
  readonly trigger: 'define' | 'create' | 'verify' | 'post-authentication';
  readonly userPoolId: string;
  readonly userName: string;
  readonly clientId: string;
  /** 1 for the first custom challenge round of a session. */
  readonly round?: number;
  /** Unknown user (`userNotFound`, or no email address): logged, never shown to the client; userName is then masked. */
  readonly userNotFound?: boolean;
}

export type Outcome = 'ok' | 'denied' | 'error';

export type Audit = (event: AuditEvent, outcome: Outcome, context: AuditContext, details?: AuditDetails) => void;

/** Extra fields; never a code, a hash or a salt. */
export interface AuditDetails {
  readonly codeId?: string;
  readonly attemptsLeft?: number;
  readonly retryAfterSeconds?: number;
  readonly reason?: string;
}

export function createLogger(): Logger {
  return new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'cognito-email-otp' });
}

export function createAudit(logger: Logger): Audit {
  return (event, outcome, context, details = {}) => {
    const fields = { event, outcome, ...context, ...details };
    if (outcome === 'error') logger.error(event, fields);
    else logger.info(event, fields);
  };
}
