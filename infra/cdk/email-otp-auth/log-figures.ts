// The sign-in figures read from the triggers' JSON log lines: one definition for the metric filters and for tests.
import { THROWN_REFUSAL_EVENTS, type AuditEvent } from '../../../triggers/audit.ts';

export type LoggingTrigger = 'create' | 'verify' | 'postAuthentication';

/** A figure: the lines of some triggers' logs whose fields all match. */
export interface LogFigure {
  readonly metricName: string;
  readonly triggers: readonly LoggingTrigger[];
  readonly event?: readonly AuditEvent[];
  readonly level?: 'ERROR';
  readonly method?: 'code' | 'link';
  readonly label: string;
}

export const LOG_FIGURES = {
  codesMailed: { metricName: 'CodesMailed', triggers: ['create'], event: ['code_sent'], label: 'Codes mailed' },
  codesReused: { metricName: 'CodesReused', triggers: ['create'], event: ['code_reused'], label: 'Codes reused (sent within the resend interval)' },
  throttledSends: { metricName: 'ThrottledSends', triggers: ['create'], event: ['send_throttled'], label: 'Refused by send pacing' },
  pacedAnswers: { metricName: 'PacedAnswers', triggers: ['create', 'verify'], event: ['guess_throttled'], label: 'Refused by answer pacing' },
  answersRight: { metricName: 'AnswersRight', triggers: ['verify'], event: ['answer_correct'], label: 'Answers right' },
  answersWrong: { metricName: 'AnswersWrong', triggers: ['verify'], event: ['answer_wrong'], label: 'Answers wrong' },
  linkSignIns: { metricName: 'LinkSignIns', triggers: ['verify'], event: ['answer_correct'], method: 'link', label: 'Sign-ins by the email link' },
  sendFailures: { metricName: 'SendFailures', triggers: ['create'], event: ['send_failed'], label: 'SES did not accept an email' },
  storeFailures: { metricName: 'StoreFailures', triggers: ['create', 'verify'], event: ['store_failed'], label: 'DynamoDB failed' },
  /** The invocations that throw to tell the person a rule: Lambda counts them as errors, they are not faults. */
  thrownRefusals: { metricName: 'ThrownRefusals', triggers: ['create', 'verify'], event: THROWN_REFUSAL_EVENTS, label: 'Refusals told by throwing' },
  /** Failures a trigger logs without throwing (post authentication lets the sign-in through). */
  quietFailures: { metricName: 'QuietFailures', triggers: ['postAuthentication'], level: 'ERROR', label: 'Failures that did not stop a sign-in' },
} as const satisfies Record<string, LogFigure>;

/** CloudWatch Logs' JSON filter pattern for a figure, e.g. `{ ($.event = "a" || $.event = "b") && $.method = "link" }`. */
export function filterPatternOf(figure: LogFigure): string {
  const terms: string[] = [];
  if (figure.event) {
    const events = figure.event.map((event) => `$.event = "${event}"`);
    terms.push(events.length === 1 ? events[0]! : `(${events.join(' || ')})`);
  }
  if (figure.level) terms.push(`$.level = "${figure.level}"`);
  if (figure.method) terms.push(`$.method = "${figure.method}"`);
  return `{ ${terms.join(' && ')} }`;
}

/** Whether a parsed log line of `trigger` counts towards `figure`: the same test the filter pattern makes. */
export function countsTowards(figure: LogFigure, trigger: LoggingTrigger, line: Record<string, unknown>): boolean {
  if (!figure.triggers.includes(trigger)) return false;
  if (figure.event && !(figure.event as readonly unknown[]).includes(line.event)) return false;
  if (figure.level && line.level !== figure.level) return false;
  if (figure.method && line.method !== figure.method) return false;
  return true;
}
