import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLines } from '../helpers/captured-output.ts';
import { SIGN_IN_METRICS, metricsInLine } from '../../triggers/domain/sign-in-metrics.ts';

type LoggingTrigger = 'create' | 'verify';
/** Whether a line carries the figure's metric in its EMF directive: what CloudWatch Logs extracts from it. */
const countsTowards = (figure: { metricName: string }, line: Record<string, unknown>) => metricsInLine(line)[figure.metricName] !== undefined;
import { createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

interface Invocation {
  readonly trigger: LoggingTrigger;
  readonly threw: boolean;
  readonly lines: Array<Record<string, unknown>>;
}

/** One invocation as Lambda would record it: its JSON log lines, and whether it counted as an error (it threw). */
async function invoke(trigger: LoggingTrigger, run: () => Promise<unknown>): Promise<Invocation> {
  const { result, lines } = await auditLines(() => run().then(() => false, () => true));
  return { trigger, threw: result, lines };
}

/** What the fault alarm computes from these invocations: Lambda errors, less the refusals told by throwing, plus quiet failures. */
function faultsOf(invocations: Invocation[]): number {
  const count = (figure: keyof typeof SIGN_IN_METRICS) =>
    invocations.flatMap((i) => i.lines.filter((line) => countsTowards(SIGN_IN_METRICS[figure], line))).length;
  return invocations.filter((i) => i.threw).length - count('thrownRefusals') + count('quietFailures');
}

function show(title: string, invocations: Invocation[]): void {
  const rows = invocations.flatMap((i) =>
    i.lines.map((line) => {
      const figures = Object.entries(SIGN_IN_METRICS).filter(([, figure]) => countsTowards(figure, line)).map(([, figure]) => figure.metricName);
      return `  ${i.trigger.padEnd(7)} ${String(line.level).padEnd(5)} ${String(line.event).padEnd(16)} ${i.threw ? 'threw' : 'returned'}  -> ${figures.join(', ') || '(no figure)'}`;
    }),
  );
  console.info(`${title}: ${faultsOf(invocations)} fault(s)\n${rows.join('\n')}`);
}

describe('which log lines count as faults: a local run through the real triggers and the metric filters\' own definitions', () => {
  it('a sign-in with a wrong then a right answer: no fault', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const t = await triggersOn(aws);
    const user = newUser();
    const run = [await invoke('create', () => t.create(createEvent(user)))];
    const code = await t.codeFor(user.email);
    run.push(await invoke('verify', () => t.verify(verifyEvent(user, code === '111111' ? '222222' : '111111'))));
    run.push(await invoke('verify', () => t.verify(verifyEvent(user, code))));
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    show('Sign-in', run);
    expect(run.flatMap((i) => i.lines.map((l) => l.event))).toEqual(['code_sent', 'answer_wrong', 'answer_correct']);
    expect(faultsOf(run)).toBe(0);
  });

  it('send pacing: the refusals throw (Lambda errors) but are not faults', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    let now = Date.now();
    const t = await triggersOn(aws, { MAX_SENDS_PER_HOUR: '1' }, { now: () => now });
    const user = newUser();
    const run: Invocation[] = [];
    for (let i = 0; i < 6; i++) {
      run.push(await invoke('create', () => t.create(createEvent(user))));
      now += 61_000;
    }
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    show('Send pacing', run);
    expect(run.some((i) => i.threw && i.lines.some((l) => l.event === 'send_throttled'))).toBe(true);
    expect(faultsOf(run)).toBe(0);
  });

  it('SES refusing the email: a fault, once', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const t = await triggersOn(aws);
    const ses = mockClient(SESClient);
    ses.on(SendRawEmailCommand).rejects(Object.assign(new Error('Daily message quota exceeded'), { name: 'Throttling' }));
    let run: Invocation[];
    try {
      run = [await invoke('create', () => t.create(createEvent(newUser())))];
    } finally {
      ses.restore();
      process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    }
    show('SES down', run);
    expect(run[0]).toMatchObject({ threw: true, lines: [expect.objectContaining({ level: 'ERROR', event: 'send_failed' })] });
    expect(faultsOf(run)).toBe(1);
  });
});
