// Alarms that reach someone and a dashboard of the sign-in figures, from Lambda's metrics and the EMF metrics in the triggers' log lines.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { SIGN_IN_METRICS, type SignInMetricName } from '../../../triggers/domain/sign-in-metrics.ts';
import type { EmailOtpAuthFunctions } from './props.ts';

export interface SignInMonitoringOptions {
  readonly functions: EmailOtpAuthFunctions;
  readonly table: dynamodb.ITableV2;
  readonly namespace: string;
  readonly throttledSendsThreshold: number;
  /** The pool-wide ceiling of emails per hour, if any: an alarm at 80 % of it and one when it is reached. */
  readonly maxEmailsPerHour?: number | undefined;
  readonly alarmTopic?: sns.ITopic | undefined;
}

export interface SignInMonitoring {
  readonly alarmTopic: sns.ITopic;
  readonly alarms: cloudwatch.Alarm[];
  readonly dashboard: cloudwatch.Dashboard;
}

/** How the dashboard and the alarms name each sign-in metric (the triggers write the metrics, not these words). */
const METRIC_LABELS: Record<SignInMetricName, string> = {
  codesMailed: 'Codes mailed',
  codesIssued: 'Codes issued (ceiling slots taken)',
  codesReused: 'Codes reused (sent within the resend interval)',
  throttledSends: 'Refused by send pacing',
  pacedAnswers: 'Refused by answer pacing',
  answersRight: 'Answers right',
  answersWrong: 'Answers wrong',
  linkSignIns: 'Sign-ins by the email link',
  bouncesRecorded: 'Permanent bounces recorded',
  complaintsRecorded: 'Complaints recorded',
  undeliverableRefusals: 'No code: the address bounced or complained',
  ceilingRefusals: 'Refused by the pool-wide email ceiling',
  sendFailures: 'SES did not accept an email',
  storeFailures: 'DynamoDB failed',
  thrownRefusals: 'Refusals told by throwing',
  quietFailures: 'Failures that did not stop a sign-in',
  sendTime: 'SES send time (ms)',
};

/** Cognito stops waiting for a trigger after 5 seconds: 4 s is close enough to look before people see failures. */
const SLOW_TRIGGER_MS = 4_000;
const PERIOD = Duration.minutes(5);
/** Rate alarms: per cent of a day's code emails, judged from this many emails a day. */
const BOUNCE_RATE_PERCENT = 2;
const COMPLAINT_RATE_PERCENT = 0.05;
const RATE_MIN_VOLUME = 100;

export function createSignInMonitoring(scope: Construct, options: SignInMonitoringOptions): SignInMonitoring {
  const { functions, namespace } = options;
  // The triggers write these into their audit lines (triggers/domain/sign-in-metrics.ts); CloudWatch Logs extracts them.
  const figures = Object.fromEntries(
    (Object.entries(SIGN_IN_METRICS) as Array<[SignInMetricName, (typeof SIGN_IN_METRICS)[SignInMetricName]]>).map(([name, definition]) => [
      name,
      new cloudwatch.Metric({ namespace, metricName: definition.metricName, statistic: definition.unit === 'Milliseconds' ? 'p90' : 'Sum', period: PERIOD, label: METRIC_LABELS[name] }),
    ]),
  ) as Record<keyof typeof SIGN_IN_METRICS, cloudwatch.Metric>;

  const triggerFunctions = Object.entries(functions) as Array<[string, lambda.Function]>;
  const sumOf = (metric: (fn: lambda.Function) => cloudwatch.Metric, prefix: string) =>
    Object.fromEntries(triggerFunctions.map(([, fn], index) => [`${prefix}${index}`, metric(fn)]));
  const errors = sumOf((fn) => fn.metricErrors({ period: PERIOD }), 'e');
  const fill = (ids: string[]) => ids.map((id) => `FILL(${id}, 0)`).join(' + ');
  const faults = new cloudwatch.MathExpression({
    // Errors of every trigger, less the refusals told by throwing, plus the failures logged without throwing.
    expression: `${fill(Object.keys(errors))} - FILL(refusals, 0)${functions.postAuthentication ? ' + FILL(quiet, 0)' : ''}`,
    usingMetrics: { ...errors, refusals: figures.thrownRefusals, ...(functions.postAuthentication ? { quiet: figures.quietFailures } : {}) },
    label: 'Trigger faults',
    period: PERIOD,
  });
  const durations = sumOf((fn) => fn.metricDuration({ period: PERIOD, statistic: 'Maximum' }), 'd');
  const slowest = new cloudwatch.MathExpression({ expression: `MAX([${Object.keys(durations).join(', ')}])`, usingMetrics: durations, label: 'Slowest trigger (ms)', period: PERIOD });
  const throttles = sumOf((fn) => fn.metricThrottles({ period: PERIOD }), 't');
  const throttled = new cloudwatch.MathExpression({ expression: fill(Object.keys(throttles)), usingMetrics: throttles, label: 'Throttled trigger invocations', period: PERIOD });
  const tableMetric = (metricName: string) =>
    new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: options.table.tableName }, statistic: 'Sum', period: PERIOD });
  const tableThrottles = new cloudwatch.MathExpression({
    expression: 'FILL(r, 0) + FILL(w, 0)',
    usingMetrics: { r: tableMetric('ReadThrottleEvents'), w: tableMetric('WriteThrottleEvents') },
    label: 'Throttled table requests',
    period: PERIOD,
  });

  const alarmTopic = options.alarmTopic ?? createAlarmTopic(scope);
  const alarms: cloudwatch.Alarm[] = [];
  const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string, evaluationPeriods = 1) => {
    const created = new cloudwatch.Alarm(scope, id, {
      metric,
      alarmDescription: description,
      threshold,
      evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    created.addAlarmAction(new actions.SnsAction(alarmTopic));
    created.addOkAction(new actions.SnsAction(alarmTopic));
    alarms.push(created);
  };
  alarm('TriggerFaultsAlarm', faults, 1, 'An email-code trigger failed for a reason other than a refusal the person is told about (DynamoDB, SES, a time-out, a bug): sign-ins fail closed until it is fixed.');
  alarm('ThrottledSendsAlarm', figures.throttledSends, options.throttledSendsThreshold, 'Many sign-ins hit the per-user email limit: someone may be requesting codes for many accounts.');
  alarm('SlowTriggersAlarm', slowest, SLOW_TRIGGER_MS, 'A trigger took 4 seconds or more: Cognito gives up at 5 and the sign-in fails.');
  alarm('ThrottledTriggersAlarm', throttled, 1, 'Lambda throttled a trigger (account concurrency): those sign-ins failed.');
  alarm('TableThrottlesAlarm', tableThrottles, 1, 'DynamoDB throttled the code table: sign-ins may fail closed.');
  alarm('StoreFailuresAlarm', figures.storeFailures, 1, 'A trigger could not read or write the code table: those sign-ins failed closed.');
  alarm('SendFailuresAlarm', figures.sendFailures, 1, 'SES did not accept a code email (quota, identity, sandbox or a time-out): that person got no code.');

  if (functions.sesFeedback) {
    // Well below SES's review (about 5 % bounces, 0.1 % complaints), over a day, once there is volume to judge.
    const day = Duration.days(1);
    const rate = (id: string, reported: cloudwatch.Metric, percent: number, description: string) =>
      alarm(
        id,
        new cloudwatch.MathExpression({
          expression: `IF(FILL(mailed, 0) >= ${RATE_MIN_VOLUME}, 100 * FILL(reported, 0) / mailed, 0)`,
          usingMetrics: { mailed: figures.codesMailed.with({ period: day }), reported: reported.with({ period: day }) },
          label: `${reported.label} (% of codes mailed)`,
          period: day,
        }),
        percent,
        description,
      );
    rate('BounceRateAlarm', figures.bouncesRecorded, BOUNCE_RATE_PERCENT, `${BOUNCE_RATE_PERCENT} % or more of a day's code emails bounced for good: SES reviews an account from about 5 % and may pause it, and then no code reaches anyone. Look for a spray of sign-ins or a list of stale addresses.`);
    rate('ComplaintRateAlarm', figures.complaintsRecorded, COMPLAINT_RATE_PERCENT, `${COMPLAINT_RATE_PERCENT} % or more of a day's code emails were reported as spam: SES reviews an account from about 0.1 %. Someone may be requesting codes for addresses that never asked.`);
  }
  if (options.maxEmailsPerHour !== undefined) {
    const hourly = figures.codesIssued.with({ period: Duration.hours(1) });
    alarm('EmailCeilingNearAlarm', hourly, Math.floor(options.maxEmailsPerHour * 0.8), `Code emails this hour reached 80 % of the pool-wide ceiling (${options.maxEmailsPerHour} an hour): at the ceiling everyone is told to try again at the next hour. A spray, or time to raise maxEmailsPerHour with the SES quota.`);
    alarm('EmailCeilingReachedAlarm', figures.ceilingRefusals, 1, 'The pool-wide ceiling of emails per hour was reached: sign-ins are refused until the next hour.');
  }

  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', { defaultInterval: Duration.days(1) });
  const graph = (title: string, metrics: Array<cloudwatch.IMetric | undefined>) =>
    new cloudwatch.GraphWidget({ title, left: metrics.filter((m): m is cloudwatch.IMetric => m !== undefined), width: 12, height: 6 });
  dashboard.addWidgets(
    graph('Codes', [figures.codesMailed, figures.codesReused]),
    graph('Refused', [figures.throttledSends, figures.pacedAnswers, figures.ceilingRefusals, figures.undeliverableRefusals]),
  );
  dashboard.addWidgets(
    graph('Answers', [figures.answersRight, figures.answersWrong, figures.linkSignIns]),
    graph('Send time: Create duration (ms, includes the SES call)', [functions.createAuthChallenge.metricDuration({ period: PERIOD, statistic: 'p90' }), functions.createAuthChallenge.metricDuration({ period: PERIOD, statistic: 'Maximum' })]),
  );
  dashboard.addWidgets(
    graph('Faults', [faults, figures.storeFailures, figures.sendFailures]),
    graph('Limits', [slowest, throttled, tableThrottles]),
  );
  dashboard.addWidgets(
    graph('Delivery: bounces and complaints recorded', [figures.bouncesRecorded, figures.complaintsRecorded]),
    graph('SES send time (ms, p90) and codes issued against the ceiling', [figures.sendTime, figures.codesIssued]),
  );
  return { alarmTopic, alarms, dashboard };
}

function createAlarmTopic(scope: Construct): sns.Topic {
  const topic = new sns.Topic(scope, 'AlarmTopic', { displayName: `Alarms of ${scope.node.path}`, enforceSSL: true });
  Validations.of(topic).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SNS2',
    reason: "Alarm notifications name alarms, not people or codes; CloudWatch cannot publish to a topic under the AWS managed SNS key. Pass alarmTopic with your own key if needed.",
  });
  return topic;
}
