import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailOtpAuth } from '../../infra/cdk/email-otp-auth.ts';
import { EmailOtpStack } from '../../infra/cdk/email-otp-stack.ts';
import { synth } from '../helpers/cdk.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'cdk-app-'));
const webDist = join(work, 'web');
beforeAll(async () => {
  await build({ root: join(root, 'web'), logLevel: 'silent', build: { outDir: webDist, emptyOutDir: true } });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the deployable app', () => {
  it('creates pool, client and construct, hosts the page with a config.json of the stack outputs, and passes cdk-nag', () => {
    const { template, nagFindings } = synth(() => undefined, {
      stack: (app) =>
        new EmailOtpStack(app, 'EmailOtpAuth', {
          env: { account: '123456789012', region: 'eu-west-1' },
          hostWebPage: true,
          webDistDir: webDist,
          auth: { fromAddress: 'no-reply@example.com', signInMode: 'password-and-code', markEmailVerified: true },
        }),
    });
    expect(nagFindings).toEqual([]);
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(['region', 'signInMode', 'userPoolClientId', 'userPoolId', 'webUrl']);
    expect(outputs.userPoolId!.Value).toEqual({ Ref: expect.stringMatching(/^EmailOtpAuthUserPool/) });
    expect(outputs.userPoolClientId!.Value).toEqual({ Ref: expect.stringMatching(/SignInClient/) });
    expect(outputs.signInMode!.Value).toBe('password-and-code');
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
    // `npx cdk destroy` removes what the app made, as the README says (a construct in your own stack retains them).
    for (const type of ['AWS::Cognito::UserPool', 'AWS::DynamoDB::GlobalTable', 'AWS::SecretsManager::Secret']) {
      template.hasResource(type, { DeletionPolicy: 'Delete' });
    }
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    // The config.json source carries the pool and client ids as deploy-time markers.
    const deployment = Object.values(template.findResources('Custom::CDKBucketDeployment'))[0]!;
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toMatch(/"Ref":"EmailOtpAuthUserPool[0-9A-F]+"/);
    expect(markers).toMatch(/"Ref":"EmailOtpAuthUserPoolSignInClient[0-9A-F]+"/);
  });

  it('in code mode, each code email links to the hosted page', () => {
    const { template } = synth(() => undefined, {
      stack: (app) =>
        new EmailOtpStack(app, 'EmailOtpAuth', {
          env: { account: '123456789012', region: 'eu-west-1' },
          hostWebPage: true,
          webDistDir: webDist,
          auth: { fromAddress: 'no-reply@example.com' },
        }),
    });
    const create = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.includes('CreateAuthChallenge'))![1];
    const link = JSON.stringify(create.Properties.Environment.Variables.SIGN_IN_LINK_URL);
    expect(link).toMatch(/https:\/\/.*DomainName.*\//);
  });

  it('bundles each trigger with the local esbuild when synthesized for real', () => {
    const { template } = synth(
      (stack: Stack) => {
        new EmailOtpAuth(stack, 'Otp', { fromAddress: 'no-reply@example.com', signInLinkUrl: 'https://app.example.com/' });
      },
      { bundle: true, stack: (app) => new Stack(app, 'Bundled', { env: { account: '123456789012', region: 'eu-west-1' } }) },
    );
    template.resourceCountIs('AWS::Lambda::Function', 4); // the three triggers and the SES feedback function
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.Code.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    }
  });

  it('npm run synth works offline and writes the template', () => {
    const out = join(work, 'cdk.out');
    const result = spawnSync('npx', ['cdk', 'synth', '--no-notices', '--quiet', '--output', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true' },
      timeout: 180_000,
    });
    expect(result.status, result.stderr).toBe(0);
    // Without -c fromAddress the app still synthesizes, and says that no email could be sent from its placeholder.
    expect(`${result.stdout}${result.stderr}`).toMatch(/fromAddress is not set: the codes would be sent from no-reply@example\.com, which SES refuses/);
    const template = JSON.parse(readFileSync(join(out, 'EmailOtpAuth.template.json'), 'utf8'));
    expect(Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::Lambda::Function')).toHaveLength(4);
    // With no settings, nobody can sign themselves up: users are added by an administrator.
    const pool = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::Cognito::UserPool') as any;
    expect(pool.Properties.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.Properties.LambdaConfig.PreSignUp).toBeUndefined();
    const assets = readdirSync(out).filter((name) => name.startsWith('asset.'));
    const bundles = assets.map((dir) => join(out, dir, 'index.js')).filter((file) => existsSync(file));
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    for (const file of bundles) {
      const code = readFileSync(file, 'utf8');
      expect(existsSync(`${file}.map`)).toBe(true);
      const averageLine = code.length / code.split('\n').length;
      expect(averageLine, `${file} is not minified`).toBeGreaterThan(500);
    }
  }, 200_000);
});
