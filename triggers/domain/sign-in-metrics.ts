/**
 * The sign-in figures as CloudWatch metrics in the embedded metric format (EMF): each audit line carries the
 * metrics it counts under `_aws`, so CloudWatch Logs makes them from the lines the triggers already write, with no
 * call of their own. One definition for the triggers, the construct's alarms and dashboard (which adds their labels),
 * and the tests.
 */
import type { AuditEvent, AuditLine, AuditMetrics } from './audit.ts';
import { ConfigError } from './errors.ts';

export interface SignInMetric {
  readonly metricName: string;
  readonly unit: 'Count' | 'Milliseconds';
  /** Whether a line counts one towards it (Count metrics; a Milliseconds metric takes its value from `valueOf`). */
  readonly counts: (line: AuditLine) => boolean;
}

const on = (...events: AuditEvent[]) => (line: AuditLine) => events.includes(line.event);

/**
 * Refusals told to the person by throwing (Cognito passes a thrown message on): Lambda counts these invocations as
 * errors, but they are the rules working, not faults. Every other error, and every `error` outcome, is a fault.
 */
export const THROWN_REFUSAL_EVENTS = ['send_throttled', 'guess_throttled', 'send_refused_undeliverable', 'ceiling_reached'] as const satisfies readonly AuditEvent[];

export const SIGN_IN_METRICS = {
  codesMailed: { metricName: 'CodesMailed', unit: 'Count', counts: (l) => l.event === 'code_sent' && !l.userNotFound },
  /** Mailed or, for unknown addresses, pretended: what the pool-wide ceiling counts. */
  codesIssued: { metricName: 'CodesIssued', unit: 'Count', counts: on('code_sent') },
  codesReused: { metricName: 'CodesReused', unit: 'Count', counts: on('code_reused') },
  throttledSends: { metricName: 'ThrottledSends', unit: 'Count', counts: on('send_throttled') },
  pacedAnswers: { metricName: 'PacedAnswers', unit: 'Count', counts: on('guess_throttled') },
  answersRight: { metricName: 'AnswersRight', unit: 'Count', counts: on('answer_correct') },
  answersWrong: { metricName: 'AnswersWrong', unit: 'Count', counts: on('answer_wrong') },
  linkSignIns: { metricName: 'LinkSignIns', unit: 'Count', counts: (l) => l.event === 'answer_correct' && l.method === 'link' },
  bouncesRecorded: { metricName: 'BouncesRecorded', unit: 'Count', counts: on('bounce_recorded') },
  complaintsRecorded: { metricName: 'ComplaintsRecorded', unit: 'Count', counts: on('complaint_recorded') },
  undeliverableRefusals: { metricName: 'UndeliverableRefusals', unit: 'Count', counts: (l) => l.event === 'send_refused_undeliverable' || l.event === 'send_skipped_undeliverable' },
  ceilingRefusals: { metricName: 'CeilingRefusals', unit: 'Count', counts: on('ceiling_reached') },
  sendFailures: { metricName: 'SendFailures', unit: 'Count', counts: on('send_failed') },
  storeFailures: { metricName: 'StoreFailures', unit: 'Count', counts: on('store_failed') },
  /** The invocations that throw to tell the person a rule: Lambda counts them as errors, they are not faults. */
  thrownRefusals: {
    metricName: 'ThrownRefusals',
    unit: 'Count',
    counts: (l) => (l.trigger === 'create' || l.trigger === 'verify') && (THROWN_REFUSAL_EVENTS as readonly string[]).includes(l.event),
  },
  /** Failures a trigger logs without throwing (post authentication lets the sign-in through). */
  quietFailures: {
    metricName: 'QuietFailures',
    unit: 'Count',
    counts: (l) => l.trigger === 'post-authentication' && l.outcome === 'error',
  },
  sendTime: { metricName: 'SendTime', unit: 'Milliseconds', counts: () => false },
} as const satisfies Record<string, SignInMetric>;

export type SignInMetricName = keyof typeof SIGN_IN_METRICS;

/** The namespace when METRIC_NAMESPACE is not set (the construct's `metricNamespace` default). */
export const DEFAULT_METRIC_NAMESPACE = 'EmailOtpAuth';

/** METRIC_NAMESPACE, checked as CloudWatch checks a namespace. */
export function metricNamespace(env: Record<string, string | undefined>): string {
  const value = env.METRIC_NAMESPACE?.trim();
  if (!value) return DEFAULT_METRIC_NAMESPACE;
  if (value.length > 255 || !/^[A-Za-z0-9.\-_/#: ]+$/.test(value) || value.startsWith('AWS/')) {
    throw new ConfigError('METRIC_NAMESPACE', `must be a CloudWatch namespace (letters, digits, . - _ / # : and spaces, not AWS/...), got "${value}"`);
  }
  return value;
}

/** The EMF members for one audit line: `_aws` and one member per metric, or nothing when it counts towards none. */
export function emfMembers(namespace: string, line: AuditLine, sendMs?: number): Record<string, unknown> {
  const values: Record<string, number> = {};
  const definitions: { Name: string; Unit: string }[] = [];
  for (const metric of Object.values(SIGN_IN_METRICS) as SignInMetric[]) {
    const value = metric.unit === 'Milliseconds' ? (metric === SIGN_IN_METRICS.sendTime && sendMs !== undefined ? Math.round(sendMs) : undefined) : metric.counts(line) ? 1 : undefined;
    if (value === undefined) continue;
    values[metric.metricName] = value;
    definitions.push({ Name: metric.metricName, Unit: metric.unit });
  }
  if (definitions.length === 0) return {};
  return { _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [[]], Metrics: definitions }] }, ...values };
}

/** The metrics a written line carries, by name: what CloudWatch Logs extracts from it (for tests and local figures). */
export function metricsInLine(line: Record<string, unknown>): Record<string, number> {
  const directives = (line._aws as { CloudWatchMetrics?: { Metrics: { Name: string }[] }[] } | undefined)?.CloudWatchMetrics ?? [];
  const found: Record<string, number> = {};
  for (const { Name } of directives.flatMap((d) => d.Metrics)) if (typeof line[Name] === 'number') found[Name] = line[Name] as number;
  return found;
}

/** What the audit adds to each line: the sign-in metrics it counts, in `namespace`. */
export function signInMetrics(namespace: string): AuditMetrics {
  return (line, sendMs) => emfMembers(namespace, line, sendMs);
}
