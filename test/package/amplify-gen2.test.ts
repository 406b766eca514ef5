import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmInstall, packedTarball, pinnedVersion, readmeSnippet, repoCdk, run, tempProject } from '../helpers/packed-package.ts';

/**
 * An Amplify Gen 2 backend (`@aws-amplify/backend`, `defineAuth` with email sign-in) with the README's
 * `amplify/backend.ts`, synthesized offline the way `ampx sandbox` does (`cdk synth` of amplify/backend.ts
 * with the backend identifier as context). Not tested: `ampx` itself, deploying, and the generated
 * `amplify_outputs.json` (it is written by `ampx` after a deploy).
 */
const project = tempProject('amplify-gen2');
// Removing a project with hundreds of installed packages can take minutes on a loaded machine.
afterAll(() => rm(project, { recursive: true, force: true }), 600_000);

beforeAll(async () => {
  const tarball = await packedTarball();
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'amplify-gen2-app',
      private: true,
      type: 'module',
      dependencies: { 'cognito-email-otp': `file:${tarball}` },
      devDependencies: {
        '@aws-amplify/backend': '^1.25.1',
        'aws-cdk-lib': pinnedVersion('aws-cdk-lib'),
        constructs: pinnedVersion('constructs'),
        tsx: pinnedVersion('tsx'),
        typescript: pinnedVersion('typescript'),
      },
    }),
  );
  mkdirSync(join(project, 'amplify/auth'), { recursive: true });
  // The files `npm create amplify` writes (auth with email sign-in; Amplify's tsconfig for amplify/).
  writeFileSync(
    join(project, 'amplify/auth/resource.ts'),
    "import { defineAuth } from '@aws-amplify/backend';\n\nexport const auth = defineAuth({ loginWith: { email: true } });\n",
  );
  writeFileSync(
    join(project, 'amplify/tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'es2022',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        esModuleInterop: true,
        forceConsistentCasingInFileNames: true,
        strict: true,
        skipLibCheck: true,
        noEmit: true,
      },
    }),
  );
  writeFileSync(join(project, 'amplify/backend.ts'), readmeSnippet('amplify-gen2'));
  npmInstall(project);
}, 900_000);

describe('the package in an Amplify Gen 2 backend', () => {
  it('type-checks and synthesizes offline with the triggers on the Amplify pool, which is on Lite', () => {
    run('npx', ['tsc', '-p', 'amplify'], { cwd: project });
    run(
      process.execPath,
      [
        repoCdk, 'synth', '--no-notices', '--quiet', '--app', 'npx tsx amplify/backend.ts',
        '-c', 'amplify-backend-namespace=myapp', '-c', 'amplify-backend-name=sandbox1', '-c', 'amplify-backend-type=sandbox',
      ],
      { cwd: project },
    );
    const out = join(project, 'cdk.out');
    const nested = readdirSync(out).find((name) => /auth.*\.nested\.template\.json$/.test(name));
    expect(nested).toBeDefined();
    const template = JSON.parse(readFileSync(join(out, nested!), 'utf8'));
    const resources = Object.values(template.Resources) as Array<{ Type: string; Properties: any }>;
    const pools = resources.filter((r) => r.Type === 'AWS::Cognito::UserPool');
    expect(pools).toHaveLength(1);
    expect(pools[0]!.Properties.UserPoolTier).toBe('LITE');
    expect(Object.keys(pools[0]!.Properties.LambdaConfig).sort()).toEqual(['CreateAuthChallenge', 'DefineAuthChallenge', 'VerifyAuthChallengeResponse']);
    // Only Amplify's own web client, and it allows the custom flow and refresh only: no password-only sign-in.
    const clients = resources.filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    expect(clients[0]!.Properties).toMatchObject({ PreventUserExistenceErrors: 'ENABLED' });
    expect(clients[0]!.Properties.ExplicitAuthFlows).toEqual(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    // Amplify's pool matches sign-in names whatever their letter case.
    expect(pools[0]!.Properties.UsernameConfiguration).toEqual({ CaseSensitive: false });
    const functions = resources.filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Handler === 'index.handler');
    expect(functions.length).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
