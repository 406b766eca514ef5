import { describe, expect, it } from 'vitest';
import { awsClientOptions } from '../../triggers/aws/aws-clients.ts';
import { INVOCATION_BUDGET_MS, callOptions, withDeadline } from '../../triggers/domain/deadline.ts';

describe("every AWS call has a time limit, and an invocation's calls fit inside Cognito's 5 seconds", () => {
  it.each([
    ['dynamodb', 300, 700, 2],
    ['ses', 500, 2_500, 1],
    ['secretsmanager', 500, 1_000, 2],
    ['cognito', 500, 2_000, 2],
  ] as const)('%s: %i ms to connect, %i ms per request (which throws), %i attempt(s)', (service, connect, request, attempts) => {
    expect(awsClientOptions(service)).toEqual({
      maxAttempts: attempts,
      requestHandler: { connectionTimeout: connect, requestTimeout: request, throwOnRequestTimeout: true },
    });
  });

  it('inside an invocation each call is aborted at the deadline, less what is kept back for clean-up', async () => {
    expect(INVOCATION_BUDGET_MS).toBeLessThan(5_000);
    expect(callOptions()).toEqual({});
    const signal = await withDeadline(50, async () => callOptions(40).abortSignal);
    expect(signal?.aborted).toBe(false);
    await new Promise((resolve) => signal!.addEventListener('abort', resolve));
    expect(signal?.reason).toBeInstanceOf(DOMException);
  });
});
