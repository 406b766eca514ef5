import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, localStackPackages, npmInstall, packedTarball, pinnedVersion, readmeSnippet, run, tempProject } from '../helpers/packed-package.ts';

/**
 * An ESM project ("type": "module", NodeNext) with the packed tarball: the README's new-pool and
 * imported-pool apps type-check and synthesize offline, and its amazon-cognito-identity-js snippet signs
 * in against the package's own local stack, started programmatically from `cognito-email-otp/local`.
 */
const project = tempProject('esm-project');
// Removing a project with hundreds of installed packages can take minutes on a loaded machine.
afterAll(() => rm(project, { recursive: true, force: true }), 600_000);

const signInScript = `
import { readSignInLink } from 'cognito-email-otp/client/core';
import { latestCode, latestLink, startLocalStack } from 'cognito-email-otp/local';
import { emailCodeSignIn } from './identity-js.js';

const stack = await startLocalStack({
  cognitoPort: 0, dynamodbPort: 0, sesPort: 0, webPort: 0, web: false,
  triggerEnv: { SIGN_IN_LINK_URL: 'http://localhost:3000/' },
});
try {
  const email = 'someone@example.com';
  stack.pool.ensureUser(email);
  const { userPoolId, userPoolClientId, cognitoEndpoint: endpoint, mailboxUrl } = stack.info;
  const flow = emailCodeSignIn({ userPoolId, userPoolClientId, endpoint }, email);
  const first = await flow.start();
  const code = await latestCode(mailboxUrl, email);
  const wrong = await flow.answer(code === '000000' ? '111111' : '000000');
  const done = await flow.answer(code);
  // Again: a new sign-in mails a code with a link, which the app's page at SIGN_IN_LINK_URL reads and answers
  // in a sign-in of its own (a new sign-in is given the link's code).
  await emailCodeSignIn({ userPoolId, userPoolClientId, endpoint }, email).start();
  const href = await latestLink(mailboxUrl, email);
  const link = readSignInLink(href);
  const opened = emailCodeSignIn({ userPoolId, userPoolClientId, endpoint }, link.email);
  await opened.start();
  const linked = await opened.answer(link.secret);
  console.log(JSON.stringify({ first, wrong, done: done.type, idToken: done.session.getIdToken().decodePayload(), href, linked: linked.type }));
} finally {
  await stack.stop();
}
`;

/** Invokes the README's own Define function and the ready Define entry point with a first-round event. */
const invokeScript = `
import { handler as own } from './own-trigger.js';

const event = () => ({
  version: '1', region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123', userName: 'a-user', triggerSource: 'DefineAuthChallenge_Authentication',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  request: { userAttributes: { email: 'someone@example.com' }, session: [], userNotFound: false },
  response: { challengeName: null, issueTokens: null, failAuthentication: null },
});
Object.assign(process.env, { SIGN_IN_MODE: 'code', MAX_ATTEMPTS: '3' });
const { handler: ready } = await import('cognito-email-otp/triggers/define-auth-challenge');
console.log(JSON.stringify({ own: (await own(event() as never)).response, ready: (await ready(event() as never)).response }));
`;

beforeAll(async () => {
  const tarball = await packedTarball();
  const manifest = {
    name: 'esm-project',
    private: true,
    type: 'module',
    dependencies: {
      'cognito-email-otp': `file:${tarball}`,
      'aws-cdk-lib': pinnedVersion('aws-cdk-lib'),
      constructs: pinnedVersion('constructs'),
      'amazon-cognito-identity-js': pinnedVersion('amazon-cognito-identity-js'),
    },
    devDependencies: {
      // The local stack's own packages (optional peers): this project starts the stack from cognito-email-otp/local.
      ...localStackPackages(),
      'aws-cdk': pinnedVersion('aws-cdk'),
      typescript: pinnedVersion('typescript'),
      tsx: pinnedVersion('tsx'),
      '@types/node': pinnedVersion('@types/node'),
    },
  };
  const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, noEmit: true, types: ['node'] }, include: ['*.ts'] };
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(project, 'app.ts'), readmeSnippet('cdk-new-pool'));
  writeFileSync(join(project, 'imported-pool.ts'), readmeSnippet('cdk-imported-pool'));
  writeFileSync(join(project, 'identity-js.js'), readmeSnippet('identity-js'));
  writeFileSync(join(project, 'sign-in.js'), signInScript);
  writeFileSync(join(project, 'own-trigger.ts'), readmeSnippet('own-trigger'));
  writeFileSync(join(project, 'invoke-triggers.ts'), invokeScript);
  npmInstall(project);
}, 900_000);

function synth(entry: string, out: string) {
  run('npx', ['cdk', 'synth', '--no-notices', '--quiet', '--app', `npx tsx ${entry}`, '--output', out], { cwd: project });
  return (stack: string) => JSON.parse(readFileSync(join(project, out, `${stack}.template.json`), 'utf8'));
}

const resourcesOf = (template: any, type: string) =>
  Object.entries(template.Resources as Record<string, { Type: string; Properties: any }>).filter(([, r]) => r.Type === type);

describe('the package in an ESM project', () => {
  it('type-checks the README snippets against the published .d.ts (no skipLibCheck)', () => {
    run('npx', ['tsc', '-p', '.'], { cwd: project });
    // Declarations name .js files, as TypeScript of any version expects (no .ts import paths, TS5097).
    const dist = join(project, 'node_modules/cognito-email-otp/dist');
    const declarations = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(10);
    for (const name of declarations) expect(readFileSync(join(dist, name), 'utf8'), name).not.toMatch(/from '\.[^']*\.ts'/);
    const resolved = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('cognito-email-otp/cdk'))"], { cwd: project });
    expect(resolved.trim()).toMatch(/cognito-email-otp\/dist\/infra\/cdk\/index\.js$/);
  }, 300_000); // without skipLibCheck tsc reads all of aws-cdk-lib's declarations: tens of seconds on a busy machine

  it('a pool the construct creates is on the Lite plan with the triggers wired', () => {
    const template = synth('app.ts', 'out-new')('SignIn');
    const pools = resourcesOf(template, 'AWS::Cognito::UserPool');
    expect(pools).toHaveLength(1);
    const [, pool] = pools[0]!;
    expect(pool.Properties.UserPoolTier).toBe('LITE');
    expect(Object.keys(pool.Properties.LambdaConfig).sort()).toEqual(['CreateAuthChallenge', 'DefineAuthChallenge', 'VerifyAuthChallengeResponse']);
    expect(resourcesOf(template, 'AWS::WAFv2::WebACL')).toHaveLength(1);
    for (const [, fn] of resourcesOf(template, 'AWS::Lambda::Function')) expect(fn.Properties.Handler).toBe('index.handler');
  }, 300_000);

  it('an imported pool gets invoke permissions for the three functions, whose ARNs are output', () => {
    const template = synth('imported-pool.ts', 'out-imported')('SignInForImportedPool');
    expect(resourcesOf(template, 'AWS::Cognito::UserPool')).toHaveLength(0);
    const all = resourcesOf(template, 'AWS::Lambda::Permission').map(([, p]) => p.Properties);
    // Cognito may invoke the three triggers; SNS only the function that records SES's bounces and complaints.
    const permissions = all.filter((p) => p.Principal === 'cognito-idp.amazonaws.com');
    expect(permissions).toHaveLength(3);
    expect(all.filter((p) => p.Principal !== 'cognito-idp.amazonaws.com')).toEqual([
      expect.objectContaining({ Principal: 'sns.amazonaws.com', Action: 'lambda:InvokeFunction' }),
    ]);
    for (const permission of permissions) {
      expect(permission).toMatchObject({ Principal: 'cognito-idp.amazonaws.com', Action: 'lambda:InvokeFunction' });
      expect(JSON.stringify(permission.SourceArn)).toContain('userpool/eu-west-1_AbCdEf123');
    }
    expect(Object.keys(template.Outputs).sort()).toEqual(['CreateAuthChallengeArn', 'DefineAuthChallengeArn', 'VerifyAuthChallengeResponseArn']);
  }, 300_000);

  it('a function of your own from the triggers factories, and a ready entry point, answer Define as the product does', () => {
    const output = run('npx', ['tsx', 'invoke-triggers.ts'], { cwd: project, env: cleanEnv({ POWERTOOLS_LOG_LEVEL: 'SILENT' }) });
    const decided = { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false };
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({ own: decided, ready: decided });
  }, 120_000);

  it('the amazon-cognito-identity-js snippet signs in against the packed local stack: wrong code, then the right one', () => {
    const output = run(process.execPath, ['sign-in.js'], { cwd: project, env: cleanEnv({ POWERTOOLS_LOG_LEVEL: 'SILENT' }) });
    const result = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(result.first).toMatchObject({ type: 'code', codeLength: 6, attemptsLeft: 3, maskedEmail: 's***@e***.com' });
    expect(result.wrong).toMatchObject({ type: 'code', attemptsLeft: 2 });
    expect(result.done).toBe('signedIn');
    expect(result.idToken).toMatchObject({ email: 'someone@example.com', token_use: 'id' });
    expect(result.href).toMatch(/^http:\/\/localhost:3000\/#email=someone%40example\.com&link=[A-Za-z0-9_-]{22}$/);
    expect(result.linked).toBe('signedIn');
  }, 120_000);
});
