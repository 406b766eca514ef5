import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';

export interface Synthesized {
  readonly template: Template;
  /** cdk-nag AwsSolutions findings left unacknowledged (errors and warnings). */
  readonly nagFindings: string[];
}

/**
 * Synthesizes a stack built by `build` with the cdk-nag AwsSolutions checks. Bundling is skipped unless
 * asked for: the template is the same, and each bundle costs seconds.
 */
export function synth(build: (stack: Stack) => void, options: { bundle?: boolean; stack?: (app: App) => Stack } = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  try {
    const app = new App({ outdir, context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
    const stack = options.stack ? options.stack(app) : new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
    build(stack);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let failure: unknown;
    try {
      app.synth();
    } catch (error) {
      failure = error;
    }
    const reportFile = join(outdir, 'validation-report.json');
    const nagFindings = existsSync(reportFile)
      ? (JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: Array<{ violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }> }).pluginReports.flatMap(
          (report) => report.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)),
        )
      : [];
    if (failure && nagFindings.length === 0) throw failure;
    return { template: Template.fromStack(stack), nagFindings };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
