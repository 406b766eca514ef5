import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, npmInstall, packedTarball, readmeSnippet, repoCdk, run, tempProject } from '../helpers/packed-package.ts';

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
      // SES's bounces and complaints, on by default.
      'EmailOtpSesFeedback',
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

  it('installs none of the local stack\'s packages, whose commands then name the npm install -D that adds them', () => {
    // Only the construct's and the triggers' dependencies: no emulators, no native LevelDB binding.
    for (const name of ['dynalite', 'aws-ses-v2-local', 'classic-level', 'jose']) {
      expect(existsSync(join(app, 'node_modules', name)), name).toBe(false);
    }
    const install = 'npm install -D "dynalite@^4.0.0" "aws-ses-v2-local@^2.10.2" "jose@^6.2.18"';
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/cognito-email-otp/package.json'), 'utf8'));
    expect(install).toContain(`"dynalite@${installed.peerDependencies.dynalite}"`);

    const bin = join(app, 'node_modules/.bin/cognito-email-otp');
    const help = spawnSync(bin, ['local', '--help'], { cwd: app, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npx cognito-email-otp local [--clean]');

    const start = spawnSync(bin, ['local'], { cwd: app, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(start.signal).toBeNull();
    expect(start.status).toBe(1);
    expect(start.stderr).toContain('Could not start the local stack: The local stack needs dynalite, aws-ses-v2-local, jose');
    expect(start.stderr).toContain(install);
    expect(existsSync(join(app, '.local/stack.json'))).toBe(false);

    const imported = spawnSync(process.execPath, ['-e', "import('cognito-email-otp/local').catch((e) => { console.error(e.message); process.exit(3); })"], {
      cwd: app,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    expect(imported.status).toBe(3);
    expect(imported.stderr).toContain(install);
  }, 120_000);

  it('ships the LICENSE, MIT No Attribution as package.json says', () => {
    const installed = join(app, 'node_modules/cognito-email-otp');
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).license).toBe('MIT-0');
    const license = readFileSync(join(installed, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT No Attribution\n\nCopyright the cognito-email-otp authors\n/);
    expect(license).toContain('without restriction, including without limitation the rights to use');
  });
});
