// The sign-in figures as the triggers' log lines carry them (embedded metric format): one definition for the alarms, the dashboard and tests.
import { SIGN_IN_METRICS, metricsInLine, type SignInMetric } from '../../../triggers/domain/sign-in-metrics.ts';

export type LoggingTrigger = 'create' | 'verify' | 'postAuthentication' | 'sesFeedback';

/** A figure: a metric the triggers write into their audit lines (no metric filter: CloudWatch Logs extracts EMF). */
export type LogFigure = SignInMetric;

export const LOG_FIGURES = SIGN_IN_METRICS;

/**
 * Whether a parsed log line counts towards `figure`: whether it carries the figure's metric in its EMF directive,
 * which is what CloudWatch Logs extracts. `trigger` is kept for callers that name the log the line came from.
 */
export function countsTowards(figure: LogFigure, _trigger: LoggingTrigger, line: Record<string, unknown>): boolean {
  return metricsInLine(line)[figure.metricName] !== undefined;
}
