import { describe, expect, it } from 'vitest';
import { createAudit, type AuditContext, type AuditEvent, type Outcome } from '../../triggers/domain/audit.ts';
import { emfMembers, metricNamespace, metricsInLine, signInMetrics } from '../../triggers/domain/sign-in-metrics.ts';
import { createSignInAudit } from '../../triggers/composition/sign-in-audit.ts';

const context = (trigger: AuditContext['trigger'], userNotFound = false): AuditContext => ({
  trigger,
  userPoolId: 'us-east-1_Test1',
  userName: 'u',
  clientId: 'c',
  ...(userNotFound ? { userNotFound } : {}),
});

function written(audit: (sink: Array<Record<string, unknown>>) => ReturnType<typeof createAudit>) {
  const lines: Array<Record<string, unknown>> = [];
  const run = audit(lines);
  return { lines, run };
}
const sinkLogger = (lines: Array<Record<string, unknown>>) => ({
  info: (_m: string, fields: object) => void lines.push(fields as Record<string, unknown>),
  error: (_m: string, fields: object) => void lines.push(fields as Record<string, unknown>),
});

describe('sign-in metrics in the audit lines (EMF)', () => {
  it("Define's lines count towards no metric, so its audit goes without them (and its bundle without their table)", () => {
    // Every line the Define handler writes (triggers/handlers/define.ts), for known and unknown users.
    const defineLines: Array<[AuditEvent, Outcome]> = [['sign_in_failed', 'denied'], ['tokens_issued', 'ok']];
    for (const [event, outcome] of defineLines) {
      for (const userNotFound of [false, true]) {
        expect(emfMembers('Ns', { event, outcome, ...context('define', userNotFound) })).toEqual({});
      }
    }
  });

  it('the other functions write the metrics a line counts, in the namespace METRIC_NAMESPACE names', () => {
    const { lines, run } = written((sink) => createAudit(sinkLogger(sink), signInMetrics('Acme/SignIn')));
    run('code_sent', 'ok', context('create'), { codeId: 'id', sendMs: 41.6 });
    run('answer_wrong', 'denied', context('verify'));
    expect(metricsInLine(lines[0]!)).toEqual({ CodesMailed: 1, CodesIssued: 1, SendTime: 42 });
    expect(lines[0]!._aws).toMatchObject({ CloudWatchMetrics: [{ Namespace: 'Acme/SignIn', Dimensions: [[]] }] });
    expect(metricsInLine(lines[1]!)).toEqual({ AnswersWrong: 1 });

    const { lines: plain, run: runPlain } = written((sink) => createAudit(sinkLogger(sink)));
    runPlain('code_sent', 'ok', context('create'), { sendMs: 41.6 });
    expect(plain[0]).not.toHaveProperty('_aws');
    expect(plain[0]).toMatchObject({ event: 'code_sent', sendMs: 42 });
  });

  it('checks METRIC_NAMESPACE at creation, as CloudWatch checks a namespace', () => {
    expect(metricNamespace({})).toBe('EmailOtpAuth');
    expect(() => metricNamespace({ METRIC_NAMESPACE: 'AWS/Lambda' })).toThrow(/METRIC_NAMESPACE must be a CloudWatch namespace/);
    expect(() => createSignInAudit({ METRIC_NAMESPACE: 'bad{name}' })).toThrow(/METRIC_NAMESPACE/);
  });
});
