import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machine has two cores; integration tests start their own servers.
    maxWorkers: 2,
    // Audit lines are asserted where they matter (test/integration/audit-log.test.ts), silent elsewhere.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
  },
});
