import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run bench (smoke, tiny setting; no timing is asserted)', () => {
  it('runs end to end and writes results.json with every figure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      const out = join(dir, 'results.json');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--tiny', '--out', out], {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Cost per million sign-ins');
      const results = JSON.parse(readFileSync(out, 'utf8'));
      expect(Object.keys(results.handlersMs)).toEqual(['define', 'createNewCode', 'createReuse', 'createRetryRound', 'verifyWrong', 'verifyCorrect']);
      for (const summary of Object.values(results.handlersMs) as Array<{ median: number; p99: number }>) {
        expect(summary.p99).toBeGreaterThanOrEqual(summary.median);
      }
      expect(results.signIn.map((s: { concurrency: number }) => s.concurrency)).toEqual([1, 10, 50]);
      expect(results.bundles).toHaveLength(3);
      expect(results.awsCalls.perSuccessfulSignIn).toEqual({
        lambdaInvocations: 4,
        lambdaBilledMs: expect.any(Number),
        dynamodbReads: 0,
        dynamodbWrites: 3,
        sesEmails: 1,
      });
      expect(results.awsCalls.perFailedAttempt).toMatchObject({ lambdaInvocations: 3, dynamodbReads: 1, dynamodbWrites: 1, sesEmails: 0 });
      expect(results.cost.perMillionSignIns.total).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
