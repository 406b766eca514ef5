import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One id per run: the packaging tests (test/package) pack the package once and share the tarball.
    globalSetup: ['test/helpers/package-run.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machine has two cores; integration tests start their own servers.
    maxWorkers: 2,
    // Audit lines are asserted where they matter (test/integration/audit-log.test.ts), silent elsewhere.
    // The SDK's notice that it will need Node.js 22 from 2027 (the Lambda runtime already is) would repeat per file.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
