import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, packedTarball, readmeSnippet, repoCdk, run, tempProject } from '../helpers/packed-package.ts';

/**
 * A new user's CDK app: `cdk init app --language typescript` (CommonJS, NodeNext, the template's own
 * tsconfig untouched), the packed tarball installed, the README's "own user pool" stack pasted in, then the
 * template's own `cdk synth`, offline. Jest and its SWC transform are left out of the install: the
 * template's tests are not what is under test (their type definitions stay, the tsconfig names them).
 */
const work = tempProject('cdk-app');
const app = join(work, 'my-app');
// Removing a project with hundreds of installed packages can take minutes on a loaded machine.
afterAll(() => rm(work, { recursive: true, force: true }), 600_000);

beforeAll(async () => {
  const tarball = await packedTarball();
  run('mkdir', ['-p', app], { cwd: work });
  run(process.execPath, [repoCdk, 'init', 'app', '--language', 'typescript', '--generate-only'], { cwd: app });
  rmSync(join(app, 'test'), { recursive: true, force: true });
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  for (const name of ['jest', '@swc/core', '@swc/jest']) delete manifest.devDependencies[name];
  manifest.dependencies['cognito-email-otp'] = `file:${tarball}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(app, 'lib/my-app-stack.ts'), readmeSnippet('cdk-existing-pool'));
  npmInstall(app);
}, 900_000);

describe('the package in a CDK app from the default TypeScript template', () => {
  it('resolves the construct through the CommonJS build, with the template as generated', () => {
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).type).toBeUndefined();
    const resolved = run(process.execPath, ['-p', "require.resolve('cognito-email-otp/cdk')"], { cwd: app }).trim();
    expect(resolved).toMatch(/node_modules\/cognito-email-otp\/dist\/infra\/cdk\/index\.cjs$/);
  });

  it('type-checks and synthesizes offline with the triggers wired into its own pool, deploying the prebuilt bundles', () => {
    run('npx', ['cdk', 'synth', '--no-notices', '--quiet'], { cwd: app });
    const template = JSON.parse(readFileSync(join(app, 'cdk.out/MyAppStack.template.json'), 'utf8'));
    const resources = Object.entries(template.Resources) as Array<[string, { Type: string; Properties: any }]>;
    const functions = resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'EmailOtpCreateAuthChallenge',
      'EmailOtpDefineAuthChallenge',
      'EmailOtpVerifyAuthChallengeResponse',
    ]);
    const [, pool] = resources.find(([, r]) => r.Type === 'AWS::Cognito::UserPool')!;
    expect(pool.Properties.UserPoolTier).toBe('LITE');
    for (const trigger of ['DefineAuthChallenge', 'CreateAuthChallenge', 'VerifyAuthChallengeResponse']) {
      expect(pool.Properties.LambdaConfig[trigger]).toEqual({ 'Fn::GetAtt': [expect.stringMatching(`^EmailOtp${trigger}`), 'Arn'] });
    }
    expect(resources.some(([, r]) => r.Type === 'AWS::Cognito::UserPoolClient')).toBe(true);

    // Each function's asset is the package's bundle, byte for byte: nothing was bundled in the app.
    const bundles = join(app, 'node_modules/cognito-email-otp/dist/lambda');
    for (const [, fn] of functions) {
      expect(fn.Properties.Handler).toBe('index.handler');
      const asset = join(app, 'cdk.out', `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
      const shipped = readdirSync(bundles).map((name) => readFileSync(join(bundles, name, 'index.js'), 'utf8'));
      expect(shipped).toContain(readFileSync(join(asset, 'index.js'), 'utf8'));
    }
    // Nothing in the package names a lockfile or needs esbuild at synth time.
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/cognito-email-otp/package.json'), 'utf8'));
    expect(Object.keys({ ...installed.dependencies, ...installed.peerDependencies })).not.toContain('esbuild');
    const construct = readFileSync(join(app, 'node_modules/cognito-email-otp/dist/infra/cdk/index.cjs'), 'utf8');
    expect(construct).not.toMatch(/package-lock|depsLockFilePath/);
  }, 600_000);
});
