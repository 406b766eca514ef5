import { describe, expect, it } from 'vitest';
import prices from '../../bench/prices.json' with { type: 'json' };
import { compareWithBuiltInOtp, costPerMillionSignIns } from '../../bench/cost-model.ts';
import { summarize } from '../../bench/stats.ts';

describe('the cost model turns counted calls into dollars per million sign-ins', () => {
  it('prices each service from prices.json', () => {
    const cost = costPerMillionSignIns(
      { lambdaInvocations: 4, lambdaBilledMs: 40, dynamodbReads: 1, dynamodbWrites: 3, sesEmails: 1 },
      prices,
      256,
    );
    // 4 requests x $0.20 + 40 ms x 0.25 GB x $0.0000133334 per GB-s, per million
    expect(cost.lambda).toBeCloseTo(0.8 + 0.04 * 0.25 * 0.0000133334 * 1e6, 2);
    expect(cost.dynamodb).toBeCloseTo(0.125 + 3 * 0.625, 2);
    expect(cost.ses).toBe(100);
    expect(cost.total).toBeCloseTo(cost.lambda + cost.dynamodb + cost.ses, 2);
  });

  it('compares with the built-in email OTP by monthly active users', () => {
    const perMillion = { lambda: 1, dynamodb: 2, ses: 100, total: 103 };
    const [once] = [compareWithBuiltInOtp(perMillion, prices, 4)];
    expect(once).toEqual({ signInsPerMau: 4, monthlyActiveUsers: 250_000, thisProduct: 250_000 * 0.0055 + 103, cognitoBuiltInEmailOtp: 250_000 * 0.015 + 100 });
  });
});

describe('bench statistics', () => {
  it('reports the median and the 99th percentile by nearest rank', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(summarize(samples)).toEqual({ runs: 200, median: 100, p99: 198 });
    expect(summarize([5])).toEqual({ runs: 1, median: 5, p99: 5 });
  });
});
