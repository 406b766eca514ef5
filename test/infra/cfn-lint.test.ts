import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { afterAll, describe, expect, it } from 'vitest';
import { EmailOtpAuth, type EmailOtpAuthProps } from '../../infra/cdk/email-otp-auth.ts';
import { synth } from '../helpers/cdk.ts';

/** cfn-lint (installed on these machines) reads what `cdk deploy` would send CloudFormation. */
const hasCfnLint = spawnSync('cfn-lint', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(name: string, props: (stack: Parameters<Parameters<typeof synth>[0]>[0]) => EmailOtpAuthProps): string[] {
  const { template } = synth((stack) => void new EmailOtpAuth(stack, 'Otp', props(stack)));
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(template.toJSON()));
  const run = spawnSync('cfn-lint', ['--format', 'parseable', '--', file], { encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  // aws-cdk-lib makes each function DependsOn its role, which it also reads with GetAtt: W3005, CDK's own doing.
  const cdkOwn = /:W3005:'\w+Role[0-9A-F]{8}' dependency already enforced by a 'GetAtt' at 'Resources\/\w+\/Properties\/Role'/;
  return run.stdout.split('\n').filter((line) => line && !cdkOwn.test(line));
}

describe.skipIf(!hasCfnLint)('cfn-lint reads the construct\'s templates and finds nothing but CDK\'s own role dependencies', () => {
  it('with the defaults', () => {
    expect(lint('defaults', () => ({ fromAddress: 'no-reply@example.com', signInLinkUrl: 'https://app.example.com/sign-in' }))).toEqual([]);
  }, 150_000);

  it('with every optional resource: two-step mode, identity with DKIM and MAIL FROM, feedback, WAF, the optional triggers', () => {
    const findings = lint('everything', (stack) => ({
      fromAddress: 'Acme <no-reply@acme.example>',
      signInMode: 'password-and-code',
      createEmailIdentity: 'domain',
      hostedZone: route53.PublicHostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z123', zoneName: 'acme.example' }),
      mailFromDomain: 'mail.acme.example',
      createConfigurationSet: true,
      wafRateLimitPer5Minutes: 300,
      autoConfirmSignUp: true,
      markEmailVerified: true,
      selfSignUp: true,
      maxEmailsPerHour: 500,
      authSessionValidity: Duration.minutes(5),
    }));
    expect(findings).toEqual([]);
  }, 150_000);
});
