import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAudit, createLogger } from '../../triggers/domain/audit.ts';

const context = { trigger: 'define', userPoolId: 'us-east-1_Test1', userName: 'u', clientId: 'c', round: 1 } as const;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

describe('audit lines: the keys Powertools Logger writes, without loading it', () => {
  it('writes one JSON line with level, message, timestamp, service, sampling_rate, trace id and the fields', () => {
    const { out } = capture();
    const env = { POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_SERVICE_NAME: 'svc' };
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    try {
      createAudit(createLogger(env))('tokens_issued', 'ok', context, { codeId: 'id' });
    } finally {
      delete process.env._X_AMZN_TRACE_ID;
    }
    expect(out).toHaveLength(1);
    expect(out[0]!.endsWith('\n')).toBe(true);
    const line = JSON.parse(out[0]!);
    expect(Object.keys(line).slice(0, 6)).toEqual(['level', 'message', 'timestamp', 'service', 'sampling_rate', 'xray_trace_id']);
    expect(line).toEqual({
      level: 'INFO',
      message: 'tokens_issued',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'svc',
      sampling_rate: 0,
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      event: 'tokens_issued',
      outcome: 'ok',
      ...context,
      codeId: 'id',
    });
  });

  it('sends errors to stderr and honours the level variables, SILENT included', () => {
    const { out, err } = capture();
    createAudit(createLogger({}))('store_failed', 'error', context);
    createAudit(createLogger({ LOG_LEVEL: 'error' }))('code_sent', 'ok', context);
    createAudit(createLogger({ AWS_LAMBDA_LOG_LEVEL: 'SILENT' }))('store_failed', 'error', context);
    expect(out).toHaveLength(0);
    expect(err).toHaveLength(1);
    expect(JSON.parse(err[0]!)).toMatchObject({ level: 'ERROR', service: 'cognito-email-otp', event: 'store_failed' });
  });

  it('refuses a level it does not know at start-up, naming the variable, instead of quietly logging at INFO', () => {
    expect(() => createLogger({ POWERTOOLS_LOG_LEVEL: 'LOUD' })).toThrow(/POWERTOOLS_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL, SILENT, got "LOUD"/);
    expect(() => createLogger({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    expect(() => createLogger({ POWERTOOLS_LOG_LEVEL: ' warn ' })).not.toThrow();
  });
});
